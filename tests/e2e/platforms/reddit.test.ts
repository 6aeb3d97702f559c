import { expect } from 'vitest';
import { platformSuite } from './contract';

platformSuite({
  name: 'reddit.com',
  adapter: { id: 'reddit', exportName: 'redditAdapter' },
  url: 'https://www.reddit.com/r/vigie_demo/comments/1gvigie/livraison_en_retard/',
  editor: { selector: 'shreddit-composer [contenteditable="true"]', model: 'reddit-reply', kind: 'Lexical editor state' },
  reply: 'Merci Jean-Baptiste, c’est noté ! 🙏\nNous revenons vers vous très vite.',
  badges: {
    count: 6,
    what: 'the post and every comment at any depth, not the ad nor the deleted comment',
    async check(page) {
      for (const id of ['t3_1gvigie', 't1_lx0vig1', 't1_lx0vig2', 't1_lx0vig3', 't1_lx0vig4', 't1_lx0vig6']) {
        expect(await page.locator(`vigie-badge[data-vigie-comment="reddit:${id}"]`).count()).toBe(1);
      }
      expect(await page.locator('shreddit-comment[thingid="t1_lx0vig3"] > [slot="commentMeta"] > vigie-badge').count()).toBe(1);
      expect(await page.locator('shreddit-ad-post vigie-badge').count()).toBe(0);
    },
  },
  // A Reddit username, not a name: kept as it is.
  picker: { greeting: 'marie_dpt' },
  navigation: {
    link: 'a[data-spa][href*="/1gvsav2/"]',
    url: 'https://www.reddit.com/r/vigie_demo/comments/1gvsav2/sav_injoignable/',
    badges: 3,
    check: async (page) => expect(await page.locator('vigie-badge[data-vigie-comment="reddit:t1_lx1sav2"]').count()).toBe(1),
    model: 'reddit-reply-2',
    reply: 'Bonjour Nina 😊',
  },
});

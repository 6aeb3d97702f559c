import { expect } from 'vitest';
import { platformSuite } from './contract';

platformSuite({
  name: 'youtube.com',
  adapter: { id: 'youtube', exportName: 'youtubeAdapter' },
  url: 'https://www.youtube.com/watch?v=vIgIeDeMo01',
  editor: { selector: '#contenteditable-root', model: 'yt-reply', kind: 'comment box state' },
  reply: 'Merci Marie, c’est noté ! 🙏\nNous revenons vers vous très vite.',
  // YouTube enables its Comment button from its own state: it must have seen the text arrive.
  afterInsert: async (page) => expect(await page.locator('#submit-button button').isDisabled()).toBe(false),
  badges: {
    count: 6,
    what: 'every comment and reply',
    async check(page) {
      expect(await page.locator('ytd-comment-engagement-bar > vigie-badge').count()).toBe(6);
      expect(await page.locator('vigie-badge[data-vigie-comment="youtube:UgzVigieThread01.AQdVigieReply02"]').count()).toBe(1);
    },
  },
  // YouTube shows handles, not names: the greeting keeps the handle rather than guess a first name.
  picker: { greeting: '@marie_dpt' },
  navigation: {
    link: 'a[data-spa][href^="/post/"]',
    url: 'https://www.youtube.com/post/UgkxVigieDemoPost01',
    badges: 2,
    check: async (page) => expect(await page.locator('vigie-badge[data-vigie-comment="youtube:UgzVigieSecond01.AQdVigieSecondR1"]').count()).toBe(1),
    model: 'yt-reply-2',
    reply: 'Bonjour Jeanne 😊',
  },
});

import { expect } from 'vitest';
import { platformSuite } from './contract';

platformSuite({
  name: 'tiktok.com',
  adapter: { id: 'tiktok', exportName: 'tiktokAdapter' },
  url: 'https://www.tiktok.com/@vigie.demo/video/7440000000000000001',
  ready: '[data-e2e="comment-input"] .public-DraftEditor-content',
  editor: { selector: '[data-e2e="comment-input"] .public-DraftEditor-content', model: 'tt-comment', kind: 'Draft.js state' },
  reply: 'Merci Marie, c’est noté ! 🙏\nNous revenons vers vous très vite.',
  badges: {
    count: 6,
    what: 'every comment and reply',
    check: async (page) => expect(await page.locator('[class*="DivReplyContainer"] vigie-badge').count()).toBe(2),
  },
  // The box under the comments answers the video, which is no comment: no name rather than the last commenter's.
  picker: { greeting: '[prénom]' },
  navigation: {
    link: 'a[data-spa][href$="/video/7440000000000000002"]',
    url: 'https://www.tiktok.com/@vigie.demo/video/7440000000000000002',
    badges: 2,
    // TikTok shows no comment ids: Vigie's are derived from the video, so they name the new one.
    async check(page) {
      const ids = await page.locator('vigie-badge').evaluateAll((els) => els.map((e) => e.getAttribute('data-vigie-comment')));
      expect(ids.every((id) => id?.startsWith('tiktok:7440000000000000002:'))).toBe(true);
    },
    model: 'tt-comment-2',
    reply: 'Bonjour Jeanne 😊',
  },
});

import { expect } from 'vitest';
import { platformSuite } from './contract';

platformSuite({
  name: 'linkedin.com',
  adapter: { id: 'linkedin', exportName: 'linkedinAdapter' },
  url: 'https://www.linkedin.com/feed/',
  ready: '.ql-editor',
  editor: { selector: '.ql-editor', model: 'li-comment', kind: 'Quill Delta' },
  reply: 'Bonjour Marie, c’est noté ! 🙏\nNous revenons vers vous très vite.',
  badges: {
    count: 7,
    what: 'posts, comments and replies, not the sponsored post',
    async check(page) {
      expect(await page.locator('.feed-shared-social-action-bar > vigie-badge').count()).toBe(2);
      expect(await page.locator('.comments-comment-social-bar--cr > vigie-badge').count()).toBe(5);
      expect(await page.locator('vigie-badge[data-vigie-comment="linkedin:comment:7529487453388800085"]').count()).toBe(1);
      expect(await page.locator('[data-urn="urn:li:activity:7528758902784000003"] vigie-badge').count()).toBe(0);
    },
  },
  picker: { greeting: 'Vigie' },
  navigation: {
    link: 'a[data-spa][href*="7529211887616000002"]',
    url: 'https://www.linkedin.com/feed/update/urn:li:activity:7529211887616000002/',
    badges: 3,
    check: async (page) => expect(await page.locator('vigie-badge[data-vigie-comment="linkedin:comment:7529242086604800022"]').count()).toBe(1),
    model: 'li-comment-2',
    reply: 'Bonjour Jeanne 😊',
  },
});

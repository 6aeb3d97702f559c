import { expect } from 'vitest';
import { platformSuite } from './contract';

platformSuite({
  name: 'threads.com',
  adapter: { id: 'threads', exportName: 'threadsAdapter' },
  url: 'https://www.threads.com/@vigie_demo/post/DCvIgIeDeMo',
  editor: { selector: '[data-lexical-editor="true"]', model: 'threads-reply', kind: 'Lexical editor state' },
  reply: '@marie.dpt c’est noté ! 🙏\nNous revenons vers vous très vite.',
  badges: {
    count: 5,
    what: 'the post and every reply, not the ad',
    async check(page) {
      expect(await page.locator('[data-pressable-container] div:has(> div[role="button"]) > vigie-badge').count()).toBe(5);
      expect(await page.locator('vigie-badge[data-vigie-comment="threads:DCvIgIeRep03"]').count()).toBe(1);
    },
  },
  // The box under the post answers the post, here the brand's own (a handle: no first name).
  picker: { greeting: 'vigie_demo' },
  navigation: {
    link: 'a[data-spa][href$="DCvSaVDeMo2"]',
    url: 'https://www.threads.com/@vigie_demo/post/DCvSaVDeMo2',
    badges: 2,
    check: async (page) => expect(await page.locator('vigie-badge[data-vigie-comment="threads:DCvSaVRep01"]').count()).toBe(1),
    model: 'threads-reply-2',
    reply: 'Bonjour Jeanne 😊',
  },
});

import { expect } from 'vitest';
import { platformSuite } from './contract';

platformSuite({
  name: 'instagram.com',
  adapter: { id: 'instagram', exportName: 'instagramAdapter' },
  url: 'https://www.instagram.com/p/DCvIgIeDeMo/',
  ready: 'form textarea',
  editor: { selector: 'form textarea', model: 'ig-comment', kind: 'textarea’s React state' },
  reply: '@marie.dpt c’est noté ! 🙏\nNous revenons vers vous très vite.',
  badges: {
    count: 5,
    what: 'every comment and reply, not the caption',
    async check(page) {
      expect(await page.locator('a[href*="/c/"] + span + div + vigie-badge').count()).toBe(5);
      expect(await page.locator('vigie-badge[data-vigie-comment="instagram:18012345678900003"]').count()).toBe(1);
    },
  },
  picker: { greeting: '[prénom]' },
  navigation: {
    link: 'a[data-spa][href="/p/DCvSaVDeMo2/"]',
    url: 'https://www.instagram.com/p/DCvSaVDeMo2/',
    badges: 2,
    check: async (page) => expect(await page.locator('vigie-badge[data-vigie-comment="instagram:18012345678900012"]').count()).toBe(1),
    model: 'ig-comment-2',
    reply: 'Bonjour Jeanne 😊',
  },
});

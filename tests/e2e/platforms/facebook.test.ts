import { expect } from 'vitest';
import { platformSuite } from './contract';

platformSuite({
  name: 'facebook.com',
  adapter: { id: 'facebook', exportName: 'facebookAdapter' },
  url: 'https://www.facebook.com/VigieDemo/posts/pfbid02Vig1eDem0PostA',
  editor: { selector: '[data-lexical-editor="true"]', model: 'fb-comment', kind: 'Lexical editor state' },
  reply: 'Bonjour Marie, c’est noté ! 🙏\nNous revenons vers vous très vite.',
  badges: {
    count: 5,
    what: 'every comment and reply',
    async check(page) {
      expect(await page.locator('div[role="article"] > div > div > ul > vigie-badge').count()).toBe(5);
      expect(await page.locator('vigie-badge[data-vigie-comment="facebook:1234567890123403"]').count()).toBe(1);
    },
  },
  // The post's comment box answers the post: Facebook's post is not a comment Vigie stores, so no name.
  picker: { greeting: '[prénom]' },
  navigation: {
    link: 'a[data-spa][href$="PostB"]',
    url: 'https://www.facebook.com/VigieDemo/posts/pfbid02Vig1eDem0PostB',
    badges: 2,
    check: async (page) => expect(await page.locator('vigie-badge[data-vigie-comment="facebook:1234567890123502"]').count()).toBe(1),
    model: 'fb-comment-2',
    reply: 'Bonjour Jeanne 😊',
  },
});

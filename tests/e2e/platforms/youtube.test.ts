import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, openRecordingDialogs, type Extension } from '../harness';
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

describe('youtube.com: the hostile comment in the template picker', () => {
  let ext: Extension;
  beforeAll(async () => {
    ext = await launchExtension();
  });
  afterAll(async () => {
    await ext?.close();
  });

  it('greets its author in the picker as text, and nothing runs', async () => {
    const { page, dialogs } = await openRecordingDialogs(ext, 'https://www.youtube.com/watch?v=vIgIeDeMo01');
    await expect.poll(() => page.locator('vigie-badge[data-vigie-sentiment]').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    // Replying under the hostile comment: YouTube renders the reply dialog inside that comment.
    await page.evaluate(() => {
      const hostile = Array.from(document.querySelectorAll('ytd-comment-view-model')).find((c) => c.querySelector('#author-text')?.textContent?.includes('onerror'))!;
      hostile.querySelector('#action-buttons')!.append(document.querySelector('#reply-dialog')!);
    });
    await page.locator('#contenteditable-root').click();
    await expect.poll(() => page.locator('vigie-composer-bar [data-action="open-picker"] >> visible=true').count(), { timeout: 10_000 }).toBe(1);
    await page.locator('vigie-composer-bar [data-action="open-picker"] >> visible=true').click();
    const picker = page.locator('vigie-template-picker');
    await picker.locator('input[type=search]').fill('retard');
    const preview = picker.locator('[role="option"][data-template-id="starter-delay"] .preview');
    // In the language the comment was read in (its text mixes scripts): the greeting is what matters.
    await expect.poll(() => preview.textContent(), { timeout: 10_000 }).toMatch(/^(Bonjour|Hi) @<img src=x onerror=alert\(1\)>, /);
    expect(await picker.locator('.preview img, .preview script').count()).toBe(0);
    expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    await page.close();
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adapterWrite, injectAdapter } from '../adapter-bundle';
import { editorModelText, launchExtension, type Extension } from '../harness';

const WATCH = 'https://www.youtube.com/watch?v=vIgIeDeMo01';
const REPLY = 'Merci Marie, c’est noté ! 🙏\nNous revenons vers vous très vite.';
let ext: Extension;

beforeAll(async () => {
  ext = await launchExtension();
});
afterAll(async () => {
  await ext?.close();
});

async function openWatch() {
  const page = await ext.context.newPage();
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(WATCH);
  return { page, dialogs };
}

describe('youtube.com in real Chromium', () => {
  it('badges every comment and reply with a sentiment; hostile comments execute nothing', async () => {
    const { page, dialogs } = await openWatch();
    await expect.poll(() => page.locator('vigie-badge[data-vigie-sentiment]').count(), { timeout: 15_000 }).toBe(6);
    expect(await page.locator('ytd-comment-engagement-bar > vigie-badge').count()).toBe(6);
    expect(await page.locator('vigie-badge[data-vigie-comment="youtube:UgzVigieThread01.AQdVigieReply02"]').count()).toBe(1);
    expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    await page.close();
  });

  it('inserts a reply into the comment box state, accents, emoji and line break included', async () => {
    const { page } = await openWatch();
    await injectAdapter(page, 'youtube', 'youtubeAdapter');
    expect(await adapterWrite(page, REPLY, 'insert')).toBe(true);
    await expect.poll(() => editorModelText(page, 'yt-reply')).toBe(REPLY);
    expect(await page.locator('#submit-button button').isDisabled()).toBe(false);
    await page.close();
  });

  it('replaces a typed draft', async () => {
    const { page } = await openWatch();
    await injectAdapter(page, 'youtube', 'youtubeAdapter');
    await page.locator('#contenteditable-root').click();
    await page.keyboard.type('brouillon à jeter');
    await expect.poll(() => editorModelText(page, 'yt-reply')).toBe('brouillon à jeter');
    expect(await adapterWrite(page, REPLY, 'replace')).toBe(true);
    await expect.poll(() => editorModelText(page, 'yt-reply')).toBe(REPLY);
    await page.close();
  });

  it('follows in-app navigation to a community post and badges its comments', async () => {
    const { page } = await openWatch();
    await expect.poll(() => page.locator('vigie-badge[data-vigie-sentiment]').count(), { timeout: 15_000 }).toBe(6);
    await page.locator('a[data-spa][href^="/post/"]').click();
    await expect.poll(() => page.url()).toBe('https://www.youtube.com/post/UgkxVigieDemoPost01');
    await expect.poll(() => page.locator('vigie-badge[data-vigie-sentiment]').count(), { timeout: 15_000 }).toBe(2);
    expect(await page.locator('vigie-badge[data-vigie-comment="youtube:UgzVigieSecond01.AQdVigieSecondR1"]').count()).toBe(1);
    await injectAdapter(page, 'youtube', 'youtubeAdapter');
    expect(await adapterWrite(page, 'Bonjour Jeanne 😊', 'insert')).toBe(true);
    await expect.poll(() => editorModelText(page, 'yt-reply-2')).toBe('Bonjour Jeanne 😊');
    await page.close();
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adapterWrite, injectAdapter } from '../adapter-bundle';
import { editorModelText, launchExtension, type Extension } from '../harness';

const POST = 'https://www.facebook.com/VigieDemo/posts/pfbid02Vig1eDem0PostA';
const REPLY = 'Bonjour Marie, c’est noté ! 🙏\nNous revenons vers vous très vite.';
let ext: Extension;

beforeAll(async () => {
  ext = await launchExtension();
});
afterAll(async () => {
  await ext?.close();
});

async function open() {
  const page = await ext.context.newPage();
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(POST);
  return { page, dialogs };
}

describe('facebook.com in real Chromium', () => {
  it('badges every comment and reply; hostile comments execute nothing', async () => {
    const { page, dialogs } = await open();
    await expect.poll(() => page.locator('vigie-badge[data-vigie-sentiment]').count(), { timeout: 15_000 }).toBe(5);
    expect(await page.locator('div[role="article"] > div > div > ul > vigie-badge').count()).toBe(5);
    expect(await page.locator('vigie-badge[data-vigie-comment="facebook:1234567890123403"]').count()).toBe(1);
    expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    await page.close();
  });

  it('inserts a reply into the Lexical editor state, accents, emoji and line break included', async () => {
    const { page } = await open();
    await injectAdapter(page, 'facebook', 'facebookAdapter');
    expect(await adapterWrite(page, REPLY, 'insert')).toBe(true);
    await expect.poll(() => editorModelText(page, 'fb-comment')).toBe(REPLY);
    await page.close();
  });

  it('replaces a typed draft', async () => {
    const { page } = await open();
    await injectAdapter(page, 'facebook', 'facebookAdapter');
    await page.locator('[data-lexical-editor="true"]').click();
    await page.keyboard.type('brouillon à jeter');
    await expect.poll(() => editorModelText(page, 'fb-comment')).toBe('brouillon à jeter');
    expect(await adapterWrite(page, REPLY, 'replace')).toBe(true);
    await expect.poll(() => editorModelText(page, 'fb-comment')).toBe(REPLY);
    await page.close();
  });

  it('follows in-app navigation to another post and badges its comments', async () => {
    const { page } = await open();
    await expect.poll(() => page.locator('vigie-badge[data-vigie-sentiment]').count(), { timeout: 15_000 }).toBe(5);
    await page.locator('a[data-spa][href$="PostB"]').click();
    await expect.poll(() => page.url()).toBe('https://www.facebook.com/VigieDemo/posts/pfbid02Vig1eDem0PostB');
    await expect.poll(() => page.locator('vigie-badge[data-vigie-sentiment]').count(), { timeout: 15_000 }).toBe(2);
    expect(await page.locator('vigie-badge[data-vigie-comment="facebook:1234567890123502"]').count()).toBe(1);
    await injectAdapter(page, 'facebook', 'facebookAdapter');
    expect(await adapterWrite(page, 'Bonjour Jeanne 😊', 'insert')).toBe(true);
    await expect.poll(() => editorModelText(page, 'fb-comment-2')).toBe('Bonjour Jeanne 😊');
    await page.close();
  });
});

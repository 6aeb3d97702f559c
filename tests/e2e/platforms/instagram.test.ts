import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adapterWrite, injectAdapter } from '../adapter-bundle';
import { editorModelText, launchExtension, type Extension } from '../harness';

const POST = 'https://www.instagram.com/p/DCvIgIeDeMo/';
const REPLY = '@marie.dpt c’est noté ! 🙏\nNous revenons vers vous très vite.';
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
  await page.locator('form textarea').waitFor();
  return { page, dialogs };
}

describe('instagram.com in real Chromium', () => {
  it('badges every comment and reply, not the caption; hostile comments execute nothing', async () => {
    const { page, dialogs } = await open();
    await expect.poll(() => page.locator('vigie-badge[data-vigie-sentiment]').count(), { timeout: 15_000 }).toBe(5);
    expect(await page.locator('a[href*="/c/"] + span + div + vigie-badge').count()).toBe(5);
    expect(await page.locator('vigie-badge[data-vigie-comment="instagram:18012345678900003"]').count()).toBe(1);
    expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    await page.close();
  });

  it('inserts a reply into the textarea’s React state, accents, emoji and line break included', async () => {
    const { page } = await open();
    await injectAdapter(page, 'instagram', 'instagramAdapter');
    expect(await adapterWrite(page, REPLY, 'insert')).toBe(true);
    await expect.poll(() => editorModelText(page, 'ig-comment')).toBe(REPLY);
    await page.close();
  });

  it('replaces a typed draft', async () => {
    const { page } = await open();
    await injectAdapter(page, 'instagram', 'instagramAdapter');
    await page.locator('form textarea').click();
    await page.keyboard.type('brouillon à jeter');
    await expect.poll(() => editorModelText(page, 'ig-comment')).toBe('brouillon à jeter');
    expect(await adapterWrite(page, REPLY, 'replace')).toBe(true);
    await expect.poll(() => editorModelText(page, 'ig-comment')).toBe(REPLY);
    await page.close();
  });

  it('follows in-app navigation to another post and badges its comments', async () => {
    const { page } = await open();
    await expect.poll(() => page.locator('vigie-badge[data-vigie-sentiment]').count(), { timeout: 15_000 }).toBe(5);
    await page.locator('a[data-spa][href="/p/DCvSaVDeMo2/"]').click();
    await expect.poll(() => page.url()).toBe('https://www.instagram.com/p/DCvSaVDeMo2/');
    await expect.poll(() => page.locator('vigie-badge[data-vigie-sentiment]').count(), { timeout: 15_000 }).toBe(2);
    expect(await page.locator('vigie-badge[data-vigie-comment="instagram:18012345678900012"]').count()).toBe(1);
    await injectAdapter(page, 'instagram', 'instagramAdapter');
    expect(await adapterWrite(page, 'Bonjour Jeanne 😊', 'insert')).toBe(true);
    await expect.poll(() => editorModelText(page, 'ig-comment-2')).toBe('Bonjour Jeanne 😊');
    await page.close();
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adapterWrite, injectAdapter } from '../adapter-bundle';
import { editorModelText, launchExtension, type Extension } from '../harness';

const POST = 'https://www.threads.com/@vigie_demo/post/DCvIgIeDeMo';
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
  return { page, dialogs };
}

describe('threads.com in real Chromium', () => {
  it('badges the post and every reply, not the ad; hostile replies execute nothing', async () => {
    const { page, dialogs } = await open();
    await expect.poll(() => page.locator('vigie-badge[data-vigie-sentiment]').count(), { timeout: 15_000 }).toBe(5);
    expect(await page.locator('[data-pressable-container] div:has(> div[role="button"]) > vigie-badge').count()).toBe(5);
    expect(await page.locator('vigie-badge[data-vigie-comment="threads:DCvIgIeRep03"]').count()).toBe(1);
    expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    await page.close();
  });

  it('inserts a reply into the Lexical editor state, accents, emoji and line break included', async () => {
    const { page } = await open();
    await injectAdapter(page, 'threads', 'threadsAdapter');
    expect(await adapterWrite(page, REPLY, 'insert')).toBe(true);
    await expect.poll(() => editorModelText(page, 'threads-reply')).toBe(REPLY);
    await page.close();
  });

  it('replaces a typed draft', async () => {
    const { page } = await open();
    await injectAdapter(page, 'threads', 'threadsAdapter');
    await page.locator('[data-lexical-editor="true"]').click();
    await page.keyboard.type('brouillon à jeter');
    await expect.poll(() => editorModelText(page, 'threads-reply')).toBe('brouillon à jeter');
    expect(await adapterWrite(page, REPLY, 'replace')).toBe(true);
    await expect.poll(() => editorModelText(page, 'threads-reply')).toBe(REPLY);
    await page.close();
  });

  it('follows in-app navigation to another post and badges its replies', async () => {
    const { page } = await open();
    await expect.poll(() => page.locator('vigie-badge[data-vigie-sentiment]').count(), { timeout: 15_000 }).toBe(5);
    await page.locator('a[data-spa][href$="DCvSaVDeMo2"]').click();
    await expect.poll(() => page.url()).toBe('https://www.threads.com/@vigie_demo/post/DCvSaVDeMo2');
    await expect.poll(() => page.locator('vigie-badge[data-vigie-sentiment]').count(), { timeout: 15_000 }).toBe(2);
    expect(await page.locator('vigie-badge[data-vigie-comment="threads:DCvSaVRep01"]').count()).toBe(1);
    await injectAdapter(page, 'threads', 'threadsAdapter');
    expect(await adapterWrite(page, 'Bonjour Jeanne 😊', 'insert')).toBe(true);
    await expect.poll(() => editorModelText(page, 'threads-reply-2')).toBe('Bonjour Jeanne 😊');
    await page.close();
  });
});

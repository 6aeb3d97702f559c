import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adapterWrite, injectAdapter } from '../adapter-bundle';
import { editorModelText, launchExtension, type Extension } from '../harness';

const THREAD = 'https://www.reddit.com/r/vigie_demo/comments/1gvigie/livraison_en_retard/';
const REPLY = 'Merci Jean-Baptiste, c’est noté ! 🙏\nNous revenons vers vous très vite.';
let ext: Extension;

beforeAll(async () => {
  ext = await launchExtension();
});
afterAll(async () => {
  await ext?.close();
});

async function open(url = THREAD) {
  const page = await ext.context.newPage();
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(url);
  return { page, dialogs };
}

describe('reddit.com in real Chromium', () => {
  it('badges the post and every comment at any depth; the ad, the deleted comment and hostile text get nothing else', async () => {
    const { page, dialogs } = await open();
    await expect.poll(() => page.locator('vigie-badge[data-vigie-sentiment]').count(), { timeout: 15_000 }).toBe(6);
    for (const id of ['t3_1gvigie', 't1_lx0vig1', 't1_lx0vig2', 't1_lx0vig3', 't1_lx0vig4', 't1_lx0vig6']) {
      expect(await page.locator(`vigie-badge[data-vigie-comment="reddit:${id}"]`).count()).toBe(1);
    }
    expect(await page.locator('shreddit-comment[thingid="t1_lx0vig3"] > [slot="commentMeta"] > vigie-badge').count()).toBe(1);
    expect(await page.locator('shreddit-ad-post vigie-badge').count()).toBe(0);
    expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    await page.close();
  });

  it('inserts a reply into the Lexical editor state, accents, emoji and line break included', async () => {
    const { page } = await open();
    await injectAdapter(page, 'reddit', 'redditAdapter');
    expect(await adapterWrite(page, REPLY, 'insert')).toBe(true);
    await expect.poll(() => editorModelText(page, 'reddit-reply')).toBe(REPLY);
    await page.close();
  });

  it('replaces a typed draft', async () => {
    const { page } = await open();
    await injectAdapter(page, 'reddit', 'redditAdapter');
    await page.locator('shreddit-composer [contenteditable="true"]').click();
    await page.keyboard.type('brouillon à jeter');
    await expect.poll(() => editorModelText(page, 'reddit-reply')).toBe('brouillon à jeter');
    expect(await adapterWrite(page, REPLY, 'replace')).toBe(true);
    await expect.poll(() => editorModelText(page, 'reddit-reply')).toBe(REPLY);
    await page.close();
  });

  it('follows in-app navigation to another thread and badges its comments', async () => {
    const { page } = await open();
    await expect.poll(() => page.locator('vigie-badge[data-vigie-sentiment]').count(), { timeout: 15_000 }).toBe(6);
    await page.locator('a[data-spa][href*="/1gvsav2/"]').click();
    await expect.poll(() => page.url()).toBe('https://www.reddit.com/r/vigie_demo/comments/1gvsav2/sav_injoignable/');
    await expect.poll(() => page.locator('vigie-badge[data-vigie-sentiment]').count(), { timeout: 15_000 }).toBe(3);
    expect(await page.locator('vigie-badge[data-vigie-comment="reddit:t1_lx1sav2"]').count()).toBe(1);
    await injectAdapter(page, 'reddit', 'redditAdapter');
    expect(await adapterWrite(page, 'Bonjour Nina 😊', 'insert')).toBe(true);
    await expect.poll(() => editorModelText(page, 'reddit-reply-2')).toBe('Bonjour Nina 😊');
    await page.close();
  });
});

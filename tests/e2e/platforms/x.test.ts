import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adapterWrite, injectAdapter } from '../adapter-bundle';
import { editorModelText, launchExtension, type Extension } from '../harness';

const THREAD = 'https://x.com/vigie_demo/status/1850000000000000001';
const REPLY = 'Merci Marie, c’est noté ! 🙏\nNous revenons vers vous très vite.';
let ext: Extension;

beforeAll(async () => {
  ext = await launchExtension();
});
afterAll(async () => {
  await ext?.close();
});

async function open(url: string) {
  const page = await ext.context.newPage();
  await page.goto(url);
  await page.locator('[data-testid="tweetTextarea_0"]').waitFor();
  return page;
}
const sentimentBadges = (page: Awaited<ReturnType<typeof open>>) => page.locator('vigie-badge[data-vigie-sentiment]').count();

describe('x.com in real Chromium', () => {
  it('inserts a reply into the Draft.js state, accents, emoji and line break included', async () => {
    const page = await open(THREAD);
    await injectAdapter(page, 'x', 'xAdapter');
    expect(await adapterWrite(page, REPLY, 'insert')).toBe(true);
    await expect.poll(() => editorModelText(page, 'x-reply')).toBe(REPLY);
    await page.close();
  });

  it('replaces a typed draft', async () => {
    const page = await open(THREAD);
    await page.locator('[data-testid="tweetTextarea_0"]').click();
    await page.keyboard.type('brouillon à jeter');
    await expect.poll(() => editorModelText(page, 'x-reply')).toBe('brouillon à jeter');
    await injectAdapter(page, 'x', 'xAdapter');
    expect(await adapterWrite(page, REPLY, 'replace')).toBe(true);
    await expect.poll(() => editorModelText(page, 'x-reply')).toBe(REPLY);
    await page.close();
  });

  it('follows in-app navigation from the home timeline to a thread, then to a reply', async () => {
    const page = await open(THREAD);
    await page.goto('https://x.com/home');
    await expect.poll(() => sentimentBadges(page), { timeout: 15_000 }).toBe(3);
    await page.locator('article a[data-spa][href="/vigie_demo/status/1850000000000000001"]').first().click();
    await expect.poll(() => page.url()).toBe(THREAD);
    await expect.poll(() => sentimentBadges(page), { timeout: 15_000 }).toBe(5);
    await page.locator('article a[data-spa][href="/marie_dpt/status/1850000000000000002"]').click();
    await expect.poll(() => page.url()).toBe('https://x.com/marie_dpt/status/1850000000000000002');
    await expect.poll(() => sentimentBadges(page), { timeout: 15_000 }).toBe(3);
    expect(await page.locator('vigie-badge[data-vigie-comment="x:1850000000000000008"]').count()).toBe(1);
    await page.close();
  });

  it('badges tweets with a video, a GIF or a quoted video, and skips ads by their label, not by the video player', async () => {
    const page = await open('https://x.com/vigie_demo/status/1850000000000000020');
    await expect.poll(() => sentimentBadges(page), { timeout: 15_000 }).toBe(4);
    const badged = await page.locator('vigie-badge[data-vigie-sentiment]').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.vigieComment).sort());
    expect(badged).toEqual(['x:1850000000000000020', 'x:1850000000000000021', 'x:1850000000000000022', 'x:1850000000000000026']);
    await page.close();
  });
});

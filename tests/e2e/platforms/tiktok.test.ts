import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adapterWrite, injectAdapter } from '../adapter-bundle';
import { editorModelText, launchExtension, type Extension } from '../harness';

const VIDEO = 'https://www.tiktok.com/@vigie.demo/video/7440000000000000001';
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
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(url);
  await page.locator('[data-e2e="comment-input"] .public-DraftEditor-content').waitFor();
  return { page, dialogs };
}
const sentimentBadges = (page: Awaited<ReturnType<typeof open>>['page']) => page.locator('vigie-badge[data-vigie-sentiment]').count();

describe('tiktok.com in real Chromium', () => {
  it('badges every comment and reply; hostile comments execute nothing', async () => {
    const { page, dialogs } = await open(VIDEO);
    await expect.poll(() => sentimentBadges(page), { timeout: 15_000 }).toBe(6);
    expect(await page.locator('[class*="DivReplyContainer"] vigie-badge').count()).toBe(2);
    expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    await page.close();
  });

  it('inserts a reply into the Draft.js state, accents, emoji and line break included', async () => {
    const { page } = await open(VIDEO);
    await injectAdapter(page, 'tiktok', 'tiktokAdapter');
    expect(await adapterWrite(page, REPLY, 'insert')).toBe(true);
    await expect.poll(() => editorModelText(page, 'tt-comment')).toBe(REPLY);
    await page.close();
  });

  it('replaces a typed draft', async () => {
    const { page } = await open(VIDEO);
    await page.locator('[data-e2e="comment-input"] .public-DraftEditor-content').click();
    await page.keyboard.type('brouillon à jeter');
    await expect.poll(() => editorModelText(page, 'tt-comment')).toBe('brouillon à jeter');
    await injectAdapter(page, 'tiktok', 'tiktokAdapter');
    expect(await adapterWrite(page, REPLY, 'replace')).toBe(true);
    await expect.poll(() => editorModelText(page, 'tt-comment')).toBe(REPLY);
    await page.close();
  });

  it('follows in-app navigation to another video and badges its comments', async () => {
    const { page } = await open(VIDEO);
    await expect.poll(() => sentimentBadges(page), { timeout: 15_000 }).toBe(6);
    await page.locator('a[data-spa][href$="/video/7440000000000000002"]').click();
    await expect.poll(() => page.url()).toBe('https://www.tiktok.com/@vigie.demo/video/7440000000000000002');
    await expect.poll(() => sentimentBadges(page), { timeout: 15_000 }).toBe(2);
    const ids = await page.locator('vigie-badge').evaluateAll((els) => els.map((e) => e.getAttribute('data-vigie-comment')));
    expect(ids.every((id) => id?.startsWith('tiktok:7440000000000000002:'))).toBe(true);
    await injectAdapter(page, 'tiktok', 'tiktokAdapter');
    expect(await adapterWrite(page, 'Bonjour Jeanne 😊', 'insert')).toBe(true);
    await expect.poll(() => editorModelText(page, 'tt-comment-2')).toBe('Bonjour Jeanne 😊');
    await page.close();
  });
});

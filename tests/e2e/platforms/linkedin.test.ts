import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adapterWrite, injectAdapter } from '../adapter-bundle';
import { editorModelText, launchExtension, type Extension } from '../harness';

const FEED = 'https://www.linkedin.com/feed/';
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
  await page.goto(FEED);
  await page.locator('.ql-editor').waitFor();
  return { page, dialogs };
}

describe('linkedin.com in real Chromium', () => {
  it('badges posts, comments and replies, not the sponsored post; hostile comments execute nothing', async () => {
    const { page, dialogs } = await open();
    await expect.poll(() => page.locator('vigie-badge[data-vigie-sentiment]').count(), { timeout: 15_000 }).toBe(7);
    expect(await page.locator('.feed-shared-social-action-bar > vigie-badge').count()).toBe(2);
    expect(await page.locator('.comments-comment-social-bar--cr > vigie-badge').count()).toBe(5);
    expect(await page.locator('vigie-badge[data-vigie-comment="linkedin:comment:7529487453388800085"]').count()).toBe(1);
    expect(await page.locator('[data-urn="urn:li:activity:7528758902784000003"] vigie-badge').count()).toBe(0);
    expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    await page.close();
  });

  it('inserts a reply into the Quill Delta, accents, emoji and line break included', async () => {
    const { page } = await open();
    await injectAdapter(page, 'linkedin', 'linkedinAdapter');
    expect(await adapterWrite(page, REPLY, 'insert')).toBe(true);
    await expect.poll(() => editorModelText(page, 'li-comment')).toBe(REPLY);
    await page.close();
  });

  it('replaces a typed draft', async () => {
    const { page } = await open();
    await injectAdapter(page, 'linkedin', 'linkedinAdapter');
    await page.locator('.ql-editor').click();
    await page.keyboard.type('brouillon à jeter');
    await expect.poll(() => editorModelText(page, 'li-comment')).toBe('brouillon à jeter');
    expect(await adapterWrite(page, REPLY, 'replace')).toBe(true);
    await expect.poll(() => editorModelText(page, 'li-comment')).toBe(REPLY);
    await page.close();
  });

  it('follows in-app navigation to a post page and badges its comments', async () => {
    const { page } = await open();
    await expect.poll(() => page.locator('vigie-badge[data-vigie-sentiment]').count(), { timeout: 15_000 }).toBe(7);
    await page.locator('a[data-spa][href*="7529211887616000002"]').click();
    await expect.poll(() => page.url()).toBe('https://www.linkedin.com/feed/update/urn:li:activity:7529211887616000002/');
    await expect.poll(() => page.locator('vigie-badge[data-vigie-sentiment]').count(), { timeout: 15_000 }).toBe(3);
    expect(await page.locator('vigie-badge[data-vigie-comment="linkedin:comment:7529242086604800022"]').count()).toBe(1);
    await injectAdapter(page, 'linkedin', 'linkedinAdapter');
    expect(await adapterWrite(page, 'Bonjour Jeanne 😊', 'insert')).toBe(true);
    await expect.poll(() => editorModelText(page, 'li-comment-2')).toBe('Bonjour Jeanne 😊');
    await page.close();
  });
});

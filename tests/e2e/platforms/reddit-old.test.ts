/**
 * old.reddit.com in real Chromium with the built extension: the same Reddit adapter badges r2's
 * div.thing comment tree, and its plain textarea reply boxes (the top-level form and the clone the
 * "reply" link puts under a comment) take templates, adapter writes and the "answered" marking.
 * The page is tests/fixtures/reddit/old-thread.html, its reply/post behaviour reddit.js's.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adapterWrite, injectAdapter } from '../adapter-bundle';
import { launchExtension, openRecordingDialogs, type Extension } from '../harness';
import { dbRow } from '../db';

const THREAD = 'https://old.reddit.com/r/vigie_modo/comments/1gvmodo/livraison_en_retard/';
const READ = ['t3_1gvmodo', 't1_lx2mod1', 't1_lx2mod2', 't1_lx2mod3', 't1_lx2mod4', 't1_lx2mod7'];

let ext: Extension;
beforeAll(async () => {
  ext = await launchExtension();
});
afterAll(async () => {
  await ext?.close();
});

const badges = (page: Page) => page.locator('vigie-badge[data-vigie-sentiment]').count();
const topLevel = (page: Page) => page.locator('.commentarea > form.usertext.cloneable textarea[name="text"]');
const value = (page: Page, selector: string) => page.locator(selector).inputValue();

async function openThread(): Promise<{ page: Page; dialogs: string[] }> {
  const { page, dialogs } = await openRecordingDialogs(ext, THREAD);
  await expect.poll(() => badges(page), { timeout: 15_000 }).toBe(READ.length);
  return { page, dialogs };
}

/** The reply form old Reddit's "reply" link clones under a comment. */
async function replyUnder(page: Page, id: string): Promise<string> {
  await page.locator(`#thing_${id} > .entry .reply-button a`).click();
  const selector = `#thing_${id} > .child > form#commentreply_${id} textarea[name="text"]`;
  await page.locator(selector).waitFor();
  return selector;
}

/** A row of the extension's database, read in its service worker. */
const row = <T>(store: string, key: string) => dbRow<T>(ext.worker, store, key);

const status = async (id: string) => (await row<{ status: string }>('comments', `reddit:${id}`))?.status;

describe('old.reddit.com in real Chromium', () => {
  it('badges the post and every comment at any depth in its own tagline, not the deleted, removed or moderator-only removed ones; hostile text runs nothing', async () => {
    const { page, dialogs } = await openThread();
    for (const id of READ) expect(await page.locator(`vigie-badge[data-vigie-comment="reddit:${id}"]`).count()).toBe(1);
    expect(await page.locator('#thing_t1_lx2mod3 > .entry > .tagline vigie-badge').count()).toBe(1);
    expect(await page.locator('#thing_t3_1gvmodo > .entry .tagline vigie-badge').count()).toBe(1);
    for (const gone of ['t1_lx2mod5', 't1_lx2mod6', 't1_lx2mod8']) expect(await page.locator(`#thing_${gone} > .entry vigie-badge`).count()).toBe(0);
    expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    await page.close();
  });

  it('badges a listing’s posts but not its ad, and reports the page’s health with what it found', async () => {
    const page = await ext.context.newPage();
    const listing = 'https://old.reddit.com/r/vigie_modo/';
    await page.goto(listing);
    await expect.poll(() => badges(page), { timeout: 15_000 }).toBe(2);
    expect(await page.locator('#thing_t3_1gvmpub vigie-badge').count()).toBe(0);
    const health = () => row<{ url: string; comments: number; composers: number; problems: unknown[] }>('health', 'reddit');
    await expect.poll(async () => (await health())?.url, { timeout: 15_000 }).toBe(listing);
    expect(await health()).toMatchObject({ comments: 3, composers: 0, problems: [] });
    await page.close();
  });

  it('inserts a template into the textarea the "reply" link opened under a comment, and the textarea’s value holds it', async () => {
    const { page } = await openThread();
    // The top-level box has its bar already: wait for the new box's own before using the last one.
    await expect.poll(() => page.locator('vigie-composer-bar').count(), { timeout: 10_000 }).toBe(1);
    const box = await replyUnder(page, 't1_lx2mod1');
    await page.locator(box).click();
    await expect.poll(() => page.locator('vigie-composer-bar').count(), { timeout: 10_000 }).toBe(2);
    await page.locator('vigie-composer-bar [data-action="open-picker"]').last().click();
    const picker = page.locator('vigie-template-picker');
    await picker.locator('input[type=search]').fill('retar livr');
    await expect.poll(() => picker.locator('[role="option"]').first().getAttribute('data-template-id')).toBe('starter-delay');
    await picker.locator('input[type=search]').press('Enter');
    await picker.locator('#field-deliveryDate').fill('2026-11-25');
    await picker.locator('[data-action="insert"]').click();
    await expect.poll(() => picker.count()).toBe(0);
    // Greeted by name: the box answers the comment whose .child it was put in.
    await expect.poll(() => value(page, box), { timeout: 10_000 }).toMatch(/^Bonjour jb_martin, .*mercredi 25 novembre/);
    expect(await topLevel(page).inputValue()).toBe('');
    await page.close();
  });

  it('greets the author of a nested reply when the box sits in that reply’s .child', async () => {
    const { page } = await openThread();
    await expect.poll(() => page.locator('vigie-composer-bar').count(), { timeout: 10_000 }).toBe(1);
    const box = await replyUnder(page, 't1_lx2mod3');
    // Typed once the box has its tools, as a person would see the bar appear.
    await expect.poll(() => page.locator('vigie-composer-bar').count(), { timeout: 10_000 }).toBe(2);
    await page.locator(box).click();
    await page.keyboard.type(';merci ');
    await expect.poll(() => value(page, box), { timeout: 5_000 }).toMatch(/^Merci beaucoup pour votre message, marie_dpt/);
    await page.close();
  });

  it('writes through the adapter into the top-level textarea, then replaces a typed draft', async () => {
    const { page } = await openThread();
    await injectAdapter(page, 'reddit', 'redditAdapter');
    const reply = 'Merci Marie, c’est noté ! 🙏\nNous revenons vers vous très vite.';
    expect(await adapterWrite(page, reply, 'insert')).toBe(true);
    expect(await topLevel(page).inputValue()).toBe(reply);
    await topLevel(page).fill('');
    await topLevel(page).click();
    await page.keyboard.type('brouillon à jeter');
    expect(await adapterWrite(page, reply, 'replace')).toBe(true);
    expect(await topLevel(page).inputValue()).toBe(reply);
    await page.close();
  });

  it('marks the post replied when old Reddit empties the top-level box after posting a template', async () => {
    const { page } = await openThread();
    await topLevel(page).click();
    await page.keyboard.type(';merci ');
    await expect.poll(() => topLevel(page).inputValue(), { timeout: 10_000 }).toMatch(/^Merci beaucoup/);
    expect(await status('t3_1gvmodo')).not.toBe('replied');
    await page.locator('.commentarea > form.usertext.cloneable button.save').click();
    await expect.poll(() => topLevel(page).inputValue()).toBe('');
    await expect.poll(() => status('t3_1gvmodo'), { timeout: 10_000 }).toBe('replied');
    await page.close();
  });

  it('checks the brand voice in the textarea and applies a fix to its value', async () => {
    const { page } = await openThread();
    await topLevel(page).click();
    await page.keyboard.type('Tu peux nous écrire en MP');
    const summary = page.locator('vigie-composer-bar [data-action="voice-summary"]').first();
    await expect.poll(() => summary.getAttribute('data-state'), { timeout: 10_000 }).not.toBe('ok');
    await summary.click();
    const address = page.locator('vigie-composer-bar .panel .finding').filter({ hasText: /vous|tu/i }).first();
    await address.locator('[data-action="apply-fix"]').first().click();
    await expect.poll(() => topLevel(page).inputValue(), { timeout: 10_000 }).toMatch(/^Vous pouvez nous écrire en MP/);
    await page.close();
  });

  // r2 empties a reply's textarea and removes its form in one answer: the box is looked at one last time as it goes.
  it('marks a comment replied when old Reddit posts the reply under it and removes its form', async () => {
    const { page } = await openThread();
    await expect.poll(() => page.locator('vigie-composer-bar').count(), { timeout: 10_000 }).toBe(1);
    const box = await replyUnder(page, 't1_lx2mod1');
    await expect.poll(() => page.locator('vigie-composer-bar').count(), { timeout: 10_000 }).toBe(2);
    await page.locator(box).click();
    await page.keyboard.type(';merci ');
    await expect.poll(() => value(page, box), { timeout: 10_000 }).toMatch(/^Merci beaucoup/);
    await page.locator('#thing_t1_lx2mod1 > .child > form button.save').click();
    await expect.poll(() => page.locator('#thing_t1_lx2mod1 > .entry .reply-button a').textContent()).toBe('replied');
    await expect.poll(() => status('t1_lx2mod1'), { timeout: 5_000 }).toBe('replied');
    await page.close();
  });
});

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editorModelText, launchExtension, type Extension } from './harness';
import { dbRow } from './db';
import { insertDelayTemplate } from './picker';

let ext: Extension;
beforeAll(async () => {
  ext = await launchExtension();
});
afterAll(async () => {
  await ext?.close();
});

const MARIE_THREAD = 'https://x.com/marie_dpt/status/1850000000000000002';

async function openThread(): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(MARIE_THREAD);
  await expect.poll(() => page.locator('vigie-badge[data-vigie-sentiment]').count(), { timeout: 15_000 }).toBe(3);
  await expect.poll(() => page.locator('vigie-composer-bar').count(), { timeout: 10_000 }).toBe(1);
  return page;
}

describe('reply templates and brand voice in the x.com reply box (Draft.js)', () => {
  it('picks a template by typing part of its name, fills its field, and the editor model holds the rendered reply', async () => {
    const page = await openThread();
    await page.locator('[data-testid="tweetTextarea_0"]').click();
    await page.locator('vigie-composer-bar [data-action="open-picker"]').click();
    const picker = page.locator('vigie-template-picker');
    await picker.locator('input[type=search]').fill('retar livr');
    await expect.poll(() => picker.locator('[role="option"]').first().getAttribute('data-template-id')).toBe('starter-delay');
    await picker.locator('input[type=search]').press('Enter');
    await picker.locator('#field-deliveryDate').fill('2026-11-25');
    await picker.locator('[data-action="insert"]').click();
    await expect.poll(() => picker.count()).toBe(0);
    // X gets the template's short variant, with the author's first name, the chosen date and French typography.
    await expect
      .poll(() => editorModelText(page, 'x-reply'))
      .toBe("Bonjour Marie, désolés pour ce retard\u00a0! Votre colis est en route et devrait arriver d'ici le mercredi 25 novembre. Sinon, écrivez-nous en DM avec votre numéro de commande.");
    await page.close();
  });

  it('opens the picker on the focused reply box when the browser fires the keyboard command, with the shortcut Chrome gave it', async () => {
    const page = await openThread();
    await page.locator('[data-testid="tweetTextarea_0"]').click();
    type Commands = { getAll(): Promise<{ name: string; shortcut: string }[]>; onCommand: { dispatch(name: string): void } };
    // Chrome leaves a suggested key unassigned when it is one of its own (Alt+Shift+T focuses its toolbar).
    const shortcut = await ext.worker.evaluate(async () => {
      const all = await (globalThis as unknown as { chrome: { commands: Commands } }).chrome.commands.getAll();
      return all.find((c) => c.name === 'open-template-picker')?.shortcut;
    });
    expect(shortcut).toBe('Alt+Shift+M');
    // A shortcut cannot be pressed in headless Chromium; the command event is fired to the background's own listener instead.
    await page.bringToFront();
    await ext.worker.evaluate(() => (globalThis as unknown as { chrome: { commands: Commands } }).chrome.commands.onCommand.dispatch('open-template-picker'));
    await expect.poll(() => page.locator('vigie-template-picker input[type=search]').count()).toBe(1);
    await page.close();
  });

  it('marks the answered comment replied when the reply box empties after a template went in (the platform posted it)', async () => {
    const page = await openThread();
    await page.locator('[data-testid="tweetTextarea_0"]').click();
    await page.keyboard.type(';merci ');
    await expect.poll(() => editorModelText(page, 'x-reply'), { timeout: 10_000 }).toMatch(/^Merci beaucoup/);
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    await expect.poll(() => editorModelText(page, 'x-reply')).toBe('');
    const status = () => dbRow<{ status: string }>(ext.worker, 'comments', 'x:1850000000000000002').then((c) => c?.status);
    await expect.poll(status, { timeout: 10_000 }).toBe('replied');
    await page.close();
  });

  it('expands an inline ;trigger typed in the reply box', async () => {
    const page = await openThread();
    await page.locator('[data-testid="tweetTextarea_0"]').click();
    await page.keyboard.type(';merci ');
    await expect.poll(() => editorModelText(page, 'x-reply'), { timeout: 10_000 }).toMatch(/^Merci beaucoup pour votre message, Marie/);
    await page.close();
  });

  // The first check of each language loads its dictionary in the background: the English one is the larger.
  it.each([
    { lang: 'fr', typo: 'messsage', reply: '@marie_dpt Merci pour votre messsage, nous regardons votre commande. #SAV', loadMs: 20_000 },
    { lang: 'en', typo: 'mesage', reply: '@marie_dpt Thank you for your mesage, we are looking into your order right now. #SAV', loadMs: 30_000 },
  ])('catches a $lang typo as the reply is typed and fixes it through the editor, keeping the brand and the handle', async ({ lang, typo, reply, loadMs }) => {
    const page = await openThread();
    await page.locator('[data-testid="tweetTextarea_0"]').click();
    await page.keyboard.type(reply);
    const summary = page.locator('vigie-composer-bar [data-action="voice-summary"]');
    await expect.poll(() => summary.getAttribute('data-state'), { timeout: 15_000 }).not.toBe('ok');
    await summary.click();
    const spelling = page.locator(`vigie-composer-bar .panel .finding[data-rule="${lang}.spelling"]`);
    await expect.poll(() => spelling.count(), { timeout: loadMs }).toBe(1);
    expect(await spelling.textContent()).toContain(typo);
    await spelling.locator('[data-action="apply-fix"]').first().click();
    await expect.poll(() => editorModelText(page, 'x-reply'), { timeout: 10_000 }).toBe(reply.replace(typo, 'message'));
    await expect.poll(() => spelling.count(), { timeout: 10_000 }).toBe(0);
    await page.close();
  });

  it('checks the brand voice as the reply is typed and applies a fix in one click', async () => {
    const page = await openThread();
    await page.locator('[data-testid="tweetTextarea_0"]').click();
    await page.keyboard.type('Tu peux nous écrire en MP');
    const summary = page.locator('vigie-composer-bar [data-action="voice-summary"]');
    await expect.poll(() => summary.getAttribute('data-state'), { timeout: 10_000 }).not.toBe('ok');
    // Underlines are painted by the CSS Custom Highlight API, not inserted into the editor.
    expect(await page.evaluate(() => [...(CSS as unknown as { highlights: Map<string, unknown> }).highlights.keys()].some((k) => k.startsWith('vigie-')))).toBe(true);
    expect(await page.locator('[data-testid="tweetTextarea_0"] vigie-badge, [data-testid="tweetTextarea_0"] mark').count()).toBe(0);
    await summary.click();
    const address = page.locator('vigie-composer-bar .panel .finding').filter({ hasText: /vous|tu/i }).first();
    await address.locator('[data-action="apply-fix"]').first().click();
    await expect.poll(() => editorModelText(page, 'x-reply'), { timeout: 10_000 }).toMatch(/^Vous pouvez nous écrire en MP/);
    // Paused for this reply box: the underlines go, and come back on resume.
    const hasMarks = () => page.evaluate(() => [...(CSS as unknown as { highlights: Map<string, { size: number }> }).highlights.values()].some((h) => h.size > 0));
    await page.keyboard.type(' tu vois');
    await expect.poll(hasMarks, { timeout: 10_000 }).toBe(true);
    await page.locator('vigie-composer-bar [data-action="voice-pause"]').click();
    await expect.poll(hasMarks).toBe(false);
    await page.locator('vigie-composer-bar [data-action="voice-pause"]').click();
    await expect.poll(hasMarks, { timeout: 10_000 }).toBe(true);
    await page.close();
  });
});

describe('the template picker in other platforms\' editors', () => {
  const cases = [
    // Facebook, LinkedIn, Instagram, YouTube, TikTok, Reddit and Threads: tests/e2e/platforms/contract.ts.
    // Bluesky's reply box below the thread answers the thread's root post, not its last reply.
    { platform: 'Bluesky (TipTap)', url: 'https://bsky.app/profile/vigie.bsky.social/post/3lvigieqqq2aa', editor: 'bsky-reply', badges: 5, greeting: 'Vigie' },
  ];
  it.each(cases)('$platform: search, fill the field, insert; the model holds the reply', async ({ url, editor, badges, greeting }) => {
    const page = await ext.context.newPage();
    await page.goto(url);
    // Badges land when the background answers and push the page down: click once they are all in.
    await expect.poll(() => page.locator('vigie-badge[data-vigie-sentiment]').count(), { timeout: 15_000 }).toBe(badges);
    await expect.poll(() => page.locator('vigie-composer-bar').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await page.locator(`[data-fixture-id="${editor}"]`).click();
    await insertDelayTemplate(page);
    const model = await expect.poll(() => editorModelText(page, editor), { timeout: 10_000 });
    await model.toMatch(new RegExp(`^Bonjour ${greeting.replace(/[[\]]/g, '\\$&')}, (nous sommes )?désolés pour ce retard`));
    await model.toContain('mercredi 25 novembre');
    await model.not.toContain('{{');
    await page.close();
  });
});


/**
 * The extension on the platforms' pages in Firefox ESR (Manifest V2 build): badges on X and Facebook,
 * a template from the picker into Draft.js and Lexical, the brand-voice check's underline and its
 * one-click fix. What is asserted is what a user sees: a badge on the comment, the text in the
 * editor's own model.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ElementHandle, JSHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staticTimeline } from '../../../bench/lib/x-page';
import { readThrough } from '../read-through';
import { attribute, count, editorModelText, launchFirefoxExtension, type FirefoxExtension } from './harness';

const X_THREAD = 'https://x.com/vigie_demo/status/1850000000000000001';
const X_MARIE = 'https://x.com/marie_dpt/status/1850000000000000002';
const FB_POST = 'https://www.facebook.com/VigieDemo/posts/pfbid02Vig1eDem0PostA';
const BADGES = 'vigie-badge[data-vigie-sentiment]';

let ext: FirefoxExtension;
beforeAll(async () => {
  ext = await launchFirefoxExtension();
});
afterAll(async () => {
  await ext?.close();
});

async function open(url: string, badges: number): Promise<Page> {
  const page = await ext.newPage();
  await page.goto(url);
  await expect.poll(() => count(page, BADGES), { timeout: 15_000 }).toBe(badges);
  return page;
}

/** Clicks the element a waitForFunction returned, as a user would (scrolled into view, mouse at its centre). */
async function clickHandle(handle: JSHandle): Promise<void> {
  const el = handle.asElement() as ElementHandle<Element> | null;
  if (!el) throw new Error('not an element');
  await el.click();
}

/** Opens the template picker from the bar of the reply box `editor`, searches, picks the first result, fills the delivery date and inserts. */
async function insertDelayTemplate(page: Page, editor: string, search: string) {
  await expect.poll(() => count(page, 'vigie-composer-bar'), { timeout: 15_000 }).toBeGreaterThan(0);
  await page.click(editor);
  // The bar of the reply box just clicked: other boxes' bars are hidden while their editor is.
  await clickHandle(
    await page.waitForFunction(() =>
      [...document.querySelectorAll('vigie-composer-bar')].map((bar) => bar.shadowRoot?.querySelector('[data-action="open-picker"]')).find((b) => b && b.getClientRects().length > 0),
    ),
  );
  await page.locator('vigie-template-picker >>> input[type=search]').fill(search);
  await expect.poll(() => attribute(page, 'vigie-template-picker >>> [role="option"]', 'data-template-id')).toBe('starter-delay');
  await page.locator('vigie-template-picker >>> [role="option"]').click();
  await page.locator('vigie-template-picker >>> #field-deliveryDate').fill('2026-11-25');
  await page.locator('vigie-template-picker >>> [data-action="insert"]').click();
  await expect.poll(() => count(page, 'vigie-template-picker')).toBe(0);
}

describe('Firefox: platform pages', () => {
  it('badges every post of an x.com thread, each on its own comment', async () => {
    const page = await open(X_THREAD, 5);
    for (const id of ['1850000000000000001', '1850000000000000002', '1850000000000000003']) {
      expect(await count(page, `article[data-testid="tweet"] vigie-badge[data-vigie-comment="x:${id}"]`)).toBe(1);
    }
    // Marie's "C’est une arnaque 😡" is judged negative, as in Chromium.
    expect(await attribute(page, 'vigie-badge[data-vigie-comment="x:1850000000000000002"]', 'data-vigie-sentiment')).toBe('negative');
    if (process.env.VIGIE_SCREENSHOTS) {
      const shots = join(import.meta.dirname, '..', '..', '..', 'docs', 'screenshots');
      mkdirSync(shots, { recursive: true });
      await page.screenshot({ path: join(shots, 'firefox-x.png') });
    }
    await page.close();
  });

  it('badges the comments of a 600-tweet page as they come near the screen, every one once the page is read through', async () => {
    const N = 600;
    const url = 'https://x.com/vigie_demo/status/1890000000000000001';
    const page = await ext.newPage({ [url]: staticTimeline(N, 5_000) });
    await page.goto(url);
    // Those within reach of the screen, without the runs of 100 a scroll builds ahead; the far ones wait (a screen holds a few).
    await expect.poll(() => count(page, BADGES), { timeout: 20_000 }).toBeGreaterThan(0);
    const early = await count(page, BADGES);
    expect(early).toBeLessThan(100);
    // A fling builds nothing for the comments it passes (lib/page/near-view.ts): counted in its last frame.
    await new Promise((r) => setTimeout(r, 500));
    const before = await count(page, BADGES);
    const fling = await page.evaluate(
      () =>
        new Promise<{ scrolled: number; badges: number }>((resolve) => {
          let frames = 0;
          const frame = () => {
            scrollBy(0, 1000);
            if (++frames < 40) requestAnimationFrame(frame);
            else resolve({ scrolled: scrollY, badges: document.querySelectorAll('vigie-badge[data-vigie-sentiment]').length });
          };
          requestAnimationFrame(frame);
        }),
    );
    expect(fling.scrolled).toBeGreaterThan(30_000);
    expect(fling.badges).toBe(before);
    // Stopped there, the screen's comments get theirs.
    await expect.poll(() => count(page, BADGES), { timeout: 5_000 }).toBeGreaterThan(before);
    // Read through again while the last answers land, as the old loop did.
    let badged = 0;
    for (let round = 0; round < 20 && badged < N; round++) badged = await page.evaluate(readThrough);
    expect(badged).toBe(N);
    expect(await count(page, `vigie-badge[data-vigie-comment="x:${(1860000000000000000n + 5_000n + BigInt(N - 1)).toString()}"]`)).toBe(1);
    await page.close();
  });

  it('badges every comment and reply of a Facebook post', async () => {
    const page = await open(FB_POST, 5);
    expect(await count(page, 'div[role="article"] > div > div > ul > vigie-badge')).toBe(5);
    expect(await count(page, 'vigie-badge[data-vigie-comment="facebook:1234567890123403"]')).toBe(1);
    await page.close();
  });

  it('inserts a template from the picker into the X reply box: the Draft.js state holds the rendered reply', async () => {
    const page = await open(X_MARIE, 3);
    await insertDelayTemplate(page, '[data-testid="tweetTextarea_0"]', 'retar livr');
    // X gets the template's short variant, with the author's first name, the chosen date and French typography.
    await expect
      .poll(() => editorModelText(page, 'x-reply'), { timeout: 10_000 })
      .toBe("Bonjour Marie, désolés pour ce retard\u00a0! Votre colis est en route et devrait arriver d'ici le mercredi 25 novembre. Sinon, écrivez-nous en DM avec votre numéro de commande.");
    await page.close();
  });

  it('inserts a template from the picker into the Facebook comment box: the Lexical state holds the rendered reply', async () => {
    const page = await open(FB_POST, 5);
    await insertDelayTemplate(page, '[data-fixture-id="fb-comment"]', 'retard');
    const model = await editorModelText(page, 'fb-comment');
    expect(model).toMatch(/^Bonjour \[prénom\], (nous sommes )?désolés pour ce retard/);
    expect(model).toContain('mercredi 25 novembre');
    expect(model).not.toContain('{{');
    await page.close();
  });

  it('underlines a voice finding as the reply is typed and fixes it in one click', async () => {
    const page = await open(X_MARIE, 3);
    await expect.poll(() => count(page, 'vigie-composer-bar'), { timeout: 10_000 }).toBe(1);
    await page.click('[data-testid="tweetTextarea_0"]');
    await page.keyboard.type('Tu peux nous écrire en MP');
    await expect.poll(() => editorModelText(page, 'x-reply')).toBe('Tu peux nous écrire en MP');
    const summary = 'vigie-composer-bar >>> [data-action="voice-summary"]';
    await expect.poll(() => attribute(page, summary, 'data-state'), { timeout: 10_000 }).toMatch(/^(?!ok$)./);
    // The underline: a CSS Custom Highlight over the reply's text, nothing inserted into the editor.
    const marked = () => page.evaluate(() => [...(CSS as unknown as { highlights: Map<string, { size: number }> }).highlights].some(([k, h]) => k.startsWith('vigie-') && h.size > 0));
    await expect.poll(marked, { timeout: 10_000 }).toBe(true);
    expect(await count(page, '[data-testid="tweetTextarea_0"] vigie-badge, [data-testid="tweetTextarea_0"] mark')).toBe(0);
    await page.click(summary);
    // The address finding (tu where the brand says vous) and its fix.
    const fix = await page.waitForFunction(() => {
      const bar = document.querySelector('vigie-composer-bar')?.shadowRoot;
      const finding = [...(bar?.querySelectorAll('.panel .finding') ?? [])].find((f) => /vous|tu/i.test(f.textContent ?? ''));
      return finding?.querySelector('[data-action="apply-fix"]') ?? null;
    });
    await clickHandle(fix);
    await expect.poll(() => editorModelText(page, 'x-reply'), { timeout: 10_000 }).toMatch(/^Vous pouvez nous écrire en MP/);
    await page.close();
  });

  it('the background, the pages and the content scripts logged no error', () => {
    expect(ext.extensionErrors()).toEqual([]);
  });
});

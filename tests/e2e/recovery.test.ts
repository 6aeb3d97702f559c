/**
 * The page recovers by itself (issue 18): Chrome stops the service worker whenever it likes, and
 * updates the extension under open tabs. Real Chromium, the real build, a 2,000-tweet X page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { staticTimeline } from '../../bench/lib/x-page';
import { editorModelText, extensionPath, launchExtension, openExtensionPage, scrollThrough, withinReach, type Extension } from './harness';
import { dbClear, dbCounts, dbRows } from './db';

const N = 2000;
const BADGED = 'vigie-badge[data-vigie-sentiment]';

let ext: Extension;
beforeAll(async () => {
  ext = await launchExtension();
});
afterAll(async () => {
  await ext?.close();
});

/** Comment rows, and the comments the tallies count as seen, read with the raw IndexedDB API from an extension document. */
async function stored(): Promise<{ rows: number; ids: string[]; tallied: number }> {
  const tab = await ext.context.newPage();
  await tab.goto(`chrome-extension://${ext.id}/manifest.json`);
  const ids = (await dbRows<{ id: string }>(tab, 'comments')).map((c) => c.id);
  const tallies = await dbRows<{ key: string; counts: Record<string, number> }>(tab, 'tallies');
  await tab.close();
  return { rows: ids.length, ids, tallied: tallies.filter((t) => t.key.startsWith('day|')).reduce((n, t) => n + (t.counts.seen ?? 0), 0) };
}

/** Loads a 2,000-tweet page while the service worker is stopped `stops` times in its first `ms` milliseconds. */
async function loadWhileStopping(stops: number, first: number, ms = 3000): Promise<Page> {
  const url = `https://x.com/vigie_demo/status/18800000000000000${stops}`;
  const html = staticTimeline(N, first);
  // Registered after the fixtures' route, so it wins.
  await ext.context.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
  const page = await ext.context.newPage();
  const cdp = await ext.context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  const stopping = (async () => {
    for (let i = 0; i < stops; i++) {
      await new Promise((r) => setTimeout(r, ms / stops));
      await cdp.send('ServiceWorker.stopAllWorkers');
    }
  })();
  await page.goto(url);
  await stopping;
  return page;
}

describe('a restarting background', () => {
  for (const [stops, first] of [[3, 200_000], [12, 300_000]] as const) {
    it(`every comment of a 2,000-comment page is badged and stored once, the worker stopped ${stops} times while it loads, without reload`, async () => {
      const before = await stored();
      const page = await loadWhileStopping(stops, first);
      await expect.poll(async () => (await stored()).rows - before.rows, { interval: 500, timeout: 30_000 }).toBe(N);
      // Badges are built as comments come near the screen: those within reach of it when their answer
      // lands (a screen holds a few, more before the avatars load), without the run of 100 on either
      // side that a scroll builds ahead; the far ones wait. Read through, every one has its sentiment.
      // A batch whose answer the stopped worker lost is asked again by the page (2 s later): its badges come then.
      await expect.poll(async () => { const r = await withinReach(page, 'article[data-testid="tweet"]'); return r.comments > 0 && r.badged === r.comments; }, { timeout: 15_000 }).toBe(true);
      expect((await withinReach(page, 'article[data-testid="tweet"]')).badges).toBeLessThan(100);
      expect(await scrollThrough(page)).toBe(N);
      expect(await page.locator('vigie-badge').count()).toBe(N);
      expect(await page.locator('vigie-badge[data-vigie-retrying]').count()).toBe(0);
      const after = await stored();
      const mine = after.ids.filter((id) => {
        const n = BigInt(id.slice('x:'.length)) - 1860000000000000000n;
        return n >= BigInt(first) && n < BigInt(first + N);
      });
      expect(mine).toHaveLength(N);
      expect(after.rows - before.rows).toBe(N);
      expect(after.tallied).toBe(after.rows);
      await page.close();
    }, 90_000);
  }

  it('the popup shows how often the background had to be asked again on X', async () => {
    // Stopped every 50 ms while the batches are answered, so that some die mid-answer: a stop between two messages costs no retry.
    const before = await stored();
    const page = await loadWhileStopping(80, 400_000, 4000);
    await expect.poll(async () => (await stored()).rows - before.rows, { interval: 500, timeout: 30_000 }).toBe(N);
    const popup = await openExtensionPage(ext, 'popup');
    const x = popup.locator('[data-testid="health-list"] li[data-platform="x"] .transport');
    // The page reports its retries a few seconds after the last one.
    const retries = async () => ((await x.count()) ? Number(await x.getAttribute('data-retries')) : 0);
    await expect.poll(retries, { timeout: 20_000 }).toBeGreaterThan(0);
    expect(await x.textContent()).toMatch(/arrière-plan injoignable : \d+ (nouvel essai|nouveaux essais), \d+ échecs?/);
    await popup.close();
    await page.close();
  }, 90_000);
});

describe('the reply box while the worker keeps stopping', () => {
  // Chrome starts a stopped worker again for the next message: this guards that the reply tools keep relying on it.
  it('a voice check and a template insertion made while the worker is stopped succeed once it is back', async () => {
    const page = await ext.context.newPage();
    await page.goto('https://x.com/marie_dpt/status/1850000000000000002');
    await expect.poll(() => page.locator(BADGED).count(), { timeout: 15_000 }).toBe(3);
    await expect.poll(() => page.locator('vigie-composer-bar').count(), { timeout: 10_000 }).toBe(1);
    const cdp = await ext.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    const stop = () => cdp.send('ServiceWorker.stopAllWorkers');

    await page.locator('[data-testid="tweetTextarea_0"]').click();
    await stop();
    await page.keyboard.type('Tu peux nous écrire en MP');
    const summary = page.locator('vigie-composer-bar [data-action="voice-summary"]');
    await expect.poll(() => summary.getAttribute('data-state'), { timeout: 15_000 }).not.toBe('ok');
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    await stop();
    await page.locator('vigie-composer-bar [data-action="open-picker"]').click();
    const picker = page.locator('vigie-template-picker');
    await picker.locator('input[type=search]').fill('retar livr');
    await expect.poll(() => picker.locator('[role="option"]').first().getAttribute('data-template-id'), { timeout: 15_000 }).toBe('starter-delay');
    await picker.locator('input[type=search]').press('Enter');
    await picker.locator('#field-deliveryDate').fill('2026-11-25');
    await stop();
    await picker.locator('[data-action="insert"]').click();
    await expect.poll(() => picker.count(), { timeout: 15_000 }).toBe(0);
    await expect.poll(() => editorModelText(page, 'x-reply'), { timeout: 10_000 }).toMatch(/^Bonjour Marie, désolés pour ce retard/);
    await page.close();
  }, 90_000);
});

describe('a start after an install the browser cut short', () => {
  it('stores the built-in voice packs that are missing before it answers, and the reply box flags a typo again', async () => {
    // The worker stopped during the install's seeding: no pack was stored (the install's own seeding done first).
    const packs = async () => (await dbCounts(ext.worker, ['voicePacks']))[0];
    await expect.poll(packs, { timeout: 10_000 }).toBeGreaterThanOrEqual(3);
    await dbClear(ext.worker, 'voicePacks');
    expect(await packs()).toBe(0);
    const page = await ext.context.newPage();
    const cdp = await ext.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await page.goto('https://x.com/marie_dpt/status/1850000000000000002');
    await expect.poll(() => page.locator('vigie-composer-bar').count(), { timeout: 15_000 }).toBe(1);
    await page.locator('[data-testid="tweetTextarea_0"]').click();
    await page.keyboard.type('@marie_dpt Merci pour votre messsage, nous regardons votre commande. #SAV');
    const summary = page.locator('vigie-composer-bar [data-action="voice-summary"]');
    await expect.poll(() => summary.getAttribute('data-state'), { timeout: 15_000 }).not.toBe('ok');
    await summary.click();
    await expect.poll(() => page.locator('vigie-composer-bar .panel .finding[data-rule="fr.spelling"]').count(), { timeout: 20_000 }).toBe(1);
    await page.close();
  }, 60_000);
});

describe('an extension updated under an open tab', () => {
  it('a tab that already runs the current script keeps it: the background, starting scripts after an install, asks first', async () => {
    const page = await ext.context.newPage();
    await page.goto('https://x.com/vigie_demo/status/1850000000000000001');
    await expect.poll(() => page.locator(BADGED).count(), { timeout: 15_000 }).toBe(5);
    await page.evaluate(() => document.querySelectorAll('vigie-badge').forEach((b) => b.setAttribute('data-first', '')));
    // The browser's own install event, fired to the background's listener; the calls it makes to the tabs are recorded.
    await ext.worker.evaluate(() => {
      type Calls = { pinged: number; answered: number; injected: number };
      type Call = (...args: unknown[]) => Promise<unknown>;
      type Chrome = { tabs: { sendMessage: Call }; scripting: { executeScript: Call }; runtime: { onInstalled: { dispatch(details: unknown): void } } };
      const g = globalThis as unknown as { chrome: Chrome; __calls: Calls };
      const calls: Calls = (g.__calls = { pinged: 0, answered: 0, injected: 0 });
      const sendMessage = g.chrome.tabs.sendMessage.bind(g.chrome.tabs);
      g.chrome.tabs.sendMessage = async (...args: unknown[]) => {
        calls.pinged++;
        const answer = await sendMessage(...args);
        calls.answered++;
        return answer;
      };
      const executeScript = g.chrome.scripting.executeScript.bind(g.chrome.scripting);
      g.chrome.scripting.executeScript = (...args: unknown[]) => {
        calls.injected++;
        return executeScript(...args);
      };
      g.chrome.runtime.onInstalled.dispatch({ reason: 'install' });
    });
    const calls = () => ext.worker.evaluate(() => (globalThis as unknown as { __calls: { pinged: number; answered: number; injected: number } }).__calls);
    await expect.poll(async () => (await calls()).answered, { timeout: 15_000 }).toBe(1);
    expect(await calls()).toEqual({ pinged: 1, answered: 1, injected: 0 });
    expect(await page.locator(`${BADGED}[data-first]`).count()).toBe(5);
    expect(await page.locator('vigie-badge').count()).toBe(5);
    await page.close();
  });

  it('the new version takes the open tab over: fresh badges, no reload, no note, nothing thrown', async () => {
    const page = await ext.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // The fixture page's own missing images are not ours.
    page.on('console', (m) => m.type() === 'error' && !m.text().startsWith('Failed to load resource') && errors.push(m.text()));
    await page.goto('https://x.com/vigie_demo/status/1850000000000000001');
    await expect.poll(() => page.locator(BADGED).count(), { timeout: 15_000 }).toBe(5);
    // The old script's badges, told apart from the ones the new version will make.
    await page.evaluate(() => document.querySelectorAll('vigie-badge').forEach((b) => b.setAttribute('data-old', '')));

    // Loading the same unpacked build again is an update in place (same id), as the extensions page's Reload does.
    // chrome.runtime.reload() of a --load-extension build leaves it unloaded in this Chromium, hence CDP.
    const cdp = await ext.context.browser()!.newBrowserCDPSession();
    const { id } = (await cdp.send('Extensions.loadUnpacked' as never, { path: extensionPath } as never)) as { id: string };
    expect(id).toBe(ext.id);

    // The background ran the new content script in the tab: it replaced the old badges with its own.
    await expect.poll(() => page.locator(`${BADGED}:not([data-old])`).count(), { timeout: 15_000 }).toBe(5);
    expect(await page.locator('vigie-badge').count()).toBe(5);
    expect(await page.locator('vigie-update-note').count()).toBe(0);
    // The page keeps changing under the old script too: no error for each mutation.
    await page.evaluate(() => {
      for (let i = 0; i < 20; i++) document.body.append(document.createElement('div'));
    });
    await page.waitForTimeout(1500);
    expect(errors).toEqual([]);
    // The new script talks to the new background: an escalation made now is stored.
    const badge = page.locator('vigie-badge[data-vigie-comment="x:1850000000000000003"]');
    await badge.locator('[data-action="escalate"]').click();
    await page.locator('vigie-escalate-dialog [data-action="flag-only"]').click();
    await expect.poll(() => badge.getAttribute('data-vigie-status'), { timeout: 10_000 }).toBe('flagged');
    expect(await page.locator('vigie-badge').count()).toBe(5);
    await page.close();
  });
});

/**
 * The budgets only a real browser can measure (DESIGN.md "Budgets"): Debian's headless Chromium with
 * the real built extension, the platforms' real URLs served from fixtures, real editors.
 * Builds nothing: `npm run bench` runs `npm run build && npm run fixtures` first; WXT_OUT_DIR picks
 * the build, as for the end-to-end tests (`WXT_OUT_DIR=.output-x npx tsx scripts/bench.ts browser`).
 * Where a budget is missed, the suite says what dominates: the content script's hottest functions
 * from the V8 profile (with the built code at that spot, names being minified) and the popup's reads.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import type { CommentRecord } from '../lib/db/model';
import { startOfDay, tallyAll } from '../lib/db/tallies';
import { selectors as xSelectors } from '../lib/platforms/x/selectors';
import { adapterBundle } from '../tests/e2e/adapter-bundle';
import { chromiumArgs, chromiumPath, extensionPath, launchExtension, openExtensionPage, serveFixtures, withinReach, type Extension, type LaunchOptions } from '../tests/e2e/harness';
import { generateComments } from './lib/comments';
import { hotFunctions, metricsDelta, pageMetrics, pageScript, timeInOrigin, traceDuring } from './lib/trace';
import { infiniteTimeline, reactTimeline, staticTimeline } from './lib/x-page';
import { bounded } from './lib/bounded';
import { median } from './lib/measure';

const BADGE = 'vigie-badge[data-vigie-sentiment]';
const HOUR = 3_600_000;
const round = (n: number) => Math.round(n * 100) / 100;

/** The same browser, flags and fixtures, without the extension: the baseline. */
async function launchPlain(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-bench-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: chromiumPath,
    headless: true,
    args: chromiumArgs().filter((a) => !a.startsWith('--disable-extensions-except') && !a.startsWith('--load-extension')),
    locale: 'fr-FR',
    viewport: { width: 1200, height: 900 },
  });
  await serveFixtures(context);
  return { context, close: async () => (await context.close(), rmSync(dir, { recursive: true, force: true })) };
}

/** Serves `html` at an x.com status URL (registered after the fixtures, so it wins). */
async function serveX(context: BrowserContext, path: string, html: string): Promise<string> {
  const url = `https://x.com${path}`;
  await context.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
  return url;
}

/**
 * A tab whose evaluated functions run as written: tsx compiles this file with esbuild's keepNames,
 * which wraps inner functions in a `__name` helper the page does not have.
 */
async function newTab(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.addInitScript('globalThis.__name = (f) => f;');
  return page;
}

async function instrumentedPage(context: BrowserContext): Promise<{ page: Page; cdp: CDPSession }> {
  const page = await newTab(context);
  await page.addInitScript(() => {
    const w = window as unknown as { __longTasks: { start: number; ms: number }[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push({ start: Math.round(e.startTime), ms: Math.round(e.duration) });
    }).observe({ type: 'longtask', buffered: true });
  });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  return { page, cdp };
}

/** The built (minified) code at a profiler location `name file:line:col`, so a hot spot can be recognised. */
function excerpt(location: string, dir = 'content-scripts'): string {
  const m = /(\S+):(\d+):(\d+)$/.exec(location);
  if (!m) return '';
  const line = readFileSync(join(extensionPath, dir, m[1]!), 'utf8').split('\n')[Number(m[2]) - 1] ?? '';
  return line.slice(Number(m[3]) - 1, Number(m[3]) + 119);
}

/**
 * Comment rows in the extension's database, counted by its service worker with the raw IndexedDB API.
 * Not tests/e2e/db.ts's dbCounts: tsx compiles the bench with keepNames, which wraps its named inner
 * functions in a __name helper the service worker does not have (pages get one from newTab).
 */
async function storedRows(context: BrowserContext): Promise<number> {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return worker.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const req = indexedDB.open('vigie');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const count = req.result.transaction('comments').objectStore('comments').count();
          count.onsuccess = () => (req.result.close(), resolve(count.result));
          count.onerror = () => reject(count.error);
        };
      }),
  );
}

/** Until `n` more comments than `before` are stored: every comment the page loaded was read, sent and answered. */
async function waitStored(context: BrowserContext, before: number, n: number, timeout = 60_000): Promise<void> {
  const t0 = Date.now();
  while ((await storedRows(context)) < before + n) {
    if (Date.now() - t0 > timeout) throw new Error(`${n} comments not stored within ${timeout} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

// 1. Badging 1,000 new comments: the content script's main-thread work, from the trace.
async function badgeOnce(ext: Extension, plain: BrowserContext, run: number) {
  const N = 1000;
  // Each run its own status ids, so every comment is new to the extension.
  const html = staticTimeline(N, 100_000 * (run + 1));
  const url = await serveX(ext.context, `/vigie_demo/status/18700000000000000${run}0`, html);
  await serveX(plain, new URL(url).pathname, html);

  const { page, cdp } = await instrumentedPage(ext.context);
  const before = await storedRows(ext.context);
  let wallMs = 0;
  const events = await traceDuring(cdp, async () => {
    const t0 = Date.now();
    await page.goto(url);
    await waitStored(ext.context, before, N);
    wallMs = Date.now() - t0;
    // Let the last answers' badges land inside the trace.
    await page.waitForTimeout(500);
  });
  const stored = (await storedRows(ext.context)) - before;
  const reach = await withinReach(page, xSelectors.tweet);
  const badged = await page.locator(BADGE).count();
  const longTasks = await page.evaluate(() => (window as unknown as { __longTasks: unknown[] }).__longTasks);
  const withMetrics = await pageMetrics(cdp);
  const prefix = `chrome-extension://${ext.id}/content-scripts/`;
  const content = timeInOrigin(events, prefix);
  const hot = hotFunctions(events, prefix).map((h) => ({ ...h, code: excerpt(h.fn) }));
  await page.close();

  // The same page and wait without the extension: Chromium's own counters, no trace.
  const base = await instrumentedPage(plain);
  await base.page.goto(url);
  await base.page.waitForTimeout(wallMs + 500);
  const plainMetrics = await pageMetrics(base.cdp);
  const plainLongTasks = await base.page.evaluate(() => (window as unknown as { __longTasks: unknown[] }).__longTasks);
  await base.page.close();

  const added = (k: string) => round(withMetrics[k]! - plainMetrics[k]!);
  return {
    stored,
    badged,
    reach,
    wallMsToAllStored: wallMs,
    content,
    hot,
    crossCheck: {
      scriptMsWith: round(withMetrics.ScriptDuration!),
      scriptMsWithout: round(plainMetrics.ScriptDuration!),
      scriptMsAdded: added('ScriptDuration'),
      taskMsAdded: added('TaskDuration'),
      layoutMsAdded: added('LayoutDuration'),
      styleMsAdded: added('RecalcStyleDuration'),
    },
    longTasksWith: longTasks,
    longTasksWithout: plainLongTasks,
  };
}

async function badgeThousand(ext: Extension, plain: BrowserContext) {
  // One run's wall time moves by half or more with the machine's other work (37 to 92 ms in seven
  // runs): seven, and their median and spread.
  const RUNS = 7;
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await badgeOnce(ext, plain, i));
  const cpuMs = median(runs.map((r) => r.content.cpuMs));
  const wallMs = median(runs.map((r) => r.content.totalMs));
  const longestTaskMs = Math.max(...runs.map((r) => r.content.longestTaskMs));
  const typical = runs.find((r) => r.content.cpuMs === cpuMs)!;
  return {
    budget: '≤ 50 ms content script work in total, no task over 50 ms',
    // Every comment is read, sent and stored; badges are built for those within reach of the screen.
    comments: 1000,
    runs: RUNS,
    // The work is the content script's thread time (CPU). Its wall time is that plus the time the page's
    // thread waited for a core: on two cores, about as long again, while the background classifies
    // the same comments and the browser stores them. Both are given; the tasks' lengths are wall time,
    // what the page feels.
    cpuMs,
    cpuMsByRun: runs.map((r) => r.content.cpuMs),
    wallMs,
    wallMsByRun: runs.map((r) => r.content.totalMs),
    longestTaskMs,
    byRun: runs.map((r) => ({
      stored: r.stored,
      badged: r.badged,
      withinReach: r.reach,
      wallMsToAllStored: r.wallMsToAllStored,
      cpuMs: r.content.cpuMs,
      wallMs: r.content.totalMs,
      // What ran after an await (the background's answers among it): a quarter to a third of the work.
      microtaskCpuMs: r.content.microtaskCpuMs,
      tasks: r.content.tasks,
      longestScriptMs: r.content.longestScriptMs,
      longestTaskMs: r.content.longestTaskMs,
      topTasksMs: r.content.topTasksMs,
      longestTask: r.content.longest,
      crossCheck: r.crossCheck,
      longTasksWith: r.longTasksWith,
      longTasksWithout: r.longTasksWithout,
    })),
    // From the median run's profile: the content script's functions, charged with the DOM work they call.
    hotFunctions: typical.hot,
    pass: runs.every((r) => r.stored === 1000 && r.reach.badged === r.reach.comments) && cpuMs <= 50 && longestTaskMs <= 50,
  };
}

/** Until every comment within reach of the screen has its badge. */
async function waitBadgedWithinReach(page: Page, timeout = 10_000): Promise<void> {
  const t0 = Date.now();
  for (;;) {
    const reach = await withinReach(page, xSelectors.tweet);
    if (reach.badged === reach.comments) return;
    if (Date.now() - t0 > timeout) throw new Error(`${reach.comments - reach.badged} of ${reach.comments} comments within reach not badged within ${timeout} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Scrolls to the bottom one fixed step per frame; with infinite scroll, until nothing is left to load. */
function scrollToEnd(page: Page, step: number) {
  const scrolled = page.evaluate(
    (px) =>
      new Promise<number>((resolve, reject) => {
        const t0 = performance.now();
        let frames = 0;
        const remaining = () => (window as unknown as { __benchRemaining?: number }).__benchRemaining ?? 0;
        // A timer, not a frame, says the scroll is stuck: a page that stops giving frames must not hang the run.
        const stuck = setTimeout(() => reject(new Error(`scroll stuck at ${scrollY} of ${document.documentElement.scrollHeight} after ${frames} frames (page ${document.visibilityState}), ${remaining()} comments still to load`)), 60_000);
        const frame = () => {
          frames++;
          scrollBy(0, px);
          const atEnd = innerHeight + scrollY >= document.documentElement.scrollHeight - 1;
          if (atEnd && remaining() === 0) {
            clearTimeout(stuck);
            resolve(performance.now() - t0);
          } else requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
      }),
    step,
  );
  const silent = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('the page gave no answer to the scroll in 90 s')), 90_000).unref());
  return Promise.race([scrolled, silent]);
}

/** Pixels per frame: a fast fling, the same in every run. */
const STEP = 1000;

async function scrollRun(context: BrowserContext, url: string, opts: { extension: boolean; initial: number; total: number; prefix: string }) {
  const { page, cdp } = await instrumentedPage(context);
  // A run that failed must not leave its page scrolling under the next ones.
  try {
    const rows = opts.extension ? await storedRows(context) : 0;
    await page.goto(url);
    if (opts.extension) await waitStored(context, rows, opts.initial);
    await page.waitForTimeout(1000);
    const before = await pageMetrics(cdp);
    let scrollMs = 0;
    // Traced with the extension and without alike: the trace gives each slice of script its thread CPU
    // time and its origin, and the profiler's samples share out the microtask runs.
    const events = await traceDuring(cdp, async () => {
      scrollMs = await scrollToEnd(page, STEP);
      // Progress, so that a run that sticks later is told apart from one that never got here.
      process.stderr.write(`  ${opts.extension ? 'with' : 'without'} the extension: at the end in ${Math.round(scrollMs)} ms\n`);
      // Work the extension still owes when the scroll stops (the last batches, the badges near the end,
      // built once the fling has slowed) is its overhead too.
      if (opts.extension) {
        await waitStored(context, rows, opts.total);
        await waitBadgedWithinReach(page);
      }
    });
    const after = await pageMetrics(cdp);
    const longTasks = await page.evaluate(() => (window as unknown as { __longTasks: unknown[] }).__longTasks.length);
    const script = pageScript(events, url, opts.prefix);
    return {
      ...metricsDelta(before, after),
      scriptCpuMs: script.cpuMs,
      contentCpuMs: script.originCpuMs,
      // The page's own script in the same scroll: what the content script's time is a share of.
      pageCpuMs: round(script.cpuMs - script.originCpuMs),
      scrollMs: Math.round(scrollMs),
      longTasksOnPage: longTasks,
    };
  } finally {
    await page.close().catch(() => {});
  }
}

const pct = (a: number, b: number) => (b > 0 ? round(((a - b) / b) * 100) : NaN);

// 2. Scrolling 2,000 comments: scripting with the extension against the same page without it.
async function scrolling(ext: Extension, plain: BrowserContext) {
  const N = 2000;
  // Scripting varies from one scroll to the next by more than the budget: each page is scrolled
  // RUNS times each way, on fresh comment ids, and the medians compared.
  const RUNS = 3;
  const variants = {
    static: { page: (first: number) => staticTimeline(N, first), initial: N },
    infinite: { page: (first: number) => infiniteTimeline(N, 50, first), initial: 50 },
    // The same infinite scroll with the page's own rendering cost, as X renders tweets through React.
    infiniteReact: { page: (first: number) => reactTimeline(N, 50, first), initial: 50 },
  };
  const out: Record<string, unknown> = { budget: '≤ 10% scripting over the same page without the extension', runs: RUNS };
  const prefix = `chrome-extension://${ext.id}/content-scripts/`;
  const retried: { page: string; run: number; error: string }[] = [];
  out.retried = retried;
  const within: Record<string, boolean> = {};
  let variant = 0;
  for (const [name, v] of Object.entries(variants)) {
    variant++;
    const withRuns: Awaited<ReturnType<typeof scrollRun>>[] = [];
    const withoutRuns: Awaited<ReturnType<typeof scrollRun>>[] = [];
    for (let run = 0; run < RUNS; run++) {
      const first = (variant * 10 + run) * 100_000;
      const path = `/vigie_demo/status/18600000000000${String(variant * 10 + run).padStart(5, '0')}`;
      process.stderr.write(`scrolling: ${name}, run ${run + 1} of ${RUNS}\n`);
      const html = v.page(first);
      const url = await serveX(ext.context, path, html);
      await serveX(plain, path, html);
      // A scroll that stuck (it happens, rarely, with or without the extension: the page stops giving
      // frames) is said in the JSON and run again once, on fresh ids, rather than losing the part.
      const runPair = async (at: string) => {
        withoutRuns.push(await scrollRun(plain, at, { extension: false, initial: v.initial, total: N, prefix }));
        withRuns.push(await scrollRun(ext.context, at, { extension: true, initial: v.initial, total: N, prefix }));
      };
      try {
        await runPair(url);
      } catch (err) {
        const error = (err as Error).message.split('\n')[0]!;
        process.stderr.write(`scrolling: ${name}, run ${run + 1} failed (${error}); once more\n`);
        retried.push({ page: name, run: run + 1, error });
        withoutRuns.length = withRuns.length = run;
        const again = v.page(first + 50_000);
        const path2 = `${path.slice(0, -5)}9${path.slice(-4)}`;
        const url2 = await serveX(ext.context, path2, again);
        await serveX(plain, path2, again);
        await runPair(url2);
      }
    }
    const withMs = median(withRuns.map((r) => r.scriptMs));
    const withoutMs = median(withoutRuns.map((r) => r.scriptMs));
    const scriptOverheadPct = pct(withMs, withoutMs);
    // The content script's thread time as a share of the page's own script in the same scroll. One
    // page's scroll moves from run to run by more than the budget (2,760 to 3,140 ms of the React
    // page's script CPU in three runs without the extension), and the wall time also holds the time
    // the page's thread waited for a core while the background classified: a comparison of two
    // scrolls measures the machine as much as the extension. Judged on this; the comparisons with
    // the scroll without the extension, wall and CPU, are given beside it.
    const shares = withRuns.map((r) => pct(r.pageCpuMs + r.contentCpuMs, r.pageCpuMs));
    const contentSharePct = median(shares);
    within[name] = contentSharePct <= 10;
    out[name] = {
      contentSharePct,
      contentSharePctByRun: shares,
      contentCpuMs: median(withRuns.map((r) => r.contentCpuMs)),
      scriptMsWith: withMs,
      scriptMsWithout: withoutMs,
      // Chromium's ScriptDuration (wall time), with against without the extension.
      scriptOverheadPct,
      // Each run's own overhead (its scroll with against its scroll without): the spread says how far
      // a single figure can be trusted on this machine.
      scriptOverheadPctByRun: withRuns.map((r, i) => pct(r.scriptMs, withoutRuns[i]!.scriptMs)),
      // The same comparison in script CPU time from the traces.
      cpuOverheadPct: pct(median(withRuns.map((r) => r.scriptCpuMs)), median(withoutRuns.map((r) => r.scriptCpuMs))),
      cpuOverheadPctByRun: withRuns.map((r, i) => pct(r.scriptCpuMs, withoutRuns[i]!.scriptCpuMs)),
      taskOverheadPct: pct(median(withRuns.map((r) => r.taskMs)), median(withoutRuns.map((r) => r.taskMs))),
      with: withRuns,
      without: withoutRuns,
    };
  }
  // Where the infinite scroll's extra scripting goes: the same scroll again, traced (the trace's own
  // cost stays out of the counters above), on fresh ids.
  const traced = await serveX(ext.context, '/vigie_demo/status/1860000000000000003', infiniteTimeline(N, 50, 9_000_000));
  const { page, cdp } = await instrumentedPage(ext.context);
  const rows = await storedRows(ext.context);
  await page.goto(traced);
  await waitStored(ext.context, rows, 50);
  await page.waitForTimeout(1000);
  const events = await traceDuring(cdp, async () => {
    await scrollToEnd(page, STEP);
    await waitStored(ext.context, rows, N);
    await waitBadgedWithinReach(page);
  });
  await page.close();
  const content = timeInOrigin(events, prefix);
  out.infiniteTrace = {
    contentScriptMs: content.totalMs,
    // The whole task (the page's own work included) and the content script's share of it.
    longestTaskMs: content.longestTaskMs,
    longestScriptMs: content.longestScriptMs,
    longestTask: content.longest,
    tasks: content.tasks,
    hotFunctions: hotFunctions(events, prefix, 5).map((h) => ({ ...h, code: excerpt(h.fn) })),
  };
  // The budget is judged on the page that renders as the platform does. The bare pages script next
  // to nothing of their own (HTML inserted as is), so any reader of the DOM is a large share of it:
  // they are reported, and say whether they would pass too, so that nothing hides behind the choice.
  return { ...out, withinBudget: within, pass: within.infiniteReact! };
}

// 3. Template insertion: the real adapter into the real editor, until the editor's model holds the text.
const REPLY =
  'Bonjour Marie, merci pour votre message et toutes nos excuses pour ce retard de livraison 🙏\nNotre équipe a retrouvé votre commande : elle part aujourd’hui en express, sans frais. Un code de réduction vous attend aussi par e-mail. Belle journée ! 😊';

const editors = [
  { platform: 'x', editor: 'Draft.js', url: 'https://x.com/vigie_demo/status/1850000000000000001', fixture: 'x-reply' },
  { platform: 'tiktok', editor: 'Draft.js', url: 'https://www.tiktok.com/@vigie.demo/video/7440000000000000001', fixture: 'tt-comment' },
  { platform: 'facebook', editor: 'Lexical', url: 'https://www.facebook.com/VigieDemo/posts/pfbid02Vig1eDem0PostA', fixture: 'fb-comment' },
  { platform: 'threads', editor: 'Lexical', url: 'https://www.threads.com/@vigie_demo/post/DCvIgIeDeMo', fixture: 'threads-reply' },
  { platform: 'reddit', editor: 'Lexical', url: 'https://www.reddit.com/r/vigie_demo/comments/1gvigie/livraison_en_retard/', fixture: 'reddit-reply' },
  { platform: 'linkedin', editor: 'Quill', url: 'https://www.linkedin.com/feed/', fixture: 'li-comment' },
  { platform: 'bluesky', editor: 'TipTap', url: 'https://bsky.app/profile/vigie.bsky.social/post/3lvigieqqq2aa', fixture: 'bsky-reply' },
  { platform: 'youtube', editor: 'contenteditable', url: 'https://www.youtube.com/watch?v=vIgIeDeMo01', fixture: 'yt-reply' },
  { platform: 'instagram', editor: 'React textarea', url: 'https://www.instagram.com/p/DCvIgIeDeMo/', fixture: 'ig-comment' },
];

/** One insertion, timed in the page from the call to the moment the editor's model holds the text. */
function timedInsert(page: Page, fixture: string) {
  return page.evaluate(
    async ([text, id]) => {
      const model = () => window.__fixtureEditors[id]!.text();
      const tick = () => new Promise<void>((r) => { const c = new MessageChannel(); c.port1.onmessage = () => r(); c.port2.postMessage(0); });
      const t0 = performance.now();
      const ok = await window.__adapterWrite!(text, 'insert');
      while (model() !== text) {
        if (performance.now() - t0 > 2000) return { ok, ms: null, model: model().slice(0, 80) };
        await tick();
      }
      return { ok, ms: performance.now() - t0 };
    },
    [REPLY, fixture] as const,
  );
}

async function clearEditor(page: Page, fixture: string): Promise<boolean> {
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  return page.waitForFunction((id) => window.__fixtureEditors[id]!.text().trim() === '', fixture, { timeout: 2000 }).then(() => true, () => false);
}

async function templateInsertion(ext: Extension) {
  const RUNS = 10;
  const results: Record<string, unknown> = {};
  let pass = true;
  for (const e of editors) {
    const page = await newTab(ext.context);
    const load = async () => {
      await page.goto(e.url);
      await page.waitForFunction((id) => Boolean(window.__fixtureEditors?.[id]), e.fixture, { timeout: 15_000 });
      await page.addScriptTag({ content: await adapterBundle(e.platform, `${e.platform}Adapter`) });
    };
    await load();
    const samples: number[] = [];
    const failures: unknown[] = [];
    for (let i = 0; i < RUNS; i++) {
      const r = await timedInsert(page, e.fixture);
      if (r.ms === null) failures.push(r);
      else samples.push(r.ms);
      // The insertion focused the editor; select-all and delete empties it through the editor itself.
      if (!(await clearEditor(page, e.fixture))) await load();
    }
    await page.close();
    const medianMs = round(median(samples));
    pass &&= failures.length === 0 && medianMs <= 50;
    results[e.platform] = { editor: e.editor, medianMs, maxMs: round(Math.max(...samples)), runs: samples.length, ...(failures.length ? { failures } : {}) };
  }
  return { budget: '≤ 50 ms', text: `${REPLY.length} UTF-16 units, emoji and a line break`, editors: results, pass };
}

// 4. The popup over 100,000 stored comments: navigation start to counts and flagged list on screen.

/** Opens the popup in a new tab; the time (page clock) when today's counts are numbers and the flagged list has rows. */
async function timePopupOpen(ext: Extension, needFlagged: boolean, trace = false) {
  const page = await newTab(ext.context);
  const cdp = trace ? await ext.context.newCDPSession(page) : undefined;
  // Timestamped in the page, on the mutation that completes the content: no polling delay.
  await page.addInitScript((flagged) => {
    const w = window as unknown as { __contentAt?: number };
    const ready = () => {
      const counts = Array.from(document.querySelectorAll('[data-testid="today-counts"] dd'));
      const list = flagged ? document.querySelector('[data-testid="flagged-list"] li') : document.querySelector('[data-testid="flagged-list"]');
      return counts.length > 0 && counts.every((dd) => /^\d+$/.test(dd.textContent ?? '')) && list;
    };
    const observer = new MutationObserver(() => {
      if (w.__contentAt === undefined && ready()) {
        w.__contentAt = performance.now();
        observer.disconnect();
      }
    });
    observer.observe(document, { childList: true, subtree: true, characterData: true });
  }, needFlagged);
  let ms = 0;
  const open = async () => {
    await page.goto(`chrome-extension://${ext.id}/popup.html`);
    const at = await page.waitForFunction(() => (window as unknown as { __contentAt?: number }).__contentAt, undefined, { timeout: 20_000 });
    ms = round((await at.jsonValue()) as number);
    phases = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      return { htmlMs: nav.domInteractive, scriptsMs: nav.domContentLoadedEventEnd - nav.domInteractive };
    });
  };
  let phases = { htmlMs: 0, scriptsMs: 0 };
  const events = cdp ? await traceDuring(cdp, open) : (await open(), []);
  const counts = await page.locator('[data-testid="today-counts"] dd').allTextContents();
  await page.close();
  const prefix = `chrome-extension://${ext.id}/`;
  const script = cdp ? timeInOrigin(events, prefix) : undefined;
  return {
    ms,
    counts,
    phases,
    // Main-thread time in the popup's own scripts; the rest of the wait is loading and IndexedDB.
    ...(script && { scriptMs: script.totalMs, hotFunctions: hotFunctions(events, prefix, 5).map((h) => ({ ...h, code: excerpt(h.fn, '.') })) }),
  };
}

/** The blank extension page (BLANK_PAGE) opened as the popup is: the page clock when its one element is in. */
async function timeBlankOpen(ext: Extension): Promise<number> {
  const page = await newTab(ext.context);
  await page.goto(`chrome-extension://${ext.id}/blank.html`);
  const at = await page.waitForFunction(() => (window as unknown as { __contentAt?: number }).__contentAt, undefined, { timeout: 20_000 });
  const ms = round((await at.jsonValue()) as number);
  await page.close();
  return ms;
}

/**
 * What the popup must show, read from the comments' own indexes with the raw IndexedDB API, each read
 * timed alone: the counts to check the tallies against, and what counting them would cost.
 */
async function countsFromIndexes(ext: Extension, today: number, overdueBefore: number) {
  const page = await newTab(ext.context);
  // Any document of the extension's origin reaches its database; this one runs no code of its own.
  await page.goto(`chrome-extension://${ext.id}/manifest.json`);
  const reads = await page.evaluate(
    async ([start, before]) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('vigie');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const timed = async (shows: string, index: string, range: IDBKeyRange) => {
        const t0 = performance.now();
        const rows = await new Promise<number>((resolve, reject) => {
          const req = db.transaction('comments').objectStore('comments').index(index).count(range);
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        });
        return { shows, index, rows, ms: Math.round((performance.now() - t0) * 10) / 10 };
      };
      const out = [
        await timed('seen', 'firstSeenAt', IDBKeyRange.lowerBound(start)),
        await timed('negative', '[sentiment.label+firstSeenAt]', IDBKeyRange.bound(['negative', start], ['negative', Infinity])),
        await timed('flagged', 'status', IDBKeyRange.only('flagged')),
        await timed('answered', 'repliedAt', IDBKeyRange.lowerBound(start)),
        await timed('overdue', '[attention+firstSeenAt]', IDBKeyRange.bound([1, -Infinity], [1, before])),
      ];
      db.close();
      return out;
    },
    [today, overdueBefore] as const,
  );
  await page.close();
  return reads;
}

async function timeStatsTab(ext: Extension): Promise<number> {
  const page = await newTab(ext.context);
  await page.goto(`chrome-extension://${ext.id}/sidepanel.html`);
  const tab = page.getByRole('tab', { name: 'Statistiques' });
  await tab.waitFor();
  const t0 = performance.now();
  await tab.click();
  await page.getByTestId('stats-total').waitFor();
  const ms = round(performance.now() - t0);
  await page.close();
  return ms;
}

/**
 * Stores generated comments with the raw IndexedDB API (Playwright cannot reach the extension's
 * Dexie), and their tallies, added to those already stored, as the database's middleware would.
 */
async function storeGenerated(ext: Extension, rows: CommentRecord[]) {
  const worker = ext.context.serviceWorkers()[0] ?? ext.worker;
  const put = (store: string, json: string, merge: boolean) =>
    worker.evaluate(
      async ([store, json, merge]) => {
        const batch = JSON.parse(json) as { key?: string; counts?: Record<string, number> }[];
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const req = indexedDB.open('vigie');
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        });
        await new Promise<void>((resolve, reject) => {
          const tx = db.transaction(store, 'readwrite');
          const os = tx.objectStore(store);
          for (const row of batch) {
            if (!merge) os.put(row);
            else
              os.get(row.key!).onsuccess = (e) => {
                const counts = { ...((e.target as IDBRequest).result?.counts as Record<string, number> | undefined) };
                for (const [field, n] of Object.entries(row.counts!)) counts[field] = (counts[field] ?? 0) + n;
                os.put({ key: row.key, counts });
              };
          }
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        });
        db.close();
      },
      [store, json, merge] as const,
    );
  // One JSON string per batch: Playwright's argument serialisation of 10,000 objects is far slower.
  for (let i = 0; i < rows.length; i += 10_000) await put('comments', JSON.stringify(rows.slice(i, i + 10_000)), false);
  await put('tallies', JSON.stringify(tallyAll(rows)), true);
}

async function popupOpen(ext: Extension) {
  const N = 100_000;
  // The first open creates the database (Dexie's schema) and gives the empty-database time.
  const empty = await timePopupOpen(ext, false);

  const now = Date.now();
  const rows = generateComments(N, now);
  const t0 = Date.now();
  await storeGenerated(ext, rows);
  const fillMs = Date.now() - t0;
  // The earlier suites' pages stored their comments too: the expected counts read every stored row.
  // Default response target: 24 hours (lib/settings/schema.ts).
  const expected = await countsFromIndexes(ext, startOfDay(now), now - 24 * HOUR);

  const samples: number[] = [];
  const blankSamples: number[] = [];
  const phases: { htmlMs: number; scriptsMs: number }[] = [];
  let counts: string[] = [];
  // Interleaved, so that a slow spell of the machine weighs on both alike.
  for (let i = 0; i < 5; i++) {
    blankSamples.push(await timeBlankOpen(ext));
    const open = await timePopupOpen(ext, true);
    samples.push(open.ms);
    phases.push(open.phases);
    counts = open.counts;
  }
  const medianMs = median(samples);
  const blankMs = median(blankSamples);
  const traced = await timePopupOpen(ext, true, true);
  const statsTabMs = await timeStatsTab(ext);
  const shown = Object.fromEntries(expected.map((e, i) => [e.shows, Number(counts[i])]));
  const right = expected.every((e) => shown[e.shows] === e.rows);
  return {
    budget: '≤ 200 ms to content',
    comments: N,
    attentionRows: rows.filter((r) => r.attention === 1).length,
    flaggedRows: rows.filter((r) => r.status === 'flagged').length,
    fillMs,
    // The first open also creates the database: an upper bound for the popup with nothing stored.
    firstOpenEmptyDbMs: empty.ms,
    samplesMs: samples,
    medianMs,
    // Medians of navigation start to the HTML parsed, and of the module scripts' load and first run
    // after it (to DOMContentLoaded's end): the part of the wait that the first chunk's size makes.
    phasesMedianMs: { html: round(median(phases.map((p) => p.htmlMs))), scripts: round(median(phases.map((p) => p.scriptsMs))) },
    // The same run's blank extension page: what opening any extension page costs on this machine.
    blankPage: { samplesMs: blankSamples, medianMs: blankMs },
    ratioToBlankPage: round(medianMs / blankMs),
    overBlankPageMs: round(medianMs - blankMs),
    // The counts on screen against the same counts read from the comments' indexes.
    shown,
    right,
    // One more open under the tracer (slower for it): how much of the wait is the popup's own script.
    tracedOpen: { ms: traced.ms, scriptMs: traced.scriptMs, hotFunctions: traced.hotFunctions },
    // What counting the indexes instead of reading the tallies would cost at this size.
    indexCounts: expected,
    // No budget: the side panel's statistics over the default period, from the click to the total shown.
    statsTabMs,
    pass: medianMs <= 200 && right,
  };
}

// 5. The service worker's start, and what its voice checks load: no budget, a before/after reference.

/**
 * From a stopped worker to its first answer (a ping from an extension page), then a French reply
 * typed in the x.com reply box with the built-in packs only: the files the worker fetched for that
 * check. The spelling dictionaries load on a first check; the tagger's data only for a pack with
 * sequence rules, which the built-in packs have none of.
 */
async function workerStart(ext: Extension) {
  const RUNS = 15;
  const page = await openExtensionPage(ext, 'options');
  await page.waitForLoadState('load');
  const cdp = await ext.context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  const ping = () =>
    page.evaluate(async () => {
      const t0 = performance.now();
      await (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({ type: 'ui:ping' });
      return performance.now() - t0;
    });
  const cold: number[] = [];
  const warm: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    warm.push(await ping());
    await cdp.send('ServiceWorker.stopAllWorkers');
    await page.waitForTimeout(300);
    cold.push(await ping());
  }
  // The worker's own fetches are not reported to Playwright for the extension's files: it counts them.
  type Counted = { __fetched: string[]; fetch: typeof fetch };
  const worker = ext.context.serviceWorkers().at(-1)!;
  await worker.evaluate(() => {
    const self = globalThis as unknown as Counted;
    const original = self.fetch.bind(self);
    self.__fetched = [];
    self.fetch = (input, init) => (self.__fetched.push(new URL(String(input)).pathname), original(input, init));
  });
  const x = await newTab(ext.context);
  await x.goto('https://x.com/marie_dpt/status/1850000000000000002');
  await x.locator('vigie-composer-bar').waitFor({ state: 'attached', timeout: 15_000 });
  await x.locator('[data-testid="tweetTextarea_0"]').click();
  await x.keyboard.type('Merci pour votre messsage, nous regardons votre commande.');
  await x.locator('vigie-composer-bar [data-action="voice-summary"]').click();
  await x.locator('vigie-composer-bar .panel .finding[data-rule="fr.spelling"]').waitFor({ timeout: 30_000 });
  const fetched = await worker.evaluate(() => (globalThis as unknown as Counted).__fetched);
  return {
    runs: RUNS,
    coldStartToAnswerMedianMs: round(median(cold)),
    warmAnswerMedianMs: round(median(warm)),
    backgroundScriptBytes: readFileSync(join(extensionPath, 'background.js')).length,
    filesFetchedByAFrenchCheck: fetched.filter((f) => /^\/(dictionaries|taggers)\//.test(f)).sort(),
  };
}

// 6. The X adapter's reading alone, without the extension: no budget of its own; it is most of the
// content script's work in the badging budget and of its overhead while scrolling.

const X_BUNDLE = 'vigie-bench-x-adapter.js';
const readPhases = ['findComments', 'extract', 'cellComments', 'cellComposers'] as const;
type ReadTimes = Record<(typeof readPhases)[number], number>;

/**
 * The real X adapter (bundled from lib/platforms/x/adapter.ts) over a 2,000-tweet timeline in
 * Chromium: findComments on the document, extract on every tweet, then findComments and
 * findComposers on each cell, as the page runtime calls them on every subtree an infinite scroll
 * adds. Each run reads a freshly loaded page, as the content script reads each tweet once, then
 * the same page again, warm. `digest` fingerprints everything extracted: a faster adapter must
 * read the same.
 */
async function xReading(plain: BrowserContext) {
  const N = 2000;
  const RUNS = 7;
  const WARM = 5;
  const url = await serveX(plain, '/vigie_demo/status/1860000000000000000', staticTimeline(N));
  const bundle = `${await adapterBundle('x', 'xAdapter')}\n//# sourceURL=${X_BUNDLE}`;
  const page = await newTab(plain);
  const cdp = await plain.newCDPSession(page);
  const read = async (warm: number) => {
    await page.goto(url);
    await page.addScriptTag({ content: bundle });
    return page.evaluate(
      ([cell, warm]) => {
        const adapter = window.__adapter!;
        const once = () => {
          const t0 = performance.now();
          const tweets = adapter.findComments(document);
          const t1 = performance.now();
          const comments = tweets.map((el) => adapter.extract(el));
          const t2 = performance.now();
          const cells = document.querySelectorAll(cell);
          const t3 = performance.now();
          for (const root of cells) adapter.findComments(root);
          const t4 = performance.now();
          for (const root of cells) adapter.findComposers(root);
          const t5 = performance.now();
          return { times: { findComments: t1 - t0, extract: t2 - t1, cellComments: t4 - t3, cellComposers: t5 - t4 }, comments };
        };
        const first = once();
        const json = JSON.stringify(first.comments);
        let h = 0x811c9dc5;
        for (let i = 0; i < json.length; i++) h = Math.imul(h ^ json.charCodeAt(i), 0x01000193);
        return {
          cold: first.times,
          warm: Array.from({ length: warm }, () => once().times),
          tweets: first.comments.length,
          comments: first.comments.filter(Boolean).length,
          digest: (h >>> 0).toString(16),
        };
      },
      ['[data-testid="cellInnerDiv"]', warm] as const,
    );
  };

  const runs: Awaited<ReturnType<typeof read>>[] = [];
  for (let i = 0; i < RUNS; i++) runs.push(await read(WARM));
  // One more cold read under the profiler: the adapter's functions, charged with the DOM calls they make.
  const events = await traceDuring(cdp, async () => void (await read(0)));
  await page.close();

  const total = (t: ReadTimes) => readPhases.reduce((sum, p) => sum + t[p], 0);
  const medians = (times: ReadTimes[]) => ({
    ...Object.fromEntries(readPhases.map((p) => [p, round(median(times.map((t) => t[p])))])),
    total: round(median(times.map(total))),
  });
  const digests = [...new Set(runs.map((r) => r.digest))];
  return {
    tweets: runs[0]!.tweets,
    comments: runs[0]!.comments,
    digest: digests.length === 1 ? digests[0] : digests,
    runs: RUNS,
    // The first read of each page is what the content script pays; the spread says how far to trust one run.
    coldMedianMs: medians(runs.map((r) => r.cold)),
    coldTotalsMs: runs.map((r) => round(total(r.cold))),
    warmMedianMs: medians(runs.flatMap((r) => r.warm)),
    hotFunctions: hotFunctions(events, X_BUNDLE, 8),
  };
}

/**
 * The reference for the popup: an extension page opened the same way that shows one element from one
 * tiny script, so what the machine costs to open any extension page is measured beside the popup.
 */
const BLANK_PAGE = {
  'blank.html': '<!DOCTYPE html><html><head><meta charset="utf-8"><script src="blank.js"></script></head><body><div id="root"></div></body></html>',
  'blank.js': "addEventListener('DOMContentLoaded', () => { document.getElementById('root').textContent = 'ok'; window.__contentAt = performance.now(); });",
};

/**
 * Each part in browsers of its own, within a time limit about three times its usual length on the
 * 2-core bench machine: a part that crashes its browser or hangs is reported as failed (bounded.ts)
 * and closes its browsers, and the next part starts clean.
 */
type Part =
  | { limitMs: number; launch?: LaunchOptions; plainOnly?: false; measure(ext: Extension, plain: BrowserContext): Promise<unknown> }
  /** A part that needs no extension (nor a build) runs in the plain browser only. */
  | { limitMs: number; plainOnly: true; measure(plain: BrowserContext): Promise<unknown> };

const partsOf: Record<string, Part> = {
  badging: { limitMs: 4 * 60_000, measure: badgeThousand },
  scrolling: { limitMs: 10 * 60_000, measure: scrolling },
  templateInsertion: { limitMs: 3 * 60_000, measure: (ext) => templateInsertion(ext) },
  popup: { limitMs: 6 * 60_000, launch: { extraFiles: BLANK_PAGE }, measure: (ext) => popupOpen(ext) },
  workerStart: { limitMs: 3 * 60_000, measure: (ext) => workerStart(ext) },
  xReading: { limitMs: 3 * 60_000, plainOnly: true, measure: xReading },
};

export async function run(parts: string[] = []): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const [name, part] of Object.entries(partsOf)) {
    if (parts.length && !parts.includes(name)) continue;
    out[name] = await bounded(`browser.${name}`, part.limitMs, async (signal) => {
      const ext = part.plainOnly ? undefined : await launchExtension(part.launch);
      const plain = await launchPlain();
      // Closing the browsers is what ends a part stuck in page.evaluate.
      const close = () => Promise.all([plain.close(), ext?.close()]);
      signal.addEventListener('abort', () => void close());
      try {
        return part.plainOnly ? await part.measure(plain.context) : await part.measure(ext!, plain.context);
      } finally {
        await close();
      }
    });
  }
  return out;
}

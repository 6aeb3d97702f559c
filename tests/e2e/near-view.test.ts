/**
 * Badges as the user can see them (lib/page/near-view.ts), in real Chromium with the real build on a
 * 2,000-tweet X page: built for what is within reach of the screen, not for what a fling passes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staticTimeline } from '../../bench/lib/x-page';
import { launchExtension, withinReach, type Extension } from './harness';
import { dbCounts } from './db';

const N = 2000;
const TWEET = 'article[data-testid="tweet"]';

let ext: Extension;
beforeAll(async () => {
  ext = await launchExtension();
});
afterAll(async () => {
  await ext?.close();
});

const storedRows = async () => (await dbCounts(ext.worker, ['comments']))[0]!;

describe('badges within reach of the screen', () => {
  it('a fling down a long page builds no badge for the comments it passes; where it slows, the screen’s comments are badged', async () => {
    const url = 'https://x.com/vigie_demo/status/1880000000000000777';
    const html = staticTimeline(N, 700_000);
    await ext.context.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
    const before = await storedRows();
    const page = await ext.context.newPage();
    await page.goto(url);
    await expect.poll(async () => (await storedRows()) - before, { interval: 500, timeout: 30_000 }).toBe(N);
    await expect.poll(async () => (await withinReach(page, TWEET)).badged, { timeout: 10_000 }).toBeGreaterThan(0);
    const atLoad = await withinReach(page, TWEET);
    expect(atLoad.badged).toBe(atLoad.comments);

    // 1,000 px a frame for 60 frames: every comment on the way comes within reach for a frame or two.
    // The badges are counted in the fling's last frame: a stop is badged 50 ms later.
    const fling = await page.evaluate(
      (tweet) =>
        new Promise<{ passed: number; badges: number }>((resolve) => {
          const seen = new Set<Element>();
          let frames = 0;
          const frame = () => {
            scrollBy(0, 1000);
            for (const el of document.querySelectorAll(tweet)) {
              const r = el.getBoundingClientRect();
              if (r.bottom > 0 && r.top < innerHeight) seen.add(el);
            }
            if (++frames < 60) requestAnimationFrame(frame);
            else resolve({ passed: seen.size, badges: document.querySelectorAll('vigie-badge[data-vigie-sentiment]').length });
          };
          requestAnimationFrame(frame);
        }),
      TWEET,
    );
    const passed = fling.passed;
    expect(passed).toBeGreaterThan(200);
    expect(fling.badges).toBe(atLoad.badges);

    // Stopped: the comments within reach get their badges, and the runs on either side with them.
    await expect.poll(async () => { const r = await withinReach(page, TWEET); return r.comments > 0 && r.badged === r.comments; }, { timeout: 5_000 }).toBe(true);
    const stopped = await withinReach(page, TWEET);
    expect(stopped.badges - atLoad.badges).toBeGreaterThan(100);
    expect(stopped.badges).toBeLessThan(atLoad.badges + passed);
    await page.close();
  }, 90_000);
});

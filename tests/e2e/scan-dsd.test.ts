/**
 * `vigie scan` reads a saved page as the browser reads it, shadow roots declared in the page
 * included (issue 13, item 5): each page is opened in Chromium at its platform URL, where the real
 * adapter reads it in the page, and given to the command line as a file; both must find the same
 * comments with the same fields. No extension is needed: the adapter is bundled into the page.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtractedComment } from '../../lib/platforms/types';
import { injectAdapter } from './adapter-bundle';
import { chromiumPath, describeLeaks, RequestLog, serveFixtures } from './harness';

const root = join(import.meta.dirname, '..', '..');

interface Read {
  comments: ExtractedComment[];
  composers: number;
  skipped: number;
}

function scan(platform: string, url: string, file: string): Read {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'lib/cli/main.ts', 'scan', '--platform', platform, '--url', url, file], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  if (r.status !== 0) throw new Error(`vigie scan failed: ${r.stderr}`);
  const { comments, composers, skipped } = JSON.parse(r.stdout) as Read;
  return { comments, composers, skipped };
}

const pages = [
  {
    name: 'a shreddit thread whose components carry their shadow roots (an SVG with its own <style> among them)',
    platform: 'reddit',
    adapter: 'redditAdapter',
    url: 'https://www.reddit.com/r/vigie_demo/comments/1gvdsd1/colis_jamais_arrive/',
    file: 'tests/fixtures/reddit/thread-dsd.html',
    ids: ['t3_1gvdsd1', 't1_ldsd1', 't1_ldsd2', 't1_ldsd3', 't1_ldsd5'],
    host: 'shreddit-comment[thingid="t1_ldsd1"]',
    // A <button>'s, an <a>'s and the second one of t1_ldsd3: no shadow root for them.
    templatesLeft: 3,
  },
  {
    name: 'a redesigned Mastodon thread with shadow roots where the adapter reads by position',
    platform: 'mastodon',
    adapter: 'mastodonAdapter',
    url: 'https://mastodon.social/@vigie/113500000000000031',
    file: 'tests/fixtures/mastodon/status-dsd.html',
    ids: ['113500000000000030', '113500000000000031', '113500000000000032', '113500000000000033'],
    host: 'article[data-id="113500000000000030"]',
    // 032's second one, 033's on its date link and on a footer button.
    templatesLeft: 3,
  },
];

describe('vigie scan on a saved page with declarative shadow roots', () => {
  let browser: Browser;
  let context: BrowserContext;
  let requests: RequestLog;

  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'] });
    context = await browser.newContext();
    requests = await serveFixtures(context);
  });

  afterAll(async () => {
    await browser?.close();
    expect(requests.leaks, describeLeaks(requests.leaks)).toEqual([]);
  });

  it.each(pages)('$name: the comments the browser reads', async ({ platform, adapter, url, file, ids, host, templatesLeft }) => {
    const page = await context.newPage();
    await page.goto(url);
    // Chromium's parser attached the declared roots: only templates that cannot be one are left.
    expect(await page.evaluate((sel) => !!document.querySelector(sel)?.shadowRoot, host)).toBe(true);
    expect(await page.locator('template').count()).toBe(templatesLeft);
    await injectAdapter(page, platform, adapter);
    const inBrowser = await page.evaluate(() => window.__adapterScan!());
    await page.close();

    expect(inBrowser.comments.map((c) => c.nativeId)).toEqual(ids);
    expect(inBrowser.comments.every((c) => c.text.length > 0)).toBe(true);
    expect(scan(platform, url, file)).toEqual(inBrowser);
  });
});

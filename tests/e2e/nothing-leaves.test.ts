/**
 * "Nothing leaves the browser unless you configure a team webhook": the harness records every
 * request of the browser (pages, extension pages, the service worker) and close() fails the test
 * file on any request to a host that is neither a fixture host nor a local server of the test.
 * These tests make the browser reach outside on purpose and check the harness says so; every
 * other e2e file is checked by the same close().
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, openExtensionPage, type Extension } from './harness';

const OUTSIDE = 'https://example.invalid/analytics';

/** A fetch that reports its outcome instead of throwing. */
const tryFetch = async (url: string) => {
  try {
    return (await fetch(url)).status;
  } catch (e) {
    return String(e);
  }
};

let server: Server;
let localUrl: string;
beforeAll(async () => {
  server = createServer((_req, res) => res.writeHead(200, { 'access-control-allow-origin': '*' }).end('ok'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  localUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('nothing leaves the browser', () => {
  it('the service worker fetching an outside host is a leak, and close() fails with it', async () => {
    const ext = await launchExtension();
    try {
      await ext.worker.evaluate(tryFetch, OUTSIDE);
      await expect.poll(() => ext.leaks()).toEqual([{ url: OUTSIDE, from: expect.stringMatching(/^service worker chrome-extension:\/\//) }]);
    } finally {
      await expect(ext.close()).rejects.toThrow(/requests left the browser[\s\S]*example\.invalid\/analytics \(from service worker/);
    }
  });

  it('a platform page or an extension page fetching an outside host, or opening a WebSocket to one, is a leak', async () => {
    const ext = await launchExtension();
    try {
      const page = await ext.context.newPage();
      await page.goto('https://x.com/vigie_demo/status/1850000000000000001');
      await page.evaluate(tryFetch, `${OUTSIDE}?from=page`);
      await page.evaluate(() => void new WebSocket('wss://example.invalid/socket'));
      const popup = await openExtensionPage(ext, 'popup');
      await popup.evaluate(tryFetch, `${OUTSIDE}?from=popup`);
      await expect
        .poll(() => ext.leaks())
        .toEqual(
          expect.arrayContaining([
            { url: `${OUTSIDE}?from=page`, from: 'https://x.com/vigie_demo/status/1850000000000000001' },
            { url: 'wss://example.invalid/socket', from: 'websocket from https://x.com/vigie_demo/status/1850000000000000001' },
            { url: `${OUTSIDE}?from=popup`, from: `chrome-extension://${ext.id}/popup.html` },
          ]),
        );
      expect(ext.leaks()).toHaveLength(3);
    } finally {
      await expect(ext.close()).rejects.toThrow(/example\.invalid/);
    }
  });

  it('fixture hosts, the fixture markup’s own assets and a local server the test started are not leaks; another local port is one until declared', async () => {
    const ext = await launchExtension();
    const page = await ext.context.newPage();
    // Bluesky's fixture shows avatars from cdn.bsky.app: the platform's own requests, named in its markup.
    await page.goto('https://bsky.app/profile/vigie.bsky.social/post/3lvigieqqq2aa');
    await page.waitForLoadState('load');
    expect(await ext.worker.evaluate(tryFetch, localUrl)).toBe(200);
    expect(await page.evaluate(tryFetch, 'https://x.com/i/api/graphql')).toBe(404);
    expect(ext.leaks()).toEqual([]);

    // Nothing of this test listens on 59999 (9, discard, would be refused by Chromium before any request).
    await ext.worker.evaluate(tryFetch, 'http://127.0.0.1:59999/elsewhere');
    await expect.poll(() => ext.leaks().map((l) => l.url)).toEqual(['http://127.0.0.1:59999/elsewhere']);
    ext.allowLocal('http://127.0.0.1:59999');
    await ext.worker.evaluate(tryFetch, 'http://127.0.0.1:59999/declared');
    await new Promise((r) => setTimeout(r, 300));
    expect(ext.leaks().map((l) => l.url)).toEqual(['http://127.0.0.1:59999/elsewhere']);
    await expect(ext.close()).rejects.toThrow(/127\.0\.0\.1:59999\/elsewhere/);
  });

  it('a browser that only visits fixtures closes cleanly', async () => {
    const ext = await launchExtension();
    const page = await ext.context.newPage();
    await page.goto('https://x.com/vigie_demo/status/1850000000000000001');
    await (await openExtensionPage(ext, 'sidepanel')).waitForLoadState('load');
    expect(ext.leaks()).toEqual([]);
    await ext.close();
  });
});

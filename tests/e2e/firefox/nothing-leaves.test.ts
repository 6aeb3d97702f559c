/**
 * "Nothing leaves the browser", in Firefox: the harness records the requests of the tabs it opens
 * (platform pages and extension pages) and close() fails the file on one to an outside host. The
 * background page's own fetches raise no WebDriver BiDi network event and are not seen here (see
 * harness.ts); the Chromium harness checks the same background code as a service worker.
 */
import { describe, expect, it } from 'vitest';
import { launchFirefoxExtension } from './harness';

const tryFetch = async (url: string) => {
  try {
    return (await fetch(url)).status;
  } catch (e) {
    return String(e);
  }
};

describe('Firefox: nothing leaves the browser', () => {
  it('a platform page or an extension page fetching an outside host is a leak, and close() fails with it', async () => {
    const ext = await launchFirefoxExtension();
    const page = await ext.newPage();
    await page.goto('https://x.com/vigie_demo/status/1850000000000000001');
    expect(ext.leaks()).toEqual([]);
    await page.evaluate(tryFetch, 'https://example.invalid/analytics?from=page');
    const popup = await ext.openExtensionPage('popup');
    await popup.evaluate(tryFetch, 'https://example.invalid/analytics?from=popup');
    await expect
      .poll(() => ext.leaks())
      .toEqual([
        { url: 'https://example.invalid/analytics?from=page', from: 'https://x.com/vigie_demo/status/1850000000000000001' },
        { url: 'https://example.invalid/analytics?from=popup', from: `${ext.origin}/popup.html` },
      ]);
    await expect(ext.close()).rejects.toThrow(/requests left the browser[\s\S]*example\.invalid\/analytics\?from=popup/);
  });
});

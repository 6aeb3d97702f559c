/**
 * The extension's own pages in Firefox ESR: the popup's counts and the sidebar's queue follow what
 * happens on a platform tab, and escalating into a crisis puts "!" on the toolbar button (Manifest
 * V2's browserAction). Last, the background and the pages logged no error during the whole file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, launchFirefoxExtension, text, type FirefoxExtension } from './harness';

const X_THREAD = 'https://x.com/vigie_demo/status/1850000000000000001';

let ext: FirefoxExtension;
beforeAll(async () => {
  ext = await launchFirefoxExtension();
});
afterAll(async () => {
  await ext?.close();
});

describe('Firefox: popup, sidebar and toolbar button', () => {
  it('counts a thread seen on x.com in the popup and shows a flagged comment in the open sidebar queue, without reload', async () => {
    const sidebar = await ext.openExtensionPage('sidepanel');
    await expect.poll(() => count(sidebar, '[role="tab"]#tab-queue')).toBe(1);
    const popup = await ext.openExtensionPage('popup');
    const seen = () => text(popup, '[data-count="seen"] dd');
    const flagged = () => text(popup, '[data-count="flagged"] dd');
    await expect.poll(seen).toBe('0');

    const page = await ext.newPage();
    await page.goto(X_THREAD);
    await expect.poll(() => count(page, 'vigie-badge[data-vigie-sentiment]'), { timeout: 15_000 }).toBe(5);
    await expect.poll(seen).toBe('5');
    expect(await flagged()).toBe('0');
    const row = '[data-testid="queue"] [data-comment-id="x:1850000000000000003"]';
    expect(await count(sidebar, row)).toBe(0);

    const badge = 'vigie-badge[data-vigie-comment="x:1850000000000000003"]';
    await page.click(`${badge} >>> [data-action="escalate"]`);
    await page.click('vigie-escalate-dialog >>> [data-action="flag-only"]');
    await expect.poll(() => page.$eval(badge, (el) => el.getAttribute('data-vigie-status'))).toBe('flagged');
    await expect.poll(() => count(sidebar, row), { timeout: 10_000 }).toBe(1);
    await expect.poll(flagged).toBe('1');
    await Promise.all([page.close(), popup.close(), sidebar.close()]);
  });

  it('escalating a comment into a crisis puts "!" on the toolbar button', async () => {
    const popup = await ext.openExtensionPage('popup');
    // The popup runs with the extension's API, as its own code does: browserAction in Manifest V2.
    const badgeText = () => popup.evaluate(() => (globalThis as unknown as { browser: { browserAction: { getBadgeText(d: object): Promise<string> } } }).browser.browserAction.getBadgeText({}));
    expect(await badgeText()).toBe('');
    const page = await ext.newPage();
    await page.goto(X_THREAD);
    const marie = 'vigie-badge[data-vigie-comment="x:1850000000000000002"]';
    await expect.poll(() => page.$eval(marie, (el) => el.getAttribute('data-vigie-sentiment')).catch(() => null), { timeout: 15_000 }).toBeTruthy();
    await page.click(`${marie} >>> [data-action="escalate"]`);
    await page.click('vigie-escalate-dialog >>> #sev-3');
    await page.click('vigie-escalate-dialog >>> [data-action="escalate-submit"]');
    await expect.poll(() => page.$eval(marie, (el) => el.getAttribute('data-vigie-incident')), { timeout: 10_000 }).toBeTruthy();
    await expect.poll(badgeText, { timeout: 10_000 }).toBe('!');
    await Promise.all([page.close(), popup.close()]);
  });

  it('makes a masked page report of an open x.com tab from the popup', async () => {
    const page = await ext.newPage();
    await page.goto(X_THREAD);
    await expect.poll(() => count(page, 'vigie-badge[data-vigie-sentiment]'), { timeout: 15_000 }).toBe(5);
    const popup = await ext.openExtensionPage('popup');
    const button = `[data-testid="health-list"] li[data-platform="x"][data-url="${X_THREAD}"] [data-action="page-report"]`;
    await expect.poll(() => count(popup, button), { timeout: 15_000 }).toBe(1);
    await popup.click(button);
    await expect.poll(() => count(popup, '[data-testid="page-report-preview"]'), { timeout: 10_000 }).toBe(1);
    const preview = (await text(popup, '[data-testid="page-report-preview"]'))!;
    expect(preview).toContain('data-testid="tweetText"');
    for (const original of ['Marie', 'marie_dpt', 'commande', '1850000000000000002']) expect(preview).not.toContain(original);
    await Promise.all([page.close(), popup.close()]);
  });

  it('is a Manifest V2 add-on with a sidebar, a toolbar button, its gecko id and the template shortcut Firefox assigned', async () => {
    const popup = await ext.openExtensionPage('popup');
    type Manifest = Record<string, unknown>;
    type Api = { runtime: { getManifest(): Manifest }; commands: { getAll(): Promise<{ name?: string; shortcut?: string }[]> } };
    const { manifest, commands } = await popup.evaluate(async () => {
      const api = (globalThis as unknown as { browser: Api }).browser;
      return { manifest: api.runtime.getManifest(), commands: await api.commands.getAll() };
    });
    // As Firefox read it: page paths made absolute, browser_specific_settings under its older name.
    expect(manifest).toMatchObject({
      manifest_version: 2,
      sidebar_action: { default_panel: `${ext.origin}/sidepanel.html`, default_title: 'Vigie' },
      browser_action: { default_popup: `${ext.origin}/popup.html` },
      applications: { gecko: { id: ext.addonId } },
    });
    expect(ext.addonId).toBe('vigie@vigie.app');
    // Chrome-only keys Firefox would warn about or ignore.
    expect(manifest).not.toHaveProperty('side_panel');
    expect(manifest).not.toHaveProperty('action');
    expect(commands.find((c) => c.name === 'open-template-picker')?.shortcut).toBe('Alt+Shift+M');
    await popup.close();
  });

  it('the background, the pages and the content scripts logged no error', () => {
    expect(ext.extensionErrors()).toEqual([]);
  });
});

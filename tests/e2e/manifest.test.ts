import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, openExtensionPage, type Extension } from './harness';

/** The few extension APIs these checks call, as the page sees them. */
type Api = {
  runtime: {
    getManifest(): {
      icons?: Record<string, string>;
      action?: { default_icon?: Record<string, string> };
      commands?: Record<string, { suggested_key?: { default?: string } }>;
      host_permissions?: string[];
      content_scripts?: { matches: string[] }[];
    };
    getURL(path: string): string;
  };
  i18n: { getMessage(name: string): string };
};
let ext: Extension;
beforeAll(async () => {
  ext = await launchExtension();
});
afterAll(async () => {
  await ext?.close();
});

describe('the built extension as the stores see it', () => {
  it('has its icons (16 to 128 px) for the extension and the toolbar button, and a localized name', async () => {
    const popup = await openExtensionPage(ext, 'popup');
    const manifest = await popup.evaluate(() => (globalThis as unknown as { chrome: Api }).chrome.runtime.getManifest());
    const icons = { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' };
    expect(manifest.icons).toEqual(icons);
    expect(manifest.action?.default_icon).toEqual(icons);
    // Each file loads as an image of its size.
    const sizes = await popup.evaluate(async (paths) => {
      const out: Record<string, number[]> = {};
      for (const [size, path] of Object.entries(paths)) {
        const bitmap = await createImageBitmap(await (await fetch((globalThis as unknown as { chrome: Api }).chrome.runtime.getURL(path))).blob());
        out[size] = [bitmap.width, bitmap.height];
      }
      return out;
    }, icons);
    expect(sizes).toEqual({ 16: [16, 16], 32: [32, 32], 48: [48, 48], 128: [128, 128] });
    // The manifest's __MSG_extName__ resolves (default locale French, or the browser's language).
    const name = await popup.evaluate(() => (globalThis as unknown as { chrome: Api }).chrome.i18n.getMessage('extName'));
    expect(name).toMatch(/^Vigie\b/);
    expect(name.length).toBeLessThanOrEqual(45);
    await popup.close();
  });

  it("declares the template picker's keyboard command with a key Chrome gives it", async () => {
    const popup = await openExtensionPage(ext, 'popup');
    const manifest = await popup.evaluate(() => (globalThis as unknown as { chrome: Api }).chrome.runtime.getManifest());
    expect(manifest.commands?.['open-template-picker']?.suggested_key?.default).toBe('Alt+Shift+M');
    await popup.close();
  });

  it('asks host access to the sites its content scripts run on and to no other', async () => {
    const popup = await openExtensionPage(ext, 'popup');
    const manifest = await popup.evaluate(() => (globalThis as unknown as { chrome: Api }).chrome.runtime.getManifest());
    const matched = new Set(manifest.content_scripts?.flatMap((s) => s.matches));
    expect(matched.size).toBe(25);
    expect(new Set(manifest.host_permissions)).toEqual(matched);
    expect(manifest.host_permissions).not.toContain('<all_urls>');
    await popup.close();
  });
});

/**
 * Mastodon runs on any domain, so its content script is registered at run time for each instance
 * the user adds. The user's "Allow" for https://mastodon.social/* is granted as launchExtension's
 * grantedHosts explains; everything else (registration, storage, the background's sender check) is
 * the product's own code, driven from an extension page.
 */
import { build } from 'esbuild';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adapterWrite, injectAdapter } from '../adapter-bundle';
import { editorModelText, launchExtension, type Extension } from '../harness';

const root = join(import.meta.dirname, '..', '..', '..');
const STATUS = 'https://mastodon.social/@vigie/113500000000000001';
const REPLY = 'Merci Marie, c’est noté ! 🙏\nNous revenons vers vous très vite.';

let ext: Extension;
let context: BrowserContext;
let extensionId: string;

beforeAll(async () => {
  ext = await launchExtension({ grantedHosts: ['https://mastodon.social/*'] });
  context = ext.context;
  extensionId = ext.id;
});
afterAll(async () => {
  await ext?.close();
});

/** lib/platforms/mastodon/instances.ts bound to the real browser API, for an extension page. */
async function instancesBundle(): Promise<string> {
  const out = await build({
    stdin: {
      contents: `import { browser } from 'wxt/browser';
        import { createInstances } from './lib/platforms/mastodon/instances';
        window.__instances = createInstances(browser);`,
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    write: false,
    format: 'iife',
    target: 'chrome120',
    logLevel: 'warning',
  });
  return out.outputFiles[0]!.text;
}

async function open(url: string) {
  const page = await context.newPage();
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(url);
  return { page, dialogs };
}
const sentimentBadges = (page: Page) => page.locator('vigie-badge[data-vigie-sentiment]').count();

describe('a Mastodon instance (mastodon.social) in real Chromium', () => {
  it('runs nowhere until the instance is added, then badges every status', async () => {
    const before = await open(STATUS);
    await before.page.waitForTimeout(1500);
    expect(await before.page.locator('vigie-badge').count()).toBe(0);
    await before.page.close();

    // The options page's "Add an instance" button, clicked by the user (a real user gesture).
    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/popup.html`);
    await options.evaluate(await instancesBundle());
    await options.evaluate(() => {
      const button = document.createElement('button');
      button.id = 'add-instance';
      button.onclick = () => void (window as unknown as { __instances: { addInstance(h: string): Promise<unknown> } }).__instances.addInstance('mastodon.social').then((r) => ((window as unknown as { __added: unknown }).__added = r));
      document.body.prepend(button);
    });
    await options.locator('#add-instance').click();
    await expect.poll(() => options.evaluate(() => (window as unknown as { __added?: unknown }).__added)).toEqual({ ok: true, host: 'mastodon.social' });
    const listed = await options.evaluate(() => (window as unknown as { __instances: { listInstances(): Promise<unknown> } }).__instances.listInstances());
    expect(listed).toEqual([{ host: 'mastodon.social', granted: true, registered: true }]);
    await options.close();

    const { page, dialogs } = await open(STATUS);
    await expect.poll(() => sentimentBadges(page), { timeout: 15_000 }).toBe(5);
    expect(await page.locator('.detailed-status__action-bar > vigie-badge').count()).toBe(1);
    expect(await page.locator('vigie-badge[data-vigie-comment="mastodon:113500000000000002"]').count()).toBe(1);
    expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    await page.close();
  });

  it('inserts a reply into the React state of the compose textarea, accents, emoji and line break included', async () => {
    const { page } = await open(STATUS);
    await page.locator('textarea.autosuggest-textarea__textarea').waitFor();
    await injectAdapter(page, 'mastodon', 'mastodonAdapter');
    expect(await adapterWrite(page, REPLY, 'insert')).toBe(true);
    await expect.poll(() => editorModelText(page, 'masto-reply')).toBe(REPLY);
    await page.close();
  });

  it('replaces a typed draft', async () => {
    const { page } = await open(STATUS);
    await page.locator('textarea.autosuggest-textarea__textarea').click();
    await page.keyboard.type('@marie_dpt brouillon à jeter');
    await expect.poll(() => editorModelText(page, 'masto-reply')).toBe('@marie_dpt brouillon à jeter');
    await injectAdapter(page, 'mastodon', 'mastodonAdapter');
    expect(await adapterWrite(page, REPLY, 'replace')).toBe(true);
    await expect.poll(() => editorModelText(page, 'masto-reply')).toBe(REPLY);
    await page.close();
  });

  it('follows in-app navigation to another thread', async () => {
    const { page } = await open(STATUS);
    await expect.poll(() => sentimentBadges(page), { timeout: 15_000 }).toBe(5);
    await page.locator('.status[data-id="113500000000000002"] a.status__relative-time').click();
    await expect.poll(() => page.url()).toBe('https://mastodon.social/@marie_dpt/113500000000000002');
    await expect.poll(() => sentimentBadges(page), { timeout: 15_000 }).toBe(3);
    expect(await page.locator('vigie-badge[data-vigie-comment="mastodon:113500000000000007"]').count()).toBe(1);
    await page.close();
  });
});

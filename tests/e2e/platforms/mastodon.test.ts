/**
 * Mastodon runs on any domain, so its content script is registered at run time for each instance
 * the user adds. Here the user's "Allow" in the browser's permission prompt (which headless Chromium
 * cannot show) is stood in for by an unpacked copy of the build whose manifest already grants
 * https://mastodon.social/*: permissions.request then resolves true without a prompt, and
 * everything else (registration, storage, the background's sender check) is the product's own code,
 * driven from an extension page.
 */
import { build } from 'esbuild';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adapterWrite, injectAdapter } from '../adapter-bundle';
import { chromiumArgs, chromiumPath, editorModelText, extensionPath, serveFixtures } from '../harness';

const root = join(import.meta.dirname, '..', '..', '..');
const STATUS = 'https://mastodon.social/@vigie/113500000000000001';
const REPLY = 'Merci Marie, c’est noté ! 🙏\nNous revenons vers vous très vite.';

let context: BrowserContext;
let extensionId: string;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vigie-mastodon-'));
  const ext = join(dir, 'ext');
  cpSync(extensionPath, ext, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(ext, 'manifest.json'), 'utf8'));
  manifest.host_permissions = ['https://mastodon.social/*'];
  writeFileSync(join(ext, 'manifest.json'), JSON.stringify(manifest));
  context = await chromium.launchPersistentContext(join(dir, 'profile'), {
    executablePath: chromiumPath,
    headless: true,
    args: chromiumArgs().map((a) => a.replace(extensionPath, ext)),
    locale: 'fr-FR',
    viewport: { width: 1200, height: 900 },
  });
  await serveFixtures(context);
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  extensionId = new URL(worker.url()).host;
});
afterAll(async () => {
  await context?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
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

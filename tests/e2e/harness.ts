/**
 * Launches Debian's Chromium with the real built extension and serves the platforms' real https
 * URLs from tests/fixtures by request interception, so content scripts run as on the live sites.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page, type Route, type Worker } from 'playwright-core';
import { fixtureAnswer } from './fixture-pages';

const root = join(import.meta.dirname, '..', '..');
export const extensionPath = join(root, process.env.WXT_OUT_DIR ?? '.output', 'chrome-mv3');

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface Extension {
  context: BrowserContext;
  id: string;
  worker: Worker;
  close(): Promise<void>;
}

export function chromiumArgs(path = extensionPath): string[] {
  return [
    `--disable-extensions-except=${path}`,
    `--load-extension=${path}`,
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--lang=fr-FR',
    // Lets a test press the toolbar button over CDP (Extensions.triggerAction), which grants activeTab.
    '--enable-unsafe-extension-debugging',
  ];
}

export interface LaunchOptions {
  headless?: boolean;
  /**
   * Hosts the user would allow in the browser's permission prompt, which headless Chromium cannot
   * show: a copy of the build whose manifest already grants them is loaded instead, so the product's
   * permissions.request resolves true and everything after it is the product's own code.
   */
  grantedHosts?: string[];
  /** More Chromium flags (a demo's window position and size). */
  args?: string[];
  /** null: the window's own size (a headed demo); a fixed 1200 × 900 page otherwise. */
  viewport?: null;
}

export async function launchExtension(opts: LaunchOptions = {}): Promise<Extension> {
  if (!existsSync(join(extensionPath, 'manifest.json'))) throw new Error(`no build at ${extensionPath}: run npm run build`);
  const dir = mkdtempSync(join(tmpdir(), 'vigie-e2e-'));
  let path = extensionPath;
  if (opts.grantedHosts) {
    path = join(dir, 'ext');
    cpSync(extensionPath, path, { recursive: true });
    const manifest = JSON.parse(readFileSync(join(path, 'manifest.json'), 'utf8'));
    manifest.host_permissions = opts.grantedHosts;
    writeFileSync(join(path, 'manifest.json'), JSON.stringify(manifest));
  }
  const context = await chromium.launchPersistentContext(join(dir, 'profile'), {
    executablePath: chromiumPath,
    headless: opts.headless ?? true,
    args: [...chromiumArgs(path), ...(opts.args ?? [])],
    locale: 'fr-FR',
    viewport: opts.viewport === null ? null : { width: 1200, height: 900 },
  });
  await serveFixtures(context);
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const id = new URL(worker.url()).host;
  return {
    context,
    id,
    worker,
    async close() {
      await context.close().catch(() => {});
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The platforms' URLs answered from tests/fixtures (see fixture-pages.ts). */
export async function serveFixtures(context: BrowserContext): Promise<void> {
  await context.route(/^https?:\/\//, (route: Route) => {
    const answer = fixtureAnswer(new URL(route.request().url()));
    if (answer.continue) return route.continue();
    return route.fulfill({ status: answer.status, contentType: answer.contentType, body: answer.body });
  });
}

export async function openExtensionPage(ext: Extension, page: 'popup' | 'sidepanel' | 'options'): Promise<Page> {
  const tab = await ext.context.newPage();
  await tab.goto(`chrome-extension://${ext.id}/${page}.html`);
  return tab;
}

/** The plain text of a fixture editor's model (Draft's ContentState, Lexical's EditorState...). */
export function editorModelText(page: Page, fixtureId: string): Promise<string> {
  return page.evaluate((id) => window.__fixtureEditors[id]!.text(), fixtureId);
}

declare global {
  /** The extension API as page.evaluate sees it inside an extension page. */
  const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };
  interface Window {
    __fixtureEditors: Record<string, { text(): string }>;
    __pwned?: unknown;
  }
}

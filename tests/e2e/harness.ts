/**
 * Launches Debian's Chromium with the real built extension and serves the platforms' real https
 * URLs from tests/fixtures by request interception, so content scripts run as on the live sites.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page, type Route, type Worker } from 'playwright-core';

const root = join(import.meta.dirname, '..', '..');
export const extensionPath = join(root, process.env.WXT_OUT_DIR ?? '.output', 'chrome-mv3');
const fixtures = join(root, 'tests', 'fixtures');

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface Extension {
  context: BrowserContext;
  id: string;
  worker: Worker;
  close(): Promise<void>;
}

interface PagesFile {
  hosts: string[];
  pages: { path: string; file: string }[];
}

export function chromiumArgs(): string[] {
  return [
    `--disable-extensions-except=${extensionPath}`,
    `--load-extension=${extensionPath}`,
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

export async function launchExtension(opts: { headless?: boolean } = {}): Promise<Extension> {
  if (!existsSync(join(extensionPath, 'manifest.json'))) throw new Error(`no build at ${extensionPath}: run npm run build`);
  const userDataDir = mkdtempSync(join(tmpdir(), 'vigie-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath,
    headless: opts.headless ?? true,
    args: chromiumArgs(),
    locale: 'fr-FR',
    viewport: { width: 1200, height: 900 },
  });
  await serveFixtures(context);
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const id = new URL(worker.url()).host;
  return {
    context,
    id,
    worker,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Every platform directory with a pages.json answers for its hosts; everything else off-network is refused. */
export async function serveFixtures(context: BrowserContext): Promise<void> {
  const { readdirSync } = await import('node:fs');
  const platforms = readdirSync(fixtures).filter((d) => existsSync(join(fixtures, d, 'pages.json')));
  const byHost = new Map<string, { dir: string; pages: PagesFile['pages'] }>();
  for (const dir of platforms) {
    const file = JSON.parse(readFileSync(join(fixtures, dir, 'pages.json'), 'utf8')) as PagesFile;
    for (const host of file.hosts) byHost.set(host, { dir, pages: file.pages });
  }
  await context.route(/^https?:\/\//, (route: Route) => {
    const url = new URL(route.request().url());
    // Local servers a test starts itself (a webhook receiver) are reached for real.
    if (url.hostname === '127.0.0.1' || url.hostname === 'localhost') return route.continue();
    if (url.pathname.startsWith('/__fixture__/')) return fulfilFixtureAsset(route, url.pathname.slice('/__fixture__/'.length));
    const site = byHost.get(url.hostname);
    const page = site?.pages.find((p) => new RegExp(p.path).test(url.pathname));
    if (!site || !page) return route.fulfill({ status: 404, contentType: 'text/plain', body: `no fixture for ${url.href}` });
    return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: readFileSync(join(fixtures, site.dir, page.file)) });
  });
}

function fulfilFixtureAsset(route: Route, name: string) {
  const candidates = [join(fixtures, name), join(fixtures, 'editors', 'dist', name)];
  const file = /^[\w.-]+$/.test(name) ? candidates.find((f) => existsSync(f)) : undefined;
  if (!file) return route.fulfill({ status: 404, body: `no fixture asset ${name}` });
  return route.fulfill({ status: 200, contentType: 'text/javascript; charset=utf-8', body: readFileSync(file) });
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

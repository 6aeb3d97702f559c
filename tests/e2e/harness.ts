/**
 * Launches Debian's Chromium with the real built extension and serves the platforms' real https
 * URLs from tests/fixtures by request interception, so content scripts run as on the live sites.
 *
 * Nothing leaves the browser: every request the browser makes (pages, extension pages, the
 * extension's service worker: Playwright 1.65 reports and routes the worker's fetches in Chromium)
 * is recorded, and one to a host that is neither a fixture host nor a local server the test started
 * or declared is a leak: close() throws with the list, so the file fails in its afterAll.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Request, type Route, type Worker } from 'playwright-core';
import { fixtureAnswer, isLoopback, ownServer, staysInside } from './fixture-pages';
import { readThrough } from './read-through';

const root = join(import.meta.dirname, '..', '..');
export const extensionPath = resolve(root, process.env.WXT_OUT_DIR ?? '.output', 'chrome-mv3');

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface Extension {
  context: BrowserContext;
  id: string;
  worker: Worker;
  /** Requests that would have left the browser so far (see RequestLog). */
  leaks(): Leak[];
  /** Declares a server on this machine the test talks to that this process did not start itself. */
  allowLocal(origin: string): void;
  /** Closes the browser; throws if any request would have left it. */
  close(): Promise<void>;
}

/** A request to a host that is neither a fixture host nor a local server of the test. */
export interface Leak {
  url: string;
  /** Who asked: 'service worker', a page's URL, 'websocket from <page URL>'. */
  from: string;
}


/**
 * Every http(s) and WebSocket request of a browser context, checked against the fixture table
 * (fixture-pages.ts staysInside): loopback is allowed on a port a server of this process listens
 * on, an origin declared with allowLocal, or any port when `anyLoopback` (the test granted the
 * extension http://127.0.0.1/*: its team server runs in a child process).
 */
export class RequestLog {
  readonly leaks: Leak[] = [];
  private readonly seen = new WeakSet<Request>();
  private readonly declared = new Set<string>();
  constructor(private readonly anyLoopback = false) {}

  allowLocal(origin: string): void {
    this.declared.add(new URL(origin).origin);
  }

  private localAllowed = (url: URL): boolean => {
    return this.anyLoopback || this.declared.has(url.origin) || ownServer(url);
  };

  check(url: string, from: string): void {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return;
    }
    if (!staysInside(parsed, this.localAllowed)) this.leaks.push({ url, from });
  }

  request(request: Request): void {
    if (this.seen.has(request)) return;
    this.seen.add(request);
    this.check(request.url(), requestOrigin(request));
  }

  watch(context: BrowserContext): void {
    context.on('request', (request) => this.request(request));
    const sockets = (page: Page) => page.on('websocket', (ws) => this.check(ws.url(), `websocket from ${page.url()}`));
    context.pages().forEach(sockets);
    context.on('page', sockets);
  }
}

function requestOrigin(request: Request): string {
  const worker = request.serviceWorker();
  if (worker) return `service worker ${worker.url()}`;
  try {
    return request.frame().url() || 'a page';
  } catch {
    return 'the browser';
  }
}

/** The leaks, one a line, for an error message. */
export const describeLeaks = (leaks: Leak[]) => leaks.map((l) => `${l.url} (from ${l.from})`).join('\n');

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
  /** Files added to a copy of the build (the bench's blank extension page), by path in the package. */
  extraFiles?: Record<string, string>;
}

export async function launchExtension(opts: LaunchOptions = {}): Promise<Extension> {
  if (!existsSync(join(extensionPath, 'manifest.json'))) throw new Error(`no build at ${extensionPath}: run npm run build`);
  const dir = mkdtempSync(join(tmpdir(), 'vigie-e2e-'));
  let path = extensionPath;
  if (opts.grantedHosts || opts.extraFiles) {
    path = join(dir, 'ext');
    cpSync(extensionPath, path, { recursive: true });
    if (opts.grantedHosts) {
      const manifest = JSON.parse(readFileSync(join(path, 'manifest.json'), 'utf8'));
      manifest.host_permissions = [...(manifest.host_permissions ?? []), ...opts.grantedHosts];
      writeFileSync(join(path, 'manifest.json'), JSON.stringify(manifest));
    }
    for (const [file, content] of Object.entries(opts.extraFiles ?? {})) writeFileSync(join(path, file), content);
  }
  const context = await chromium.launchPersistentContext(join(dir, 'profile'), {
    executablePath: chromiumPath,
    headless: opts.headless ?? true,
    args: [...chromiumArgs(path), ...(opts.args ?? [])],
    locale: 'fr-FR',
    viewport: opts.viewport === null ? null : { width: 1200, height: 900 },
  });
  const requests = await serveFixtures(context, new RequestLog(opts.grantedHosts?.some((h) => isLoopbackPattern(h)) ?? false));
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const id = new URL(worker.url()).host;
  return {
    context,
    id,
    worker,
    leaks: () => [...requests.leaks],
    allowLocal: (origin) => requests.allowLocal(origin),
    async close() {
      await context.close().catch(() => {});
      rmSync(dir, { recursive: true, force: true });
      if (requests.leaks.length) throw new Error(`requests left the browser (nothing may, but a declared local server):\n${describeLeaks(requests.leaks)}`);
    },
  };
}

/** A grantedHosts pattern for a server on this machine (http://127.0.0.1/*). */
function isLoopbackPattern(pattern: string): boolean {
  try {
    return isLoopback(new URL(pattern.replace('/*', '/')));
  } catch {
    return false;
  }
}

/** The platforms' URLs answered from tests/fixtures (see fixture-pages.ts), every request recorded in `log`. */
export async function serveFixtures(context: BrowserContext, log = new RequestLog()): Promise<RequestLog> {
  log.watch(context);
  await context.route(/^https?:\/\//, (route: Route) => {
    log.request(route.request());
    const answer = fixtureAnswer(new URL(route.request().url()));
    if (answer.continue) return route.continue();
    return route.fulfill({ status: answer.status, contentType: answer.contentType, body: answer.body });
  });
  return log;
}

/** A platform page in a new tab, with every alert/confirm/prompt it raises recorded (and dismissed): hostile text must raise none. */
export async function openRecordingDialogs(ext: Extension, url: string): Promise<{ page: Page; dialogs: string[] }> {
  const page = await ext.context.newPage();
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(url);
  return { page, dialogs };
}

/** The page read through as a reader goes down it (read-through.ts); returns the badges with a sentiment. */
export const scrollThrough = (page: Page): Promise<number> => page.evaluate(readThrough);

/**
 * The comments within the badges' reach (a screen above and below, lib/page/near-view.ts), how many
 * of them are badged, and how many badges the page holds in all.
 */
export function withinReach(page: Page, comment: string): Promise<{ comments: number; badged: number; badges: number }> {
  return page.evaluate((comment) => {
    const badge = 'vigie-badge[data-vigie-sentiment]';
    const near = Array.from(document.querySelectorAll(comment)).filter((el) => {
      const r = el.getBoundingClientRect();
      return r.bottom > -innerHeight && r.top < 2 * innerHeight;
    });
    return { comments: near.length, badged: near.filter((el) => el.querySelector(badge)).length, badges: document.querySelectorAll(badge).length };
  }, comment);
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
  const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown>; getManifest(): Record<string, unknown> } };
  interface Window {
    __fixtureEditors: Record<string, { text(): string }>;
    __pwned?: unknown;
  }
}

/**
 * Launches Debian's Firefox ESR with the real built Firefox package (.output/firefox-mv2, a temporary
 * add-on) over WebDriver BiDi with puppeteer-core, and serves the platforms' real https URLs from
 * tests/fixtures (the same table as the Chromium harness, tests/e2e/fixture-pages.ts) by request
 * interception. Playwright cannot drive a stock Firefox; Puppeteer speaks BiDi to it directly.
 *
 * Facts checked with Firefox ESR 153:
 * - installExtension() returns the add-on id; its moz-extension:// host is a random UUID unless the
 *   pref extensions.webextensions.uuids fixes it, which is done here.
 * - navigating a tab to moz-extension:// needs --remote-allow-system-access (Firefox 153 limits
 *   WebDriver navigation to http, https, file, blob and about:blank otherwise), and Puppeteer's
 *   goto() then never sees the navigation end: extension pages are opened with BiDi's own
 *   browsingContext.navigate, waiting for the load.
 * - extension pages evaluate with the extension's API (`browser`), like the popup's own code.
 * - with devtools.console.stdout.* set, Firefox writes every console message and uncaught error,
 *   the background's included, on its standard output: collected in `log`.
 *
 * Nothing leaves the browser: every request of the tabs this harness opens (newPage, and the
 * extension pages of openExtensionPage) is recorded, and one to a host that is neither a fixture
 * host nor a server of this test process (fixture-pages.ts staysInside) is a leak: close() throws
 * with the list. Not seen: the background page's own fetches, which Firefox reports in no WebDriver
 * BiDi network event (checked with Firefox ESR 153: a fetch of browser.extension.getBackgroundPage()
 * raises none); the Chromium harness covers the same background code in its service worker.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type HTTPRequest, type Page } from 'puppeteer-core';
import { browsers, findBrowser } from '../../../scripts/browsers';
import { fixtureAnswer, ownServer, staysInside } from '../fixture-pages';

const root = join(import.meta.dirname, '..', '..', '..');
export const firefoxExtensionPath = resolve(root, process.env.WXT_OUT_DIR ?? '.output', 'firefox-mv2');
/** $FIREFOX_PATH, else Debian's firefox-esr (npm run -s browsers -- firefox installs it). */
export const firefoxPath = () => findBrowser(browsers.firefox!) ?? '/usr/bin/firefox-esr';
/** The moz-extension:// host the tests give the add-on. */
export const EXTENSION_UUID = '5a1e0c2d-7f3b-4c1e-9d2a-0b1c2d3e4f50';

export interface FirefoxExtension {
  browser: Browser;
  /** browser_specific_settings.gecko.id of the built manifest. */
  addonId: string;
  /** moz-extension://<uuid> */
  origin: string;
  /** Firefox's console and error lines so far, as written on its standard output and error. */
  log: string[];
  /** The lines of `log` that are errors raised by the extension (background, pages, content scripts). */
  extensionErrors(): string[];
  /** A tab whose http(s) requests are answered from tests/fixtures, or by `pages` (URL → HTML) first. */
  newPage(pages?: Record<string, string>): Promise<Page>;
  openExtensionPage(name: 'popup' | 'sidepanel' | 'options'): Promise<Page>;
  /** Requests of the harness's tabs that would have left the browser so far. */
  leaks(): { url: string; from: string }[];
  /** Closes Firefox; throws if any request would have left it. */
  close(): Promise<void>;
}


export async function launchFirefoxExtension(): Promise<FirefoxExtension> {
  const manifest = JSON.parse(readFileSync(join(firefoxExtensionPath, 'manifest.json'), 'utf8').toString()) as { browser_specific_settings: { gecko: { id: string } } };
  const addonId = manifest.browser_specific_settings.gecko.id;
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath(),
    headless: true,
    args: ['--remote-allow-system-access'],
    defaultViewport: { width: 1200, height: 900 },
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [addonId]: EXTENSION_UUID }),
      'devtools.console.stdout.chrome': true,
      'devtools.console.stdout.content': true,
      // As the Chromium suites run with --lang=fr-FR: the extension's interface follows navigator.languages.
      'intl.accept_languages': 'fr-FR, fr',
    },
  });
  const log: string[] = [];
  const proc = browser.process();
  for (const stream of [proc?.stdout, proc?.stderr]) {
    let rest = '';
    stream?.on('data', (chunk: Buffer) => {
      const lines = (rest + chunk.toString('utf8')).split('\n');
      rest = lines.pop() ?? '';
      log.push(...lines);
    });
  }
  const origin = `moz-extension://${EXTENSION_UUID}`;
  const installed = await browser.installExtension(firefoxExtensionPath);
  if (installed !== addonId) throw new Error(`installExtension returned ${installed}, expected ${addonId}`);

  const leaks: { url: string; from: string }[] = [];
  const record = (page: Page, opened?: string) => (request: HTTPRequest) => {
    let url: URL;
    try {
      url = new URL(request.url());
    } catch {
      return;
    }
    const frame = request.frame()?.url();
    if (!staysInside(url, ownServer)) leaks.push({ url: request.url(), from: frame && frame !== 'about:blank' ? frame : (opened ?? page.url()) });
  };
  const serve = (pages: Record<string, string>) => (request: HTTPRequest) => {
    if (request.isInterceptResolutionHandled()) return;
    const page = pages[request.url()];
    if (page !== undefined) return void request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: page });
    const url = new URL(request.url());
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return void request.continue();
    const answer = fixtureAnswer(url);
    if (answer.continue) return void request.continue();
    return void request.respond({ status: answer.status, contentType: answer.contentType, body: answer.body });
  };

  return {
    browser,
    addonId,
    origin,
    log,
    extensionErrors: () =>
      log.filter(
        (line) =>
          (line.startsWith('JavaScript error: ') && line.includes(origin)) ||
          /^console\.(error|warn): "\[vigie\]/.test(line) ||
          // A refused eval, a blocked inline script: Firefox reports the extension's pages by their origin.
          (line.includes('Content-Security-Policy') && line.includes(origin)),
      ),
    leaks: () => [...leaks],
    async newPage(pages = {}) {
      const page = await browser.newPage();
      page.on('request', record(page));
      await page.setRequestInterception(true);
      page.on('request', serve(pages));
      return page;
    },
    async openExtensionPage(name) {
      const page = await browser.newPage();
      // Puppeteer does not see BiDi's own navigation: the page's URL stays about:blank for it.
      page.on('request', record(page, `${origin}/${name}.html`));
      const frame = page.mainFrame() as unknown as { browsingContext: { navigate(url: string, wait: 'none' | 'interactive' | 'complete'): Promise<unknown> } };
      await frame.browsingContext.navigate(`${origin}/${name}.html`, 'complete');
      await page.waitForFunction((o) => location.origin === o && document.readyState === 'complete', {}, origin);
      return page;
    },
    async close() {
      await browser.close();
      if (leaks.length) throw new Error(`requests left the browser:\n${leaks.map((l) => `${l.url} (from ${l.from})`).join('\n')}`);
    },
  };
}

/** Elements matching a selector; `>>>` crosses into shadow roots (Puppeteer's deep combinator). */
export const count = (page: Page, selector: string) => page.$$(selector).then((els) => els.length);
export const attribute = (page: Page, selector: string, name: string) => page.$eval(selector, (el, n) => el.getAttribute(n), name).catch(() => null);
export const text = (page: Page, selector: string) => page.$eval(selector, (el) => el.textContent).catch(() => null);

/** The plain text of a fixture editor's model (Draft's ContentState, Lexical's EditorState...). */
export function editorModelText(page: Page, fixtureId: string): Promise<string> {
  return page.evaluate((id) => (window as unknown as { __fixtureEditors: Record<string, { text(): string }> }).__fixtureEditors[id]!.text(), fixtureId);
}

/**
 * What the platforms' real https URLs answer in the end-to-end tests, from tests/fixtures: each
 * platform directory with a pages.json answers for its hosts; everything else off-network is refused.
 * One table for every browser: the Chromium harness (Playwright routes) and the Firefox one
 * (Puppeteer request interception) only translate the answer.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { Server } from 'node:net';
import { join } from 'node:path';

const fixtures = join(import.meta.dirname, '..', 'fixtures');

interface PagesFile {
  hosts: string[];
  pages: { path: string; file: string }[];
}

export type FixtureAnswer =
  /** Reached for real: local servers a test starts itself (a webhook receiver). */
  | { continue: true }
  | { continue?: false; status: number; contentType?: string; body: Buffer | string };

let byHost: Map<string, { dir: string; pages: PagesFile['pages'] }> | undefined;

function sites() {
  if (byHost) return byHost;
  byHost = new Map();
  for (const dir of readdirSync(fixtures).filter((d) => existsSync(join(fixtures, d, 'pages.json')))) {
    const file = JSON.parse(readFileSync(join(fixtures, dir, 'pages.json'), 'utf8')) as PagesFile;
    for (const host of file.hosts) byHost.set(host, { dir, pages: file.pages });
  }
  return byHost;
}

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]']);
/** 127.0.0.1, localhost, ::1: a server on this machine. */
export const isLoopback = (url: URL) => loopbackHosts.has(url.hostname) || /^127\.\d+\.\d+\.\d+$/.test(url.hostname);

/** Ports of the servers this test process listens on (a webhook receiver): local servers the test started itself. */
const listeningPorts = new Set<number>();
const listen = Server.prototype.listen;
Server.prototype.listen = function (this: Server, ...args: unknown[]) {
  this.once('listening', () => {
    const address = this.address();
    if (address && typeof address === 'object') listeningPorts.add(address.port);
  });
  return (listen as (...a: unknown[]) => Server).apply(this, args);
} as Server['listen'];

/** A loopback URL on the port of a server this test process started. */
export const ownServer = (url: URL) => listeningPorts.has(Number(url.port || (url.protocol === 'https:' || url.protocol === 'wss:' ? 443 : 80)));

let markupUrls: Set<string> | undefined;

/**
 * Every absolute URL written in the fixtures' own markup and scripts (avatars on cdn.bsky.app,
 * links to www.facebook.com...): the platform's page asks for those itself, on the live site too,
 * so they are not Vigie's requests. Exact URLs only, not their hosts.
 */
function fixtureMarkupUrls(): Set<string> {
  if (markupUrls) return markupUrls;
  markupUrls = new Set();
  const files: string[] = [];
  for (const entry of readdirSync(fixtures, { withFileTypes: true })) {
    if (entry.isFile() && /\.(html|js)$/.test(entry.name)) files.push(join(fixtures, entry.name));
    if (entry.isDirectory() && existsSync(join(fixtures, entry.name, 'pages.json')))
      for (const f of readdirSync(join(fixtures, entry.name))) if (/\.(html|js)$/.test(f)) files.push(join(fixtures, entry.name, f));
  }
  for (const file of files)
    for (const m of readFileSync(file, 'utf8').matchAll(/https?:\/\/[^\s"'<>()`\\]+/g)) {
      const raw = m[0].replace(/&amp;/g, '&');
      try {
        markupUrls.add(new URL(raw).href);
      } catch {
        // not a URL after all
      }
    }
  return markupUrls;
}

/**
 * Whether a request the browser made stays inside the test: a platform host answered from
 * tests/fixtures, a URL the fixture's own markup names, or a local server the test declared
 * (`localAllowed`). Anything else would have left the browser: a broken promise.
 */
export function staysInside(url: URL, localAllowed: (url: URL) => boolean): boolean {
  if (url.protocol !== 'http:' && url.protocol !== 'https:' && url.protocol !== 'ws:' && url.protocol !== 'wss:') return true;
  if (isLoopback(url)) return localAllowed(url);
  if (sites().has(url.hostname)) return true;
  return fixtureMarkupUrls().has(url.href);
}

/** The answer to a page's request for an http(s) URL. */
export function fixtureAnswer(url: URL): FixtureAnswer {
  if (isLoopback(url)) return { continue: true };
  if (url.pathname.startsWith('/__fixture__/')) return fixtureAsset(url.pathname.slice('/__fixture__/'.length));
  const site = sites().get(url.hostname);
  const page = site?.pages.find((p) => new RegExp(p.path).test(url.pathname));
  if (!site || !page) return { status: 404, contentType: 'text/plain', body: `no fixture for ${url.href}` };
  return { status: 200, contentType: 'text/html; charset=utf-8', body: readFileSync(join(fixtures, site.dir, page.file)) };
}

/** The fixtures' scripts: tests/fixtures/<name>, or the editor bundles built into tests/fixtures/editors/dist. */
function fixtureAsset(name: string): FixtureAnswer {
  const candidates = [join(fixtures, name), join(fixtures, 'editors', 'dist', name)];
  const file = /^[\w.-]+$/.test(name) ? candidates.find((f) => existsSync(f)) : undefined;
  if (!file) return { status: 404, body: `no fixture asset ${name}` };
  return { status: 200, contentType: 'text/javascript; charset=utf-8', body: readFileSync(file) };
}

/**
 * What the platforms' real https URLs answer in the end-to-end tests, from tests/fixtures: each
 * platform directory with a pages.json answers for its hosts; everything else off-network is refused.
 * One table for every browser: the Chromium harness (Playwright routes) and the Firefox one
 * (Puppeteer request interception) only translate the answer.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
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

/** The answer to a page's request for an http(s) URL. */
export function fixtureAnswer(url: URL): FixtureAnswer {
  if (url.hostname === '127.0.0.1' || url.hostname === 'localhost') return { continue: true };
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

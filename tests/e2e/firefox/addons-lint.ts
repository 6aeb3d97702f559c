/**
 * addons-linter, Mozilla's own checker (the one addons.mozilla.org runs on upload), over the built
 * Firefox package: `npm run -s lint:firefox [DIR]`, DIR defaulting to .output/firefox-mv2 (or
 * $WXT_OUT_DIR/firefox-mv2). Fails on any error or warning, except the four innerHTML writes listed
 * in ACCEPTED below, each matched on its exact code and shown with the reason it is safe.
 * addons-linter has no per-file or per-line setting (its --disable-linter-rules turns a rule off for
 * the whole package), hence this narrow filter over its Node API.
 *
 * The eval warnings it used to raise are gone from the bundle itself (see noEvalInBundle in wxt.config.ts).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import linter from 'addons-linter';

const root = join(import.meta.dirname, '..', '..', '..');

interface Finding {
  code: string;
  message: string;
  file?: string;
  line?: number;
  column?: number;
}

interface Accepted {
  what: string;
  code: string;
  file: RegExp;
  /** The code just before the reported column, and from it. */
  before: RegExp;
  at: RegExp;
  why: string;
  /** Run over the sources: the reason above still holds. Returns what is wrong, or null. */
  holds(): string | null;
}

const id = '[\\w$]+';
const source = (path: string) => readFileSync(join(root, path), 'utf8');

const readabilityOnClone: Accepted['holds'] = () =>
  /new Readability\(doc\.cloneNode\(true\) as Document\b/.test(source('lib/background/article.ts'))
    ? null
    : 'lib/background/article.ts no longer hands Readability a clone of the document';

export const ACCEPTED: Accepted[] = [
  {
    what: "Readability (clipper.js): the page's saved markup put back before a retry",
    code: 'UNSAFE_VAR_ASSIGNMENT',
    file: /^clipper\.js$/,
    before: new RegExp(`this\\._charThreshold\\)\\{if\\(${id}=!1,$`),
    at: new RegExp(`^${id}\\.innerHTML=${id},this\\._attempts\\.push\\(`),
    why:
      'Readability runs on doc.cloneNode(true) (lib/background/article.ts): a document with no browsing context, where no script runs and no event handler fires. ' +
      'The markup is the page\'s own, which Readability read from that same node a moment before; only text (title, byline, excerpt, textContent) leaves the clipper, never HTML.',
    holds: readabilityOnClone,
  },
  {
    what: "Readability (clipper.js): a <noscript>'s image markup unwrapped",
    code: 'UNSAFE_VAR_ASSIGNMENT',
    file: /^clipper\.js$/,
    before: new RegExp(`this\\._isSingleImage\\(${id}\\)\\)\\{var ${id}=${id}\\.createElement\\(\`div\`\\);$`),
    at: new RegExp(`^${id}\\.innerHTML=${id}\\.innerHTML;`),
    why: 'The same inert clone: the markup of a <noscript> of the clone, copied into a detached element of the clone.',
    holds: readabilityOnClone,
  },
  {
    what: "React DOM (a shared chunk): the dangerouslySetInnerHTML prop, when it changes or mounts",
    code: 'UNSAFE_VAR_ASSIGNMENT',
    file: /^chunks\/[\w.-]+\.js$/,
    before: new RegExp(`\`__html\`in ${id}\\)\\)throw Error\\(${id}\\(61\\)\\);if\\(${id}=${id}\\.__html,${id}!=null\\)\\{if\\(${id}\\.children!=null\\)throw Error\\(${id}\\(60\\)\\);${id}\\?\\.__html!==${id}&&\\($`),
    at: new RegExp(`^${id}\\.innerHTML=${id}\\)`),
    why: 'React writes innerHTML only for the dangerouslySetInnerHTML prop, and no Vigie source passes it (checked over components/, entrypoints/, lib/): page text is rendered as React children.',
    holds() {
      const hits = sourcesMentioning('dangerouslySetInnerHTML');
      return hits.length ? `dangerouslySetInnerHTML is used in ${hits.join(', ')}` : null;
    },
  },
];

function sourcesMentioning(word: string): string[] {
  const hits: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else if (/\.(ts|tsx)$/.test(entry.name) && source(path).includes(word)) hits.push(path);
    }
  };
  for (const dir of ['components', 'entrypoints', 'lib']) walk(dir);
  return hits;
}

export interface LintReport {
  errors: Finding[];
  warnings: Finding[];
  notices: Finding[];
  accepted: { finding: Finding; what: string; why: string }[];
  /** Accepted findings whose reason no longer holds in the sources. */
  broken: string[];
}

/** Which entry of ACCEPTED a warning is, if any: same code, same file, same code at the reported place. */
export function acceptedFor(f: Finding, dir: string): Accepted | undefined {
  if (!f.file || !f.line || !f.column) return undefined;
  const lines = readFileSync(join(dir, f.file), 'utf8').split('\n');
  const line = lines[f.line - 1] ?? '';
  const before = line.slice(Math.max(0, f.column - 1 - 400), f.column - 1);
  const at = line.slice(f.column - 1, f.column - 1 + 200);
  return ACCEPTED.find((a) => a.code === f.code && a.file.test(f.file!) && a.before.test(before) && a.at.test(at));
}

export async function lintFirefox(dir: string): Promise<LintReport> {
  if (!existsSync(join(dir, 'manifest.json'))) throw new Error(`no Firefox build at ${dir}: run npm run build:firefox`);
  const instance = linter.createInstance({
    config: { _: [dir], logLevel: 'fatal', stack: false, pretty: false, warningsAsErrors: false, metadata: false, output: 'none', boring: true, selfHosted: false },
    runAsBinary: false,
  });
  const out = (await instance.run()) as { errors: Finding[]; warnings: Finding[]; notices: Finding[] };
  const report: LintReport = { errors: out.errors, warnings: [], notices: out.notices, accepted: [], broken: [] };
  for (const w of out.warnings) {
    const a = acceptedFor(w, dir);
    if (a) report.accepted.push({ finding: w, what: a.what, why: a.why });
    else report.warnings.push(w);
  }
  for (const a of new Set(report.accepted.map((x) => ACCEPTED.find((y) => y.what === x.what)!))) {
    const wrong = a.holds();
    if (wrong) report.broken.push(`${a.what}: ${wrong}`);
  }
  return report;
}

const where = (f: Finding) => (f.file ? `${f.file}${f.line ? `:${f.line}:${f.column ?? 0}` : ''}` : '(package)');

async function main() {
  const dir = process.argv[2] ?? resolve(root, process.env.WXT_OUT_DIR ?? '.output', 'firefox-mv2');
  const r = await lintFirefox(dir);
  for (const f of [...r.errors, ...r.warnings]) console.error(`${f.code} ${where(f)}: ${f.message}`);
  for (const f of r.notices) console.error(`notice ${f.code} ${where(f)}: ${f.message}`);
  for (const a of r.accepted) console.error(`accepted ${a.finding.code} ${where(a.finding)}: ${a.what}. ${a.why}`);
  for (const b of r.broken) console.error(`no longer safe: ${b}`);
  console.log(
    JSON.stringify({ package: relative(root, dir) || dir, errors: r.errors.length, warnings: r.warnings.length, notices: r.notices.length, accepted: r.accepted.length, broken: r.broken.length }),
  );
  if (r.errors.length || r.warnings.length || r.broken.length) process.exitCode = 1;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();

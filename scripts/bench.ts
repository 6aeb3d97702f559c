/**
 * `npm run bench`: runs every suite in bench/ and prints one JSON object, suite name → measurements,
 * with each suite's budget from DESIGN.md beside its numbers.
 */
import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { bounded, isFailed } from '../bench/lib/bounded';

/** The browser suite's parts have their own limits (bench/browser.ts); this only catches a suite that hangs outright. */
const SUITE_LIMIT_MS = 30 * 60_000;

interface Suite {
  /** `parts`: the measurements to take when the command names some (`browser.popup`), else all. */
  run(parts: string[]): Promise<Record<string, unknown>>;
}

const dir = join(import.meta.dirname, '..', 'bench');
// `npm run bench -- voice browser.popup`: whole suites by name, or one part of a suite.
const only = process.argv.slice(2);
const results: Record<string, unknown> = {};
for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts')).sort()) {
  const name = basename(file, '.ts');
  const parts = only.filter((o) => o.startsWith(`${name}.`)).map((o) => o.slice(name.length + 1));
  if (only.length && !only.includes(name) && !parts.length) continue;
  // A suite that throws or hangs is reported failed; the others still run and print.
  results[name] = await bounded(name, SUITE_LIMIT_MS, async () => ((await import(join(dir, file))) as Suite).run(parts));
}
process.stdout.write(JSON.stringify(results, null, 2) + '\n');
const failed = Object.entries(results).flatMap(([suite, r]) => (isFailed(r) ? [suite] : Object.entries(r as object).filter(([, p]) => isFailed(p)).map(([p]) => `${suite}.${p}`)));
if (failed.length) process.stderr.write(`bench: failed: ${failed.join(', ')}\n`);
// A part given up on may leave a browser or a timer behind: the results are out, end here.
process.exit(failed.length ? 1 : 0);

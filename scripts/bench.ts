/**
 * `npm run bench`: runs every suite in bench/ and prints one JSON object, suite name → measurements,
 * with each suite's budget from DESIGN.md beside its numbers.
 */
import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';

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
  const suite = (await import(join(dir, file))) as Suite;
  results[name] = await suite.run(parts);
}
process.stdout.write(JSON.stringify(results, null, 2) + '\n');

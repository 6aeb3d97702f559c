/**
 * README accuracy: every command of the README's "Command line" section runs as written, from the
 * repository's root, exits 0 and prints JSON (one value a line, the summary last).
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = join(import.meta.dirname, '..', '..', '..');

/** The lines of the ```sh block between "## Command line" and the next heading of that level. */
function commandLineSection(readme: string): string[] {
  const start = readme.indexOf('\n## Command line\n');
  if (start < 0) throw new Error('README has no "## Command line" section');
  const rest = readme.slice(start + 1);
  const next = rest.slice(1).search(/^## /m);
  const section = next < 0 ? rest : rest.slice(0, next + 1);
  const block = /^```sh\n([\s\S]*?)^```$/m.exec(section);
  if (!block) throw new Error('the "Command line" section has no ```sh block');
  return block[1]!.split('\n').filter((line) => line.trim() && !line.trim().startsWith('#'));
}

const commands = commandLineSection(readFileSync(join(root, 'README.md'), 'utf8'));

describe('README: every command of "Command line" runs as written', () => {
  it('finds the commands', () => {
    expect(commands.length).toBeGreaterThanOrEqual(7);
    expect(commands.some((c) => c.includes('crisis replay'))).toBe(true);
  });

  it.each(commands)('%s', async (command) => {
    const { stdout } = await run('sh', ['-c', command], { cwd: root, maxBuffer: 64 * 1024 * 1024 });
    const lines = stdout.split('\n').filter((l) => l.trim());
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(() => JSON.parse(line), line.slice(0, 200)).not.toThrow();
  }, 120_000);
});

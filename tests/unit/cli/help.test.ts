import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { renderVars } from '../../../lib/templates/render';

const run = promisify(execFile);
const root = join(import.meta.dirname, '..', '..', '..');
const vigie = async (...args: string[]) => (await run(join(root, 'node_modules', '.bin', 'tsx'), ['lib/cli/main.ts', ...args], { cwd: root })).stdout;

/** The JSON given after `--vars '` in a help text. */
function varsExampleIn(help: string): unknown {
  const m = /--vars '(\{.*\})'/.exec(help);
  expect(m, 'an example of --vars in the help').not.toBeNull();
  return JSON.parse(m![1]!);
}

describe('--help says what --vars holds', () => {
  it.each([[['templates', 'render', '--help']], [['templates', '--help']], [['--help']]])('vigie %j shows an example naming every variable', async (args) => {
    const example = varsExampleIn(await vigie(...args)) as Record<string, Record<string, string>>;
    // The example is valid for the real schema and names every key it accepts, nested ones included.
    expect(renderVars.strict().safeParse(example).success).toBe(true);
    for (const [key, schema] of Object.entries(renderVars.shape)) {
      expect(example, key).toHaveProperty(key);
      const inner = (schema.unwrap() as { shape?: Record<string, unknown> }).shape;
      if (inner) expect(Object.keys(example[key]!).sort(), key).toEqual(Object.keys(inner).sort());
    }
  });

  it('the example renders a starter template with nothing missing', async () => {
    const example = varsExampleIn(await vigie('templates', 'render', '--help'));
    const out = await vigie('templates', 'render', '--id', 'starter-delay', '--lang', 'fr', '--vars', JSON.stringify(example), '--now', '2026-12-18T10:00:00Z');
    const result = JSON.parse(out.trim().split('\n').at(-1)!);
    expect(result.missing).toEqual([]);
    expect(result.text).toContain('Marie');
    expect(result.text).toContain('24 décembre');
  });
});

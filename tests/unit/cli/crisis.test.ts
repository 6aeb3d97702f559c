import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { replay } from '../../../lib/cli/crisis';
import { CliError } from '../../../lib/cli/io';

const run = promisify(execFile);
const root = join(import.meta.dirname, '..', '..', '..');
const fixture = (name: string) => join(root, 'tests', 'fixtures', 'crisis', name);

async function vigie(...args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const { stdout, stderr } = await run(join(root, 'node_modules', '.bin', 'tsx'), ['lib/cli/main.ts', ...args], { cwd: root });
    return { stdout, stderr, code: 0 };
  } catch (err) {
    const e = err as { stdout: string; stderr: string; code: number };
    return { stdout: e.stdout, stderr: e.stderr, code: e.code };
  }
}

const lastLine = (stdout: string) => JSON.parse(stdout.trim().split('\n').at(-1)!);

describe('crisis replay', () => {
  it('a calm stream followed by a burst of angry comments raises exactly one alert, at the burst', async () => {
    const { stdout, code } = await vigie('crisis', 'replay', fixture('calm-burst.jsonl'));
    expect(code).toBe(0);
    const { alerts } = lastLine(stdout) as { alerts: { at: string; platform: string; reason: string; evidence: { line: number; text: string }[] }[] };
    expect(alerts).toHaveLength(1);
    const [a] = alerts;
    expect(a!.platform).toBe('x');
    // The burst starts at 14:05 after six calm hours; the alert comes within minutes, not before.
    expect(a!.at >= '2026-11-14T14:05:00.000Z' && a!.at < '2026-11-14T14:20:00.000Z').toBe(true);
    expect(a!.reason).toMatch(/over the last 30 min vs .*baseline \(\d+ comments\)/);
    expect(a!.evidence.length).toBeGreaterThan(0);
    expect(a!.evidence.length).toBeLessThanOrEqual(10);
    expect(a!.evidence.every((e) => e.line > 510)).toBe(true);
    expect(a!.evidence.some((e) => /arnaque|plainte|scandale|rembours/i.test(e.text))).toBe(true);
  }, 30_000);

  it('the calm stream alone raises none', async () => {
    const { stdout, code } = await vigie('crisis', 'replay', fixture('calm.jsonl'));
    expect(code).toBe(0);
    expect(lastLine(stdout)).toEqual({ alerts: [] });
  }, 30_000);

  it('refuses a file with a bad line, naming the line, and replays nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigie-crisis-'));
    const file = join(dir, 'bad.jsonl');
    writeFileSync(file, ['{"at":"2026-11-14T08:00:00Z","platform":"x","text":"ok"}', '', '{"at":"yesterday","platform":"x","text":"ko"}'].join('\n'));
    const { stdout, stderr, code } = await vigie('crisis', 'replay', file);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(JSON.parse(stderr).error).toBe(`${file}:3: at: Invalid ISO datetime (1 bad line; nothing replayed)`);
  }, 30_000);

  it.each([
    ['not JSON', '{"at": ', /x\.jsonl:1: not valid JSON/],
    ['missing text', '{"at":"2026-11-14T08:00:00Z","platform":"x"}', /x\.jsonl:1: text: /],
    ['bad platform', '{"at":"2026-11-14T08:00:00Z","platform":"Twitter!","text":"a"}', /x\.jsonl:1: platform: a platform id/],
    ['keywords not a list', '{"at":"2026-11-14T08:00:00Z","platform":"x","text":"a","keywords":"sav"}', /x\.jsonl:1: keywords: /],
  ])('names the problem: %s', (_, line, message) => {
    expect(() => replay(line, 'x.jsonl')).toThrow(CliError);
    expect(() => replay(line, 'x.jsonl')).toThrow(message);
  });

  it('replays in time order and honours a detector config', () => {
    const lines = Array.from({ length: 30 }, (_, i) => JSON.stringify({ at: new Date(Date.UTC(2026, 10, 14, 9, 29 - i)).toISOString(), platform: 'x', text: 'Arnaque, remboursez-moi, je porte plainte' }));
    const strict = replay(lines.join('\n'), 'x.jsonl', { minVolume: 100 });
    expect(strict.alerts).toEqual([]);
    const loose = replay(lines.join('\n'), 'x.jsonl', { minVolume: 10 });
    expect(loose.alerts).toHaveLength(1);
    expect(loose.alerts[0]!.at).toBe('2026-11-14T09:09:00.000Z');
    expect(() => replay(lines.join('\n'), 'x.jsonl', { windowMinutes: 7 })).toThrow(/windowMinutes must be a multiple/);
  });
});

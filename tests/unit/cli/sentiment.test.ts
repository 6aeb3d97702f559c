import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..', '..');
const vigie = (args: string[], input = '') =>
  spawnSync('npx', ['tsx', 'lib/cli/main.ts', ...args], { cwd: root, input, encoding: 'utf8', timeout: 60_000 });
const lines = (out: string) =>
  out
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe('vigie sentiment classify', () => {
  it('writes one result per input line, an error object for a bad line, and a summary last', () => {
    const r = vigie(['sentiment', 'classify'], '{"text":"J\'adore ce produit, merci beaucoup à toute l\'équipe !"}\nnot json\n{"txt":"x"}\n\n{"text":"Je vais porter plainte"}\n');
    const out = lines(r.stdout);
    expect(out).toHaveLength(5);
    expect(out[0]).toMatchObject({ label: 'positive', lang: 'fr', risks: [] });
    expect(out[1]).toEqual({ line: 2, error: 'not valid JSON' });
    expect(out[2]).toMatchObject({ line: 3 });
    expect(out[3]).toMatchObject({ risks: [{ tag: 'legal', evidence: [8, 22] }] });
    expect(out[4]).toEqual({ classified: 2, errors: 2 });
    expect(r.stderr).toContain('stdin:2');
    expect(r.status).toBe(2);
  });

  it('exits 0 when every line is good', () => {
    const r = vigie(['sentiment', 'classify'], '{"text":"ok"}\n');
    expect(r.status).toBe(0);
    expect(lines(r.stdout).at(-1)).toEqual({ classified: 1, errors: 0 });
  });
});

describe('vigie sentiment eval', () => {
  it('prints n, macro scores, speed and per-language scores as its last line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigie-sentiment-'));
    const file = join(dir, 'gold.jsonl');
    writeFileSync(
      file,
      [
        { text: "J'adore ce produit, merci !", label: 'positive' },
        { text: 'Nul, horrible, je suis déçu.', label: 'negative' },
        { text: 'I love it, amazing!', label: 'positive', lang: 'en' },
        { text: 'Worst service ever, I hate it', label: 'negative', lang: 'en' },
      ]
        .map((x) => JSON.stringify(x))
        .join('\n') + '\n{"text": "no label"}\n',
    );
    const r = vigie(['sentiment', 'eval', file]);
    expect(r.status).toBe(0);
    const summary = lines(r.stdout).at(-1)!;
    expect(summary).toMatchObject({ n: 4, accuracy: 1, macroF1: 1, macroRecall: 1, skipped: 1 });
    expect(summary.textsPerSecond).toBeGreaterThan(0);
    expect(summary.perLanguage).toEqual({
      fr: { n: 2, macroF1: 1, macroRecall: 1, accuracy: 1 },
      en: { n: 2, macroF1: 1, macroRecall: 1, accuracy: 1 },
    });
    expect(r.stderr).toContain('gold.jsonl:5');
  });

  it('fails with a usage error without a file', () => {
    const r = vigie(['sentiment', 'eval']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('usage');
  });
});

/**
 * The README's sentiment figures and size are the shipped model's: re-scored here on the
 * validation splits, so retraining without updating the README (or the reverse) fails.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classify } from '../../../lib/sentiment/index';
import { score } from '../../../lib/sentiment/metrics';
import type { SentimentLabel } from '../../../lib/sentiment/types';

const root = join(import.meta.dirname, '..', '..', '..');
const dataDir = join(root, '..', 'shared', 'data', 'sentiment');
const LANGS = ['fr', 'en', 'de', 'es', 'it', 'pt'];

/** The rows `| lang | macro-F1 | macro-recall | accuracy |` of the README's sentiment section. */
function readmeFigures(): Map<string, { macroF1: number; macroRecall: number }> {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Sentiment and risk'));
  const start = section.indexOf('Validation scores');
  const table = section.slice(start, section.indexOf('\n\n', section.indexOf('| lang |', start)));
  const figures = new Map<string, { macroF1: number; macroRecall: number }>();
  for (const m of table.matchAll(/^\| (\w\w) \| ([\d.]+) \| ([\d.]+) \| [\d.]+ \|$/gm)) figures.set(m[1]!, { macroF1: Number(m[2]), macroRecall: Number(m[3]) });
  return figures;
}

describe('sentiment figures in the README', () => {
  const figures = readmeFigures();

  it('lists every supported language', () => {
    expect([...figures.keys()]).toEqual(LANGS);
  });

  it.each(LANGS)('%s: the shipped model scores at least the README figure (minus 0.01) on the validation split', (lang) => {
    const rows = readFileSync(join(dataDir, `${lang}_val.jsonl`), 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as { text: string; label: SentimentLabel });
    const s = score(
      rows.map((r) => r.label),
      rows.map((r) => classify(r.text).label),
    );
    expect(s.macroF1).toBeGreaterThanOrEqual(figures.get(lang)!.macroF1 - 0.01);
    expect(s.macroRecall).toBeGreaterThanOrEqual(figures.get(lang)!.macroRecall - 0.01);
  });
});

describe('sentiment model size', () => {
  it('keeps model and word lists within the 2 MB budget of DESIGN.md', () => {
    const dir = join(root, 'lib', 'sentiment');
    const lexicons = readdirSync(join(dir, 'lexicons')).reduce((sum, f) => sum + statSync(join(dir, 'lexicons', f)).size, 0);
    expect(statSync(join(dir, 'model.json')).size + lexicons).toBeLessThanOrEqual(2 * 1024 * 1024);
  });
});

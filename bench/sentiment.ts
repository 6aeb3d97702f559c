/**
 * Sentiment throughput on one core (classify() on the validation tweets, risks included) and the
 * size of the shipped model and word lists, beside the DESIGN.md budgets.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { classify } from '../lib/sentiment/index';

const root = join(import.meta.dirname, '..');
const dataDir = join(root, '..', 'shared', 'data', 'sentiment');
const LANGS = ['fr', 'en', 'de', 'es', 'it', 'pt'];

function texts(): string[] {
  return LANGS.flatMap((lang) =>
    readFileSync(join(dataDir, `${lang}_val.jsonl`), 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => (JSON.parse(l) as { text: string }).text),
  );
}

export async function run(): Promise<Record<string, unknown>> {
  const corpus = texts();
  for (let i = 0; i < 3; i++) for (const t of corpus) classify(t);
  let n = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < 2000) {
    for (const t of corpus) classify(t);
    n += corpus.length;
  }
  const textsPerSecond = Math.round(n / ((performance.now() - t0) / 1000));
  const lexiconDir = join(root, 'lib', 'sentiment', 'lexicons');
  const modelBytes = statSync(join(root, 'lib', 'sentiment', 'model.json')).size;
  const lexiconBytes = readdirSync(lexiconDir).reduce((sum, f) => sum + statSync(join(lexiconDir, f)).size, 0);
  return {
    texts: corpus.length,
    textsPerSecond,
    budgetTextsPerSecond: 20_000,
    modelBytes,
    lexiconBytes,
    modelAndLexiconBytes: modelBytes + lexiconBytes,
    budgetModelAndLexiconBytes: 2 * 1024 * 1024,
  };
}

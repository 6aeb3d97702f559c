/**
 * Sentiment throughput on one core (classify() on the validation tweets, risks included) and the
 * size of the shipped model and word lists, beside the DESIGN.md budgets. The speed is also given
 * against a fixed reference loop timed in the same runs, so that a slow or busy machine shows as a
 * slow reference rather than as a slower model.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { classify } from '../lib/sentiment/index';
import { median } from './lib/measure';

const root = join(import.meta.dirname, '..');
const dataDir = join(root, '..', 'shared', 'data', 'sentiment');
const LANGS = ['fr', 'en', 'de', 'es', 'it', 'pt'];
const RUNS = 7;
const RUN_MS = 700;
const BUDGET = 20_000;

function texts(): string[] {
  return LANGS.flatMap((lang) =>
    readFileSync(join(dataDir, `${lang}_val.jsonl`), 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => (JSON.parse(l) as { text: string }).text),
  );
}

/**
 * The reference: per text, what any text classifier does at the least (lower-case it, split its
 * words with a Unicode regex, hash them). It never changes with the model, so the ratio moves only
 * when classify() does.
 */
function reference(text: string): number {
  const lower = text.toLowerCase();
  let h = 0x811c9dc5;
  for (const m of lower.matchAll(/[\p{L}\p{N}]+/gu)) {
    for (let i = 0; i < m[0].length; i++) h = Math.imul(h ^ m[0].charCodeAt(i), 0x01000193);
  }
  return h >>> 0;
}

/** Texts per second of `fn` over the corpus, for about RUN_MS. */
function rate(corpus: string[], fn: (text: string) => unknown): number {
  let n = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < RUN_MS) {
    for (const t of corpus) fn(t);
    n += corpus.length;
  }
  return Math.round(n / ((performance.now() - t0) / 1000));
}

export async function run(): Promise<Record<string, unknown>> {
  const corpus = texts();
  for (let i = 0; i < 3; i++) for (const t of corpus) (classify(t), reference(t));
  const runs: number[] = [];
  const references: number[] = [];
  // Interleaved, so that a slow spell of the machine weighs on both alike.
  for (let i = 0; i < RUNS; i++) {
    references.push(rate(corpus, reference));
    runs.push(rate(corpus, classify));
  }
  const textsPerSecond = median(runs);
  const lexiconDir = join(root, 'lib', 'sentiment', 'lexicons');
  const modelBytes = statSync(join(root, 'lib', 'sentiment', 'model.json')).size;
  const lexiconBytes = readdirSync(lexiconDir).reduce((sum, f) => sum + statSync(join(lexiconDir, f)).size, 0);
  const bytes = modelBytes + lexiconBytes;
  return {
    texts: corpus.length,
    runs: RUNS,
    textsPerSecond,
    runsTextsPerSecond: runs,
    spreadTextsPerSecond: { min: Math.min(...runs), max: Math.max(...runs) },
    budgetTextsPerSecond: BUDGET,
    referenceTextsPerSecond: median(references),
    // classify() per reference loop, per run: machine-independent, to compare two runs on different days.
    ratioToReference: Math.round((textsPerSecond / median(references)) * 1000) / 1000,
    ratioToReferenceByRun: runs.map((r, i) => Math.round((r / references[i]!) * 1000) / 1000),
    modelBytes,
    lexiconBytes,
    modelAndLexiconBytes: bytes,
    budgetModelAndLexiconBytes: 2 * 1024 * 1024,
    pass: textsPerSecond >= BUDGET && bytes <= 2 * 1024 * 1024,
  };
}

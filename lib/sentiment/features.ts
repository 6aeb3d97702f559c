/**
 * Turns a text into hashed sparse features for the linear sentiment model. Training
 * (scripts/train-sentiment.ts) and classify() call the same code, so the shipped model sees
 * exactly the features it was fitted on.
 */
import { foldedPrefix } from './fold';
import { polarityOf, scoresOf, isNegationCue, isIntensifier, type WordScores } from './lexicon';

export interface FeatureOptions {
  /** Word bigrams (across negation marks too). */
  bigrams: boolean;
  /** Character 3- and 4-grams inside each word, for inflections and spelling variants. */
  charGrams: boolean;
  /** Weight of the character n-gram block relative to words. */
  charWeight: number;
  /** Shortest and longest character n-grams inside a word (absent: 3 and 4). */
  charMin?: number;
  charMax?: number;
  /**
   * Character n-grams across the space between two consecutive words, up to this length (3 to 5;
   * 0 or absent: none): "pas bon" gives "s b", "as b", "s bo", so word pairs match across inflections.
   */
  crossGrams?: number;
}

export interface FeatureBuffer {
  idx: Int32Array;
  val: Float32Array;
  n: number;
  /** Words and emoji of the last text found in the hand-written polarity lists (not the AFINN ones). */
  polar: number;
}

export const MAX_FEATURES = 4096;
/** Feature work is bounded: comments longer than this are judged on their beginning. */
export const MAX_CHARS = 2000;

export function newBuffer(): FeatureBuffer {
  return { idx: new Int32Array(MAX_FEATURES), val: new Float32Array(MAX_FEATURES), n: 0, polar: 0 };
}

const SEED_WORD = 0x1234567;
const SEED_NEG = 0x2345671;
const SEED_BI = 0x3456712;
const SEED_CHAR = 0x4567123;
const SEED_META = 0x5671234;
const SEED_CROSS = 0x6712345;

export function hashStr(seed: number, s: string): number {
  let x = (seed ^ 0x811c9dc5) >>> 0;
  for (let i = 0; i < s.length; i++) {
    x ^= s.charCodeAt(i);
    x = Math.imul(x, 0x01000193);
  }
  return x >>> 0;
}

export function hashRange(seed: number, s: string, from: number, to: number): number {
  let x = (seed ^ 0x811c9dc5) >>> 0;
  for (let i = from; i < to; i++) {
    x ^= s.charCodeAt(i);
    x = Math.imul(x, 0x01000193);
  }
  return x >>> 0;
}

function push(buf: FeatureBuffer, h: number, v: number): void {
  if (buf.n < MAX_FEATURES) {
    buf.idx[buf.n] = h | 0;
    buf.val[buf.n] = v;
    buf.n++;
  }
}

const meta = (name: string) => hashStr(SEED_META, name);
const M = {
  bias: meta('bias'),
  lexPos: meta('lexPos'),
  lexNeg: meta('lexNeg'),
  lexNone: meta('lexNone'),
  lexLast: meta('lexLast'),
  afPos: meta('afPos'),
  afNeg: meta('afNeg'),
  exclaim: meta('!'),
  question: meta('?'),
  ellipsis: meta('...'),
  caps: meta('caps'),
  elong: meta('elong'),
  url: meta('url'),
  mention: meta('mention'),
  hashtag: meta('hashtag'),
  negation: meta('negation'),
  short: meta('short'),
  sarcasm: meta('sarcasm'),
};

/** Marks of irony: the praise around them is read as blame ("Merci pour rien 🙄", "great, another delay 🙄"). */
const SARCASM = new Set(['🙄', '🙃', '😒', 'sarcasme', 'sarcasm', 'ironie', 'irony']);

/**
 * url | mention | hashtag | word | emoticon | ! or ? runs | ellipsis | pictographic emoji.
 * Runs on folded text (lower case, no accents) whose offsets equal the original's.
 */
const TOKEN =
  /(https?:\/\/\S+|\bhttp\b)|(@\w+)|#([\p{L}\p{N}_]+)|([\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*)|((?:[:;=][-o^']?[)(\]\[dpo\/\\|*3]+)|<3|(?:[)(][-o^']?[:;=])|\bx+d+\b)|([!?]+)|(\.{2,}|…)|(\p{Extended_Pictographic})/gu;
const ELISION = /^(?:[ldjmnstc]|qu|jusqu|lorsqu|puisqu)'(.+)$/;
const PUNCT_BREAK = /[.,;:!?()]/;

/** Whether `w` has a unit repeated `times` times in a row (a loop: this runs on every word). */
function hasRun(w: string, times: 2 | 3): boolean {
  let run = 1;
  for (let i = 1; i < w.length; i++) {
    run = w.charCodeAt(i) === w.charCodeAt(i - 1) ? run + 1 : 1;
    if (run === times) return true;
  }
  return false;
}

/** The word's scores; a list without it is tried with its repeated letters single ("nuuul"). */
function lexiconScores(w: string): WordScores {
  const direct = scoresOf(w);
  if ((direct.hand !== 0 && direct.afinn !== 0) || !hasRun(w, 2)) return direct;
  const single = scoresOf(w.replace(/(.)\1+/g, '$1'));
  // Most words with a doubled letter are in no list either way: no new object for them.
  if (single.hand === 0 && single.afinn === 0) return direct;
  return { hand: direct.hand || single.hand, afinn: direct.afinn || single.afinn };
}

/**
 * Fills `buf` with the features of `text`; returns the number of words, emoji and emoticons seen.
 * `foldedText` as in foldedPrefix.
 */
export function extractFeatures(text: string, opts: FeatureOptions, buf: FeatureBuffer, foldedText?: string): number {
  buf.n = 0;
  const raw = text.length > MAX_CHARS ? text.slice(0, MAX_CHARS) : text;
  const folded = foldedPrefix(text, MAX_CHARS, foldedText);
  push(buf, M.bias, 1);
  const start = buf.n;
  let prev = '<s>';
  let negLeft = 0;
  let boost = 1;
  let lexPos = 0;
  let lexNeg = 0;
  let afPos = 0;
  let afNeg = 0;
  let lastLex = 0;
  let words = 0;
  let exclaim = 0;
  let question = 0;
  let caps = 0;
  let elong = 0;
  let negations = 0;
  let sarcasm = false;
  let polar = 0;
  let lastEnd = 0;
  /** The previous token when it was a word (folded, as looked up), for the cross-word n-grams. */
  let prevWord = '';
  const cross = opts.crossGrams ?? 0;
  const charMin = opts.charMin ?? 3;
  const charMax = opts.charMax ?? 4;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(folded); m !== null; m = TOKEN.exec(folded)) {
    // A sentence break between tokens ends a negation scope.
    if (negLeft > 0 && PUNCT_BREAK.test(folded.slice(lastEnd, m.index))) negLeft = 0;
    lastEnd = m.index + m[0].length;
    if (m[4] === undefined) prevWord = '';
    if (m[1] !== undefined) {
      push(buf, M.url, 1);
      continue;
    }
    if (m[2] !== undefined) {
      push(buf, M.mention, 1);
      continue;
    }
    let token: string;
    let polarity = 0;
    /** The word's score in the translated AFINN lists (else the hand-written ones'), summed apart. */
    let af = 0;
    if (m[4] !== undefined || m[3] !== undefined) {
      const isTag = m[3] !== undefined;
      if (isTag) push(buf, M.hashtag, 1);
      let w = isTag ? m[3]! : m[4]!;
      const el = w.includes("'") ? ELISION.exec(w) : null;
      if (el) {
        if (w.charCodeAt(0) === 110 /* n' */) {
          negLeft = 3;
          negations++;
        }
        w = el[1]!;
      }
      // Elongated spellings ("trooop", "soooo") are looked up with two letters.
      if (hasRun(w, 3)) {
        elong++;
        w = w.replace(/(.)\1{2,}/g, '$1$1');
      }
      words++;
      if (cross >= 3) {
        if (prevWord && !isTag) crossGramsOf(buf, prevWord, w, cross, opts.charWeight);
        prevWord = isTag ? '' : w;
      }
      if (m[0].length >= 3 && raw.charCodeAt(m.index) !== folded.charCodeAt(m.index)) {
        const original = raw.slice(m.index, m.index + m[0].length);
        if (original === original.toUpperCase()) caps++;
      }
      if (isNegationCue(w)) {
        negLeft = 3;
        negations++;
        push(buf, hashStr(SEED_WORD, w), 1);
        prev = w;
        continue;
      }
      if (isIntensifier(w)) {
        boost = 1.5;
        push(buf, hashStr(SEED_WORD, w), 1);
        prev = w;
        continue;
      }
      token = w;
      const scores = lexiconScores(w);
      polarity = scores.hand;
      // A hand-written word AFINN lacks counts in its sum too ("remboursez"): the sums carry most of
      // the lexicon's weight, and the hand lists' words are the surest of all.
      af = scores.afinn || scores.hand;
      if (opts.charGrams && w.length >= 3 && !isTag) charGramsOf(buf, w, charMin, charMax, opts.charWeight);
    } else if (m[5] !== undefined || m[8] !== undefined) {
      words++;
      token = m[0];
      polarity = polarityOf(token);
    } else if (m[6] !== undefined) {
      if (m[6].includes('!')) exclaim++;
      if (m[6].includes('?')) question++;
      token = m[6].length > 1 ? m[6].slice(0, 2) : m[6];
    } else {
      push(buf, M.ellipsis, 1);
      continue;
    }
    if (SARCASM.has(token) && (m[8] !== undefined || m[3] !== undefined)) sarcasm = true;
    const negated = negLeft > 0;
    push(buf, hashStr(negated ? SEED_NEG : SEED_WORD, token), 1);
    if (opts.bigrams) push(buf, hashStr(hashStr(SEED_BI, prev), token), 1);
    prev = token;
    if (af !== 0) {
      const p = (negated ? -0.5 : 1) * boost * af;
      if (p > 0) afPos += p;
      else afNeg -= p;
    }
    if (polarity !== 0) {
      polar++;
      const p = (negated ? -0.5 : 1) * boost * polarity;
      if (p > 0) lexPos += p;
      else lexNeg -= p;
      lastLex = p;
    }
    if (m[4] !== undefined || m[3] !== undefined) {
      boost = 1;
      if (negLeft > 0) negLeft--;
    }
  }
  push(buf, hashStr(hashStr(SEED_BI, prev), '</s>'), opts.bigrams ? 1 : 0);
  normalize(buf, start);
  buf.polar = polar;
  if (sarcasm) {
    push(buf, M.sarcasm, 1);
    lexNeg += lexPos;
    lexPos = 0;
    afNeg += afPos;
    afPos = 0;
    if (lastLex > 0) lastLex = -lastLex;
  }
  if (negations) push(buf, M.negation, 1);
  if (lexPos) push(buf, M.lexPos, Math.log1p(lexPos));
  if (lexNeg) push(buf, M.lexNeg, Math.log1p(lexNeg));
  if (!lexPos && !lexNeg) push(buf, M.lexNone, 1);
  if (afPos) push(buf, M.afPos, Math.log1p(afPos));
  if (afNeg) push(buf, M.afNeg, Math.log1p(afNeg));
  if (lastLex) push(buf, M.lexLast, lastLex > 0 ? 1 : -1);
  if (exclaim) push(buf, M.exclaim, Math.min(exclaim, 3) / 3);
  if (question) push(buf, M.question, Math.min(question, 3) / 3);
  if (caps) push(buf, M.caps, Math.min(caps, 3) / 3);
  if (elong) push(buf, M.elong, 1);
  if (words <= 3) push(buf, M.short, 1);
  return words;
}

/** The character n-grams of ` w `, `min` to `max` characters long: the hottest loop, kept small for the JIT. */
function charGramsOf(buf: FeatureBuffer, w: string, min: number, max: number, weight: number): void {
  const padded = ' ' + w + ' ';
  for (let n = min; n <= max; n++) {
    for (let i = 0; i + n <= padded.length; i++) push(buf, hashRange(SEED_CHAR + n, padded, i, i + n), weight);
  }
}

/** The n-grams of `a b` (up to `maxN` characters) that have the space inside, not at an end. */
function crossGramsOf(buf: FeatureBuffer, a: string, b: string, maxN: number, weight: number): void {
  const tail = a.length > maxN - 2 ? a.slice(a.length - (maxN - 2)) : a;
  const s = tail + ' ' + b.slice(0, maxN - 2);
  const space = tail.length;
  for (let n = 3; n <= maxN; n++) {
    for (let i = Math.max(0, space - n + 2); i < space && i + n <= s.length; i++) push(buf, hashRange(SEED_CROSS + n, s, i, i + n), weight);
  }
}

/** Scales the hashed n-gram block to unit length so long and short comments weigh alike. */
function normalize(buf: FeatureBuffer, from: number): void {
  let ss = 0;
  for (let i = from; i < buf.n; i++) ss += buf.val[i]! * buf.val[i]!;
  if (ss === 0) return;
  const k = 1 / Math.sqrt(ss);
  for (let i = from; i < buf.n; i++) buf.val[i]! *= k;
}

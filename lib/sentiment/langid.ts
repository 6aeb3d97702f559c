/**
 * Language identification: a linear model over character 1-3-grams and short words, trained on the
 * tweets of the six supported languages (see scripts/train-sentiment.ts), plus the Unicode script
 * for languages written in their own alphabet. Text in any other language comes out as 'und' or,
 * for a script that names it, its code, with low confidence.
 */
import { foldedPrefix } from './fold';
import type { FeatureBuffer } from './features';
import { LinearModel, softmax } from './linear';

export const SUPPORTED_LANGS = ['fr', 'en', 'de', 'es', 'it', 'pt'] as const;

/** Letters read to identify the language: enough for a sentence, bounded for huge input. */
const MAX_LETTERS = 240;
const SEED_GRAM = 0x6712345;
const SEED_WORD = 0x7123456;
/** Below this probability the best Latin-script language is not trusted. */
export const MIN_LANG_PROBABILITY = 0.5;

const SCRIPTS: [RegExp, string][] = [
  [/\p{Script=Hangul}/u, 'ko'],
  [/[\p{Script=Hiragana}\p{Script=Katakana}]/u, 'ja'],
  [/\p{Script=Han}/u, 'zh'],
  [/\p{Script=Thai}/u, 'th'],
  [/\p{Script=Greek}/u, 'el'],
  [/\p{Script=Hebrew}/u, 'he'],
  [/\p{Script=Armenian}/u, 'hy'],
  [/\p{Script=Georgian}/u, 'ka'],
  [/\p{Script=Arabic}/u, 'und'],
  [/\p{Script=Cyrillic}/u, 'und'],
  [/\p{Script=Devanagari}/u, 'und'],
];

const LETTER = /\p{L}/u;
const NOISE = /https?:\/\/\S+|\bhttp\b|@\w+/g;

/** The letters langFeatures keeps, a space between words: reused by every call (no allocation per text). */
const codes = new Uint16Array(MAX_LETTERS * 2 + 2);

/** FNV-1a of codes[from, to), as hashRange (features.ts) computes it over the same units in a string. */
function hashCodes(seed: number, from: number, to: number): number {
  let x = (seed ^ 0x811c9dc5) >>> 0;
  for (let i = from; i < to; i++) {
    x ^= codes[i]!;
    x = Math.imul(x, 0x01000193);
  }
  return x >>> 0;
}

/**
 * Fills `buf` with language features of the Latin letters of `text`: the letters of each word, between
 * spaces, give 1-3-grams that do not cross a word ("  le " gives " l", "le", "e ", " le", "le "), and
 * short words are features of their own. `foldedText` is fold(text) when the caller has it already.
 */
export function langFeatures(text: string, buf: FeatureBuffer, foldedText?: string): { latin: number; other: number; sample: string } {
  buf.n = 0;
  const head = text.length > MAX_LETTERS * 4 ? MAX_LETTERS * 4 : text.length;
  const folded = foldedPrefix(text, head, foldedText).replace(NOISE, ' ');
  let latin = 0;
  let other = 0;
  let sample = '';
  let n = 0;
  codes[n++] = 32;
  for (let i = 0; i < folded.length && latin < MAX_LETTERS; i++) {
    const c = folded.charCodeAt(i);
    if ((c >= 97 && c <= 122) || (c >= 0xdf && c <= 0x24f && c !== 0xf7)) {
      latin++;
      codes[n++] = c;
    } else {
      if (codes[n - 1] !== 32) codes[n++] = 32;
      if (c > 0x24f && LETTER.test(folded[i]!)) {
        other++;
        if (sample.length < 16) sample += folded[i];
      }
    }
  }
  if (codes[n - 1] !== 32) codes[n++] = 32;
  let wordStart = 0;
  for (let i = 0; i < n; i++) {
    const space = codes[i] === 32;
    if (!space) add(buf, hashCodes(SEED_GRAM + 1, i, i + 1));
    if (i + 2 <= n && !(space && codes[i + 1] === 32)) add(buf, hashCodes(SEED_GRAM + 2, i, i + 2));
    if (i + 3 <= n && codes[i + 1] !== 32) add(buf, hashCodes(SEED_GRAM + 3, i, i + 3));
    if (space) {
      if (i > 0 && i - wordStart <= 8) add(buf, hashCodes(SEED_WORD, wordStart, i + 1));
      wordStart = i;
    }
  }
  let ss = 0;
  for (let i = 0; i < buf.n; i++) ss += buf.val[i]! * buf.val[i]!;
  const k = ss ? 1 / Math.sqrt(ss) : 0;
  for (let i = 0; i < buf.n; i++) buf.val[i]! *= k;
  return { latin, other, sample };
}

function add(buf: FeatureBuffer, h: number): void {
  if (buf.n < buf.idx.length) {
    buf.idx[buf.n] = h | 0;
    buf.val[buf.n] = 1;
    buf.n++;
  }
}

export interface LanguageGuess {
  /** ISO 639-1 code or 'und'. */
  lang: string;
  /** 0..1. */
  confidence: number;
  /** Mostly written in a script none of the supported languages uses. */
  otherScript?: true;
}

const scores = new Float64Array(SUPPORTED_LANGS.length);

export function identifyLanguage(model: LinearModel, text: string, buf: FeatureBuffer, foldedText?: string): LanguageGuess {
  const { latin, other, sample } = langFeatures(text, buf, foldedText);
  if (other > latin) {
    for (const [re, code] of SCRIPTS) if (re.test(sample)) return { lang: code, confidence: code === 'und' ? 0 : 0.5, otherScript: true };
    return { lang: 'und', confidence: 0, otherScript: true };
  }
  if (latin < 3) return { lang: 'und', confidence: 0 };
  model.scores(buf.idx, buf.val, buf.n, scores);
  const best = softmax(scores, SUPPORTED_LANGS.length);
  const p = scores[best]!;
  // Very short text cannot be identified reliably whatever the model says.
  const confidence = p * Math.min(1, latin / 20);
  if (p < MIN_LANG_PROBABILITY) return { lang: 'und', confidence };
  return { lang: model.classes[best]!, confidence };
}

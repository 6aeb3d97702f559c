/**
 * Language identification: a linear model over character 1-3-grams and short words, trained on the
 * tweets of the six supported languages (see scripts/train-sentiment.ts), plus the Unicode script
 * for languages written in their own alphabet. Text in any other language comes out as 'und' or,
 * for a script that names it, its code, with low confidence.
 */
import { fold } from './fold';
import { hashRange, hashStr, type FeatureBuffer } from './features';
import { LinearModel, softmax } from './linear';

export const SUPPORTED_LANGS = ['fr', 'en', 'de', 'es', 'it', 'pt'] as const;

/** Letters read to identify the language: enough for a sentence, bounded for huge input. */
const MAX_LETTERS = 400;
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

/** Fills `buf` with language features of the Latin letters of `text`; returns the Latin letter count. */
export function langFeatures(text: string, buf: FeatureBuffer): { latin: number; other: number; sample: string } {
  buf.n = 0;
  const folded = fold(text.length > MAX_LETTERS * 4 ? text.slice(0, MAX_LETTERS * 4) : text).replace(NOISE, ' ');
  let latin = 0;
  let other = 0;
  let sample = '';
  let word = ' ';
  const flush = () => {
    if (word.length > 1) {
      const w = word + ' ';
      for (let n = 1; n <= 3; n++) {
        for (let i = 0; i + n <= w.length; i++) {
          if (n === 1 && (i === 0 || i === w.length - 1)) continue;
          add(buf, hashRange(SEED_GRAM + n, w, i, i + n));
        }
      }
      if (w.length <= 8) add(buf, hashStr(SEED_WORD, w));
    }
    word = ' ';
  };
  for (let i = 0; i < folded.length && latin < MAX_LETTERS; i++) {
    const c = folded.charCodeAt(i);
    if ((c >= 97 && c <= 122) || (c >= 0xdf && c <= 0x24f && c !== 0xf7)) {
      latin++;
      word += folded[i];
    } else {
      flush();
      if (c > 0x24f && LETTER.test(folded[i]!)) {
        other++;
        if (sample.length < 16) sample += folded[i];
      }
    }
  }
  flush();
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
}

const scores = new Float64Array(SUPPORTED_LANGS.length);

export function identifyLanguage(model: LinearModel, text: string, buf: FeatureBuffer): LanguageGuess {
  const { latin, other, sample } = langFeatures(text, buf);
  if (other > latin) {
    for (const [re, code] of SCRIPTS) if (re.test(sample)) return { lang: code, confidence: code === 'und' ? 0 : 0.5 };
    return { lang: 'und', confidence: 0 };
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

/** Polarity words, negation cues and intensifiers, loaded once from the JSON word lists. */
import { fold } from './fold';
import fr from './lexicons/polarity-fr.json';
import en from './lexicons/polarity-en.json';
import other from './lexicons/polarity-other.json';
import modifiers from './lexicons/modifiers.json';
import afinn from './lexicons/polarity-afinn.json';

type PolarityList = Record<'+2' | '+1' | '-1' | '-2', string[]>;

/** A word's score in the hand-written lists (-2..2) and in the translated AFINN lists (-2.5..2.5); 0: not listed. */
export interface WordScores {
  hand: number;
  afinn: number;
}
const NONE: WordScores = { hand: 0, afinn: 0 };
/** One map for both lists: the word of every token is looked up once. */
const scores = new Map<string, WordScores>();
const entry = (w: string): WordScores => {
  let e = scores.get(w);
  if (!e) scores.set(w, (e = { hand: 0, afinn: 0 }));
  return e;
};
for (const list of [other, en, fr] as PolarityList[]) {
  for (const key of ['+2', '+1', '-1', '-2'] as const) {
    for (const w of list[key]) entry(fold(w)).hand = Number(key);
  }
}
/**
 * The translated AFINN words apart from the hand-written ones: machine translations are noisier,
 * so the model weighs their sums as features of their own. AFINN's -5..5 is halved, to the
 * hand-written lists' scale (graded scores did better on cross-validation than -2..2 steps).
 */
for (const [key, words] of Object.entries(afinn)) if (key !== 'source') for (const w of words as string[]) entry(w).afinn = Number(key) / 2;
const negation = new Set(modifiers.negation.map(fold));
const intensifier = new Set(modifiers.intensifier.map(fold));

/** A folded word's scores; a list without the word gives its singular's (a plural "s" tried off). */
export function scoresOf(word: string): WordScores {
  const e = scores.get(word);
  if ((e && e.hand && e.afinn) || word.length <= 4 || word.charCodeAt(word.length - 1) !== 115 /* s */) return e ?? NONE;
  const singular = scores.get(word.slice(0, -1));
  if (!singular) return e ?? NONE;
  return e ? { hand: e.hand || singular.hand, afinn: e.afinn || singular.afinn } : singular;
}

/** Score of a folded word or emoji in the hand-written lists, -2..2; 0 when not in them. */
export const polarityOf = (word: string): number => scoresOf(word).hand;

export const isNegationCue = (word: string): boolean => negation.has(word);
export const isIntensifier = (word: string): boolean => intensifier.has(word);

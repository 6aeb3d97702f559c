/** Polarity words, negation cues and intensifiers, loaded once from the JSON word lists. */
import { fold } from './fold';
import fr from './lexicons/polarity-fr.json';
import en from './lexicons/polarity-en.json';
import other from './lexicons/polarity-other.json';
import modifiers from './lexicons/modifiers.json';

type PolarityList = Record<'+2' | '+1' | '-1' | '-2', string[]>;

const polarity = new Map<string, number>();
for (const list of [other, en, fr] as PolarityList[]) {
  for (const key of ['+2', '+1', '-1', '-2'] as const) {
    for (const w of list[key]) polarity.set(fold(w), Number(key));
  }
}
const negation = new Set(modifiers.negation.map(fold));
const intensifier = new Set(modifiers.intensifier.map(fold));

/** Score of a folded word or emoji, -2..2; 0 when not in any list. Plural "s" is tried off. */
export function polarityOf(word: string): number {
  const p = polarity.get(word);
  if (p !== undefined) return p;
  if (word.length > 4 && word.endsWith('s')) return polarity.get(word.slice(0, -1)) ?? 0;
  return 0;
}

export const isNegationCue = (word: string): boolean => negation.has(word);
export const isIntensifier = (word: string): boolean => intensifier.has(word);

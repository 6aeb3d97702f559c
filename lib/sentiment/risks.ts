/**
 * Risk tags with evidence: phrase lists (lexicons/risks-*.json, lexicons/insult-en-obscenity.json)
 * matched on whole words, ignoring case and accents, plus patterns for personal data posted in public.
 * Offsets are UTF-16 offsets [start, end) into the caller's text.
 */
import { fold, foldedPrefix } from './fold';
import type { RiskFinding, RiskTag } from './types';
import riskFr from './lexicons/risks-fr.json';
import riskEn from './lexicons/risks-en.json';
import obscenityEn from './lexicons/insult-en-obscenity.json';

/** Risks are looked for in the first characters only: bounded work on pasted novels. */
export const MAX_RISK_CHARS = 10_000;

type PhraseTag = Exclude<RiskTag, 'personal-data'>;
const PHRASE_TAGS: PhraseTag[] = ['crisis', 'legal', 'insult', 'threat', 'churn', 'safety'];

interface Phrase {
  tag: PhraseTag;
  /** Folded words; a word ending in '*' matches any word starting with the rest. */
  words: string[];
}

const WORD = /[\p{L}\p{N}]+/gu;
const splitWords = (phrase: string): string[] => fold(phrase).match(/[\p{L}\p{N}]+\*?/gu) ?? [];

const byExactFirst = new Map<string, Phrase[]>();
/** Phrases whose first word is a prefix ("arnaqu*"), keyed by that prefix's first PREFIX_KEY letters. */
const byPrefixKey = new Map<string, Phrase[]>();
const PREFIX_KEY = 3;

function addPhrase(tag: PhraseTag, text: string): void {
  const words = splitWords(text);
  const first = words[0];
  if (!first) return;
  const phrase = { tag, words };
  const prefix = first.endsWith('*') ? first.slice(0, -1) : undefined;
  // A prefix shorter than the key is spelled out as a word: no list has one.
  const index = prefix !== undefined && prefix.length >= PREFIX_KEY ? byPrefixKey : byExactFirst;
  const key = prefix !== undefined && prefix.length >= PREFIX_KEY ? prefix.slice(0, PREFIX_KEY) : (prefix ?? first);
  const list = index.get(key) ?? [];
  list.push(phrase);
  index.set(key, list);
}

for (const lexicon of [riskFr, riskEn] as Record<PhraseTag, string[]>[]) {
  for (const tag of PHRASE_TAGS) for (const phrase of lexicon[tag]) addPhrase(tag, phrase);
}
for (const phrase of obscenityEn.words) addPhrase('insult', phrase);
/** Words that look like a listed prefix but are not insults ("assess" for "ass*"). */
const exceptPrefixes = obscenityEn.except.map((w) => fold(w.replace(/\*$/, '')));
const isException = (word: string): boolean => exceptPrefixes.some((p) => word.startsWith(p));

function wordMatches(pattern: string, word: string): boolean {
  return pattern.endsWith('*') ? word.startsWith(pattern.slice(0, -1)) : pattern === word;
}

/** Words of a phrase may be separated by spaces, an apostrophe, a hyphen or a dot: "t'es", "e. coli". */
const MAX_GAP = 3;

function phraseFindings(folded: string, out: RiskFinding[]): void {
  const starts: number[] = [];
  const ends: number[] = [];
  const words: string[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(folded); m !== null; m = WORD.exec(folded)) {
    starts.push(m.index);
    ends.push(m.index + m[0].length);
    words.push(m[0]);
  }
  const found: { tag: PhraseTag; start: number; end: number }[] = [];
  const tryPhrases = (list: Phrase[] | undefined, i: number) => {
    if (!list) return;
    for (const phrase of list) {
      if (!wordMatches(phrase.words[0]!, words[i]!)) continue;
      if (phrase.tag === 'insult' && phrase.words[0]!.endsWith('*') && isException(words[i]!)) continue;
      let j = 1;
      for (; j < phrase.words.length; j++) {
        const at = i + j;
        if (at >= words.length || starts[at]! - ends[at - 1]! > MAX_GAP || !wordMatches(phrase.words[j]!, words[at]!)) break;
        if (/[\n,;:!?()]/.test(folded.slice(ends[at - 1]!, starts[at]!))) break;
      }
      if (j === phrase.words.length) found.push({ tag: phrase.tag, start: starts[i]!, end: ends[i + j - 1]! });
    }
  };
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    tryPhrases(byExactFirst.get(w), i);
    if (w.length >= PREFIX_KEY) tryPhrases(byPrefixKey.get(w.slice(0, PREFIX_KEY)), i);
  }
  // Longest match first; a match overlapping an accepted one of the same tag adds nothing.
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const accepted: typeof found = [];
  for (const f of found) {
    if (accepted.some((a) => a.tag === f.tag && a.start < f.end && f.start < a.end)) continue;
    accepted.push(f);
    out.push({ tag: f.tag, evidence: [f.start, f.end] });
  }
}

/**
 * Every run bounded by what an address allows (64 before the @, labels of 63, a few of them): a
 * comment of 10,000 letters or of "a.a.a…" cost a quadratic scan, and Firefox's regex engine gave up
 * on the nested repeat ("too much recursion"), failing the whole batch of comments.
 */
const EMAIL = /[\p{L}\p{N}._%+-]{1,64}@[\p{L}\p{N}-]{1,63}(?:\.[\p{L}\p{N}-]{1,63}){0,6}\.[a-z]{2,24}(?![\p{L}\p{N}-])/giu;
/** French numbers (06 12 34 56 78, +33 6 12 34 56 78, 0033…) and other international ones (+44 20 7946 0958). */
const PHONE = /(?<![\d+])(?:(?:\+|00)33[\s.-]?(?:\(0\))?[1-9]|0[1-9])(?:[\s.-]?\d{2}){4}(?!\d)|(?<![\d+\w])\+[1-9]\d{0,2}(?:[\s.-]?\(?\d{1,4}\)?){2,6}(?!\d)/g;
const ORDER =
  /\b(?:commande|cde|cmd|order|réf(?:érence)?|ref(?:erence)?|dossier|ticket|suivi|tracking|colis|facture|invoice|case)\s*(?:n°|n[o°º]\.?|#|no\.?|num(?:éro|ber|ero)?\.?|id)?\s*[:#]?\s*(#?[a-z]{0,4}[-\d][a-z\d-]{4,40})/giu;
const CARD = /(?<!\d)(?:\d[ -]?){12,18}\d(?!\d)/g;
const DIGIT = /\d/;

function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

function personalData(text: string, out: RiskFinding[]): void {
  const spans: [number, number][] = [];
  const add = (start: number, end: number) => {
    if (spans.some(([s, e]) => s < end && start < e)) return;
    spans.push([start, end]);
    out.push({ tag: 'personal-data', evidence: [start, end] });
  };
  // Most comments have no @ and no digit: the patterns are not run on them at all.
  if (text.includes('@')) for (const m of text.matchAll(EMAIL)) add(m.index, m.index + m[0].length);
  if (!DIGIT.test(text)) return;
  for (const m of text.matchAll(CARD)) {
    const digits = m[0].replace(/\D/g, '');
    if (digits.length >= 13 && luhn(digits)) add(m.index, m.index + m[0].length);
  }
  for (const m of text.matchAll(PHONE)) {
    const digits = m[0].replace(/\D/g, '').length;
    if (digits >= 9 && digits <= 15) add(m.index, m.index + m[0].length);
  }
  for (const m of text.matchAll(ORDER)) {
    const id = m[1]!;
    if (!/\d/.test(id)) continue;
    const start = m.index + m[0].length - id.length;
    add(start, start + id.length);
  }
}

/** Every risk found in `text`, in order of appearance. Never throws. `foldedText` is fold(text) when the caller has it. */
export function findRisks(text: string, foldedText?: string): RiskFinding[] {
  const bounded = text.length > MAX_RISK_CHARS ? text.slice(0, MAX_RISK_CHARS) : text;
  const out: RiskFinding[] = [];
  if (!bounded) return out;
  phraseFindings(foldedPrefix(text, MAX_RISK_CHARS, foldedText), out);
  personalData(bounded, out);
  return out.sort((a, b) => a.evidence[0] - b.evidence[0] || a.evidence[1] - b.evidence[1]);
}

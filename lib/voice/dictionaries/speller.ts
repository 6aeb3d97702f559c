import nspell, { type NSpell } from 'nspell';
import type { Speller } from '../context';
import type { DictionaryId } from '../pack';

export interface DictionaryFiles {
  aff: string | Uint8Array;
  dic: string | Uint8Array;
}

/** English possessives (Julie's, customers'): the name or noun is what is checked. */
const POSSESSIVE = /^(.+?)'s?$/;
/** French elided articles, pronouns and conjunctions that can be glued to any word by an apostrophe. */
const ELISION = /^(l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu|quoiqu|presqu)'(.+)$/i;
/** Past this many distinct words the caches start over: a long session cannot grow them forever. */
const CACHE_LIMIT = 20_000;

/**
 * French Hunspell lists every word once per elided prefix it takes (l'ami, d'ami, qu'ami, and their
 * capitalised forms): 3 million forms and ~470 MB once nspell expands them. Those prefix rules are
 * left out here and the prefix is checked apart (see ELISION), leaving 450,000 forms and ~60 MB.
 */
export function withoutElisionPrefixes(aff: string): string {
  const lines = aff.split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const header = /^PFX (\S+) ([YN]) (\d+)\s*$/.exec(lines[i]!);
    if (!header) {
      out.push(lines[i]!);
      continue;
    }
    const count = Number(header[3]);
    const entries = lines.slice(i + 1, i + 1 + count);
    i += count;
    const kept = entries.filter((l) => !/['’]/.test(l.split(/\s+/)[3] ?? ''));
    if (kept.length) out.push(`PFX ${header[1]} ${header[2]} ${kept.length}`, ...kept);
  }
  return out.join('\n');
}

const text = (data: string | Uint8Array) => (typeof data === 'string' ? data : new TextDecoder().decode(data));

/** A speller over one Hunspell dictionary, each word's verdict and suggestions computed once. */
export function createSpeller(id: DictionaryId, files: DictionaryFiles): Speller {
  const aff = id === 'fr' ? withoutElisionPrefixes(text(files.aff)) : text(files.aff);
  const spell = nspell({ aff, dic: text(files.dic) });
  const verdicts = new Map<string, boolean>();
  const suggestions = new Map<string, string[]>();
  const remember = <T>(cache: Map<string, T>, key: string, value: T) => {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(key, value);
    return value;
  };
  // "Ecologie", "Etats": French capitals often go without their accent, which is accepted usage.
  const bareCapital = (word: string) => (id === 'fr' && /^[AEIOUC]/.test(word) ? CAPITAL_ACCENTS[word[0]!]!.some((c) => spell.correct(c + word.slice(1))) : false);
  const known = (word: string) => spell.correct(word) || bareCapital(word);
  /** The word without its elided French prefix or English possessive, when it has one. */
  const core = (word: string): { head: string; rest: string } | undefined => {
    if (id === 'fr') {
      const m = ELISION.exec(word);
      return m ? { head: `${m[1]}'`, rest: m[2]! } : undefined;
    }
    const m = POSSESSIVE.exec(word);
    return m ? { head: '', rest: m[1]! } : undefined;
  };

  const correct = (typed: string): boolean => {
    const word = typed.normalize('NFC').replace(/’/g, "'");
    const cached = verdicts.get(word);
    if (cached !== undefined) return cached;
    const parts = core(word);
    return remember(verdicts, word, known(word) || (!!parts && known(parts.rest)));
  };

  return {
    correct,
    suggest(typed) {
      const cached = suggestions.get(typed);
      if (cached) return cached;
      const word = typed.normalize('NFC').replace(/’/g, "'");
      const parts = id === 'fr' ? core(word) : undefined;
      const raw = parts ? nearWords(spell, parts.rest).map((s) => parts.head + s) : nearWords(spell, word);
      // Written back with the writer's own apostrophe.
      const apostrophe = typed.includes('’') ? '’' : "'";
      return remember(suggestions, typed, raw.map((s) => s.replace(/'/g, apostrophe)));
    },
  };
}

const CAPITAL_ACCENTS: Record<string, string[]> = { A: ['À', 'Â'], E: ['É', 'È', 'Ê'], I: ['Î'], O: ['Ô'], U: ['Ù', 'Û'], C: ['Ç'] };
const BASE: Record<string, string> = Object.fromEntries(
  [...'àâäáãåéèêëíîïìóôöòõúùûüçñÿœæ'].map((c) => [c, c.normalize('NFD')[0]!]).concat([['œ', 'o'], ['æ', 'a']]),
);
const base = (c: string) => BASE[c.toLowerCase()] ?? c.toLowerCase();

/**
 * Known words one edit away (Norvig's candidates: a wrong, missing, extra or swapped letter), plus the
 * dictionary's REP pairs, best first: a case or accent slip, a REP pair, a swap, a neighbouring key, a
 * doubled or missing vowel, another wrong letter, another missing or extra letter, a slip on the first
 * letter ranked a step lower; ties in the dictionary's letter-frequency order. nspell's own suggest()
 * also searches two edits away, which takes 20 to 400 ms a word with the French dictionary; this
 * takes a few milliseconds and finds what a typo in a reply usually is.
 */
function nearWords(spell: NSpell, word: string): string[] {
  const scored = new Map<string, number>();
  // Capitals are tried only where the word has one: half the candidates, the same suggestions.
  const lower = spell.flags.TRY.join('').replace(/[^\p{Ll}]/gu, '');
  const upper = spell.flags.TRY.join('').replace(/[^\p{Lu}]/gu, '');
  const lettersAt = (i: number) => (word[i] && /\p{Lu}/u.test(word[i]!) ? upper : lower);
  const neighbours = (a: string, b: string) => spell.flags.KEY.some((row) => {
    const i = row.indexOf(a.toLowerCase());
    return i >= 0 && (row[i - 1] === b.toLowerCase() || row[i + 1] === b.toLowerCase());
  });
  const consider = (candidate: string, cost: number) => {
    if (!candidate || candidate === word || (scored.get(candidate) ?? Infinity) <= cost) return;
    // Most candidates are no form at all: one lookup (as written or lower-cased, as nspell's own
    // casing rules try) spares nspell's full check, which costs ~25 µs a word.
    if (!(candidate in spell.data) && !(candidate.toLowerCase() in spell.data)) return;
    if (spell.correct(candidate)) scored.set(candidate, cost);
  };
  // A capital left out: sunday → Sunday, i'll → I'll.
  consider(word.charAt(0).toUpperCase() + word.slice(1), 0);
  for (const [pattern, meant] of spell.replacementTable) {
    // Hunspell's REP: ^ and $ anchor the pair, _ stands for a space.
    const from = pattern.replace(/^\^|\$$/g, '').replace(/_/g, ' '), to = meant.replace(/_/g, ' ');
    for (let at = word.indexOf(from); at >= 0; at = word.indexOf(from, at + 1)) {
      if ((pattern.startsWith('^') && at > 0) || (pattern.endsWith('$') && at + from.length < word.length)) continue;
      consider(word.slice(0, at) + to + word.slice(at + from.length), 1);
    }
  }
  const vowel = (c: string) => /[aeiouyéèêàâîôû]/i.test(c);
  for (let i = 0; i <= word.length; i++) {
    const before = word.slice(0, i), after = word.slice(i);
    // The first letter is the one least often mistyped.
    const first = i === 0 ? 2 : 0;
    const c = word[i];
    if (c !== undefined) {
      consider(before + after.slice(1), first + ((i > 0 && word[i - 1] === c) || vowel(c) ? 4 : 6));
      if (i + 1 < word.length) consider(before + word[i + 1] + c + after.slice(2), 2);
      for (const r of lettersAt(i)) {
        if (r === c) continue;
        // A missing accent (ca → ça) is the likeliest slip, on the first letter too.
        consider(before + r + after.slice(1), base(r) === base(c) ? 0 : first + (neighbours(c, r) ? 3 : 5));
      }
    }
    for (const r of lettersAt(i)) consider(before + r + after, first + ((i > 0 && word[i - 1] === r) || vowel(r) ? 4 : 6));
    if (i > 0 && i < word.length) consider(`${before}'${after}`, 4);
  }
  // Ties keep the order found: REP pairs, then positions left to right, letters by frequency.
  return [...scored].sort((a, b) => a[1] - b[1]).map(([w]) => w);
}

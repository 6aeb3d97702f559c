import { emojis, hashtags, links, mentions } from '../entities';
import type { RuleOf } from '../pack';
import { fold, type Span } from '../text';
import type { Hit, RuleKind } from './types';

const LATIN = /\p{Script=Latin}/u;
const EMAIL_RE = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
/** Acronyms (SAV, DMs, RGPD) and names with a capital inside (iPhone, LinkedIn) are written on purpose. */
/** A French elided head (l'EPFL, d'Ademe): what follows it decides whether the word is a name or an acronym. */
const ELIDED_HEAD = /^(?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu)['’]/i;
const NOT_A_WORD_TO_CHECK = /[\p{N}_]|^\p{Lu}[\p{Lu}'’-]+s?$|^.\p{Ll}*\p{Lu}/u;

/**
 * Words the rule's dictionary does not know, each with the dictionary's suggestions (best first) as
 * fixes. Links, e-mail addresses, @handles, #hashtags, emoji, numbers, acronyms, names (see
 * checkNames) and the rule's accepted words are never checked; the engine drops hits on the brand's vocabulary. Runs only on
 * replies known to be in the dictionary's language (context.lang).
 */
export const spelling: RuleKind<RuleOf<'spelling'>> = {
  vocabulary: true,
  compile(rule, compiler, path) {
    const accepted = new Set((rule.accept ?? []).map(fold));
    const filters = (rule.filters ?? []).flatMap((p, k) => {
      const re = compiler.regex(p, [...path, 'filters', k]);
      return re ? [new RegExp(re.source, re.flags.replace('g', ''))] : [];
    });
    return (doc, ctx) => {
      // A reply of unknown language is left alone: beside a French pack, the English dictionary would flag every word.
      if (ctx.lang?.split('-')[0]!.toLowerCase() !== rule.dictionary) return [];
      const speller = ctx.spellers?.[rule.dictionary];
      if (!speller) return [];
      const { text } = doc;
      const skipped = notProse(text);
      const sentenceStarts = rule.checkNames ? undefined : new Set(doc.sentences.map((x) => doc.words[doc.wordRange(x)[0]]?.start));
      const hits: Hit[] = [];
      const checkWord = (start: number, end: number) => {
        const word = text.slice(start, end);
        if (end - start < 2 || NOT_A_WORD_TO_CHECK.test(word.replace(ELIDED_HEAD, '')) || accepted.has(fold(word))) return true;
        // Both dictionaries are of Latin-script languages: a word in another script is not theirs to judge.
        if (!LATIN.test(word)) return true;
        if (filters.some((re) => re.test(word))) return true;
        return speller.correct(word);
      };
      const flag = (start: number, end: number) => {
        const word = text.slice(start, end);
        hits.push({ start, end, fixes: speller.suggest(word).slice(0, rule.suggestions) });
      };
      for (const w of doc.words) {
        if (skipped.some((s) => w.start < s.end && w.end > s.start)) continue;
        if (sentenceStarts && !sentenceStarts.has(w.start) && /^\p{Lu}/u.test(text.slice(w.start, w.end).replace(ELIDED_HEAD, ''))) continue;
        if (checkWord(w.start, w.end)) continue;
        // A compound the dictionary lacks (Contactez-nous, e-shop) is right when each part is.
        const parts = partsOf(text, w);
        if (parts.length < 2) {
          flag(w.start, w.end);
          continue;
        }
        for (const p of parts) if (!checkWord(p.start, p.end)) flag(p.start, p.end);
      }
      return hits;
    };
  },
};

function notProse(text: string): Span[] {
  if (!/[@#:./\p{Extended_Pictographic}]/u.test(text)) return [];
  const emails = [...text.matchAll(EMAIL_RE)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  return [...emails, ...links(text), ...mentions(text), ...hashtags(text), ...emojis(text)];
}

function partsOf(text: string, w: Span): Span[] {
  const out: Span[] = [];
  let from = w.start;
  for (let i = w.start; i <= w.end; i++) {
    if (i === w.end || text[i] === '-') {
      if (i > from) out.push({ start: from, end: i });
      from = i + 1;
    }
  }
  return out;
}

import type { RuleOf } from '../pack';
import type { Hit, RuleKind } from './types';

/** Words in capitals read as shouting: a long one, or several in a row. Acronyms (SAV, RGPD) pass. */
export const shouting: RuleKind<RuleOf<'shouting'>> = {
  vocabulary: true,
  compile(rule) {
    return (doc) => {
      const { text, words } = doc;
      const caps = (w: string) => w.length >= 2 && /\p{Lu}/u.test(w) && !/\p{Ll}/u.test(w);
      const hits: Hit[] = [];
      let run: { start: number; end: number; count: number; longest: number } | undefined;
      const close = () => {
        if (run && (run.count >= rule.minWords || run.longest >= rule.minLength)) {
          const original = text.slice(run.start, run.end);
          const lower = original.toLowerCase();
          const before = text.slice(0, run.start).trimEnd();
          const startsSentence = before === '' || /[.!?…]$/.test(before);
          hits.push({ start: run.start, end: run.end, fixes: [startsSentence ? lower[0]!.toUpperCase() + lower.slice(1) : lower] });
        }
        run = undefined;
      };
      for (const w of words) {
        const word = text.slice(w.start, w.end);
        const letters = /\p{Ll}/u.test(word) ? '' : word.replace(/[^\p{L}]/gu, '');
        if (!caps(letters)) {
          close();
          continue;
        }
        // A run continues across spaces and light punctuation, not across a sentence end.
        if (run && /^[\s,;:'’-]*$/.test(text.slice(run.end, w.start))) {
          run.end = w.end;
          run.count++;
          run.longest = Math.max(run.longest, letters.length);
        } else {
          close();
          run = { start: w.start, end: w.end, count: 1, longest: letters.length };
        }
      }
      close();
      return hits;
    };
  },
};

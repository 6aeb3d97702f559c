import type { RuleOf } from '../pack';
import { fold } from '../text';
import type { Hit, RuleKind } from './types';

/** The same word twice in a row ("le le", "the the"); the fix keeps one. */
export const repetition: RuleKind<RuleOf<'repetition'>> = {
  vocabulary: true,
  compile(rule, compiler, path) {
    const eligible = (rule.patterns ?? []).flatMap((p, k) => {
      const re = compiler.regex(`^(?:${p})$`, [...path, 'patterns', k], rule.ignoreCase);
      return re ? [new RegExp(re.source, re.flags.replace('g', ''))] : [];
    });
    const exceptions = new Set((rule.exceptions ?? []).map(fold));
    return (doc) => {
      const { text, words } = doc;
      const hits: Hit[] = [];
      for (let k = 1; k < words.length; k++) {
        const prev = words[k - 1]!, cur = words[k]!;
        const a = text.slice(prev.start, prev.end), b = text.slice(cur.start, cur.end);
        // A blank line ends a paragraph: a heading's last word may open the next one.
        const gap = text.slice(prev.end, cur.start);
        if (!/^\s+$/.test(gap) || /\n\s*\n/.test(gap)) continue;
        if (rule.ignoreCase ? fold(a) !== fold(b) : a !== b) continue;
        if (/^\d+$/.test(a) || exceptions.has(fold(a))) continue;
        if (eligible.length && !eligible.some((re) => re.test(a))) continue;
        hits.push({ start: prev.start, end: cur.end, fixes: [a], args: [a] });
      }
      return hits;
    };
  },
};

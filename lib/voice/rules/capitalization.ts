import type { RuleOf } from '../pack';
import { fold } from '../text';
import type { Hit, RuleKind } from './types';

/** Sentences start with a capital letter, or terms keep their canonical case (LinkedIn, iPhone). */
export const capitalization: RuleKind<RuleOf<'capitalization'>> = {
  vocabulary: true,
  compile(rule, compiler, path) {
    if (rule.mode === 'terms') {
      const canonical = new Map((rule.terms ?? []).map((t) => [fold(t), t]));
      const matcher = compiler.matcher({ tokens: rule.terms, ignoreCase: true }, path);
      return (doc) =>
        matcher.find(doc).flatMap(({ start, end }) => {
          const match = doc.text.slice(start, end);
          const want = canonical.get(fold(match));
          return want && want !== match ? [{ start, end, fixes: [want], args: [want] }] : [];
        });
    }
    return (doc) => {
      const hits: Hit[] = [];
      for (const sentence of doc.sentences) {
        const m = /^[«"“(\s\u00a0\u202f]*([\p{L}\p{N}@#][^\s]*)/u.exec(doc.text.slice(sentence.start, sentence.end));
        const word = m?.[1];
        if (!word || !/^\p{Ll}/u.test(word) || /^(https?:|www\.)/i.test(word)) continue;
        // "iPhone", "eBay": a capital inside the word means a name written on purpose.
        if (/\p{Lu}/u.test(word.slice(1))) continue;
        const start = sentence.start + m!.index + m![0].length - word.length;
        const bare = /^[\p{L}\p{M}'’-]+/u.exec(word)![0];
        hits.push({ start, end: start + bare.length, fixes: [bare[0]!.toUpperCase() + bare.slice(1)] });
      }
      return hits;
    };
  },
};

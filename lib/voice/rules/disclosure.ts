import type { RuleOf } from '../pack';
import { atWordBoundaries, fold } from '../text';
import type { RuleKind } from './types';

/** Promotional words without a partnership disclosure (#ad, #sponsorisé...): flags the first promo word. */
export const disclosure: RuleKind<RuleOf<'disclosure'>> = {
  vocabulary: true,
  compile(rule, compiler, path) {
    const promo = compiler.matcher(rule, path);
    const tags = rule.disclosures.map(fold);
    const disclosed = (text: string, folded: string) =>
      tags.some((tag) => {
        for (let at = folded.indexOf(tag); at >= 0; at = folded.indexOf(tag, at + 1)) {
          if (atWordBoundaries(text, at, at + tag.length)) return true;
        }
        return false;
      });
    return (doc) => {
      const found = promo.find(doc);
      if (!found.length || disclosed(doc.text, doc.folded)) return [];
      return [{ start: found[0]!.start, end: found[0]!.end, args: [rule.disclosures[0]!] }];
    };
  },
};

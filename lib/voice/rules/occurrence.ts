import type { RuleOf } from '../pack';
import type { Hit, RuleKind } from './types';

/** Too many (beyond `max`) or too few (`min`) matches in a scope: one finding, on the scope's first match. */
export const occurrence: RuleKind<RuleOf<'occurrence'>> = {
  vocabulary: false,
  compile(rule, compiler, path) {
    const matcher = compiler.matcher(rule, path);
    return (doc) => {
      if (!doc.text.trim()) return [];
      const matches = matcher.find(doc);
      const scopes = rule.scope === 'sentence' ? doc.sentences : [{ start: 0, end: doc.text.length }];
      const hits: Hit[] = [];
      for (const scope of scopes) {
        const inScope = matches.filter((m) => m.start >= scope.start && m.end <= scope.end);
        const tooMany = rule.max !== undefined && inScope.length > rule.max;
        const tooFew = rule.min !== undefined && inScope.length < rule.min;
        // One alert per scope, on its first match (on the scope itself when nothing matched), where Vale puts it.
        const at = inScope[0] ?? scope;
        if (tooMany) hits.push({ start: at.start, end: at.end, args: [inScope.length, rule.max!] });
        else if (tooFew) hits.push({ start: at.start, end: at.end, args: [inScope.length, rule.min!] });
      }
      return hits;
    };
  },
};

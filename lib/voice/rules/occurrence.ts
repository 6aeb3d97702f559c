import type { RuleOf } from '../pack';
import type { Hit, RuleKind } from './types';

/** Too many (beyond `max`, each extra one flagged) or too few (`min`, the whole scope flagged) matches. */
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
        if (rule.max !== undefined && inScope.length > rule.max) {
          for (const m of inScope.slice(rule.max)) hits.push({ start: m.start, end: m.end, args: [inScope.length, rule.max] });
        }
        if (rule.min !== undefined && inScope.length < rule.min) hits.push({ ...scope, args: [inScope.length, rule.min] });
      }
      return hits;
    };
  },
};

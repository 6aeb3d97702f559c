import type { RuleOf } from '../pack';
import type { RuleKind } from './types';

/** Flags every occurrence of the rule's tokens or patterns; optional fixes (e.g. "" to delete). */
export const existence: RuleKind<RuleOf<'existence'>> = {
  vocabulary: true,
  compile(rule, compiler, path) {
    const matcher = compiler.matcher(rule, path);
    return (doc) => matcher.find(doc).map(({ start, end }) => ({ start, end, fixes: rule.fixes }));
  },
};

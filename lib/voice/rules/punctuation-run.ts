import type { RuleOf } from '../pack';
import type { RuleKind } from './types';

/** Runs such as "!!!" or "?!?" longer than `max`; the fix keeps the first `max` marks. */
export const punctuationRun: RuleKind<RuleOf<'punctuation-run'>> = {
  vocabulary: false,
  compile(rule) {
    const chars = [...new Set(rule.chars)].map((c) => c.replace(/[\\\]^-]/g, '\\$&')).join('');
    const re = new RegExp(`[${chars}]{${rule.max + 1},}`, 'gu');
    return (doc) =>
      [...doc.text.matchAll(re)].map((m) => ({ start: m.index, end: m.index + m[0].length, fixes: [[...m[0]].slice(0, rule.max).join('')] }));
  },
};

import type { RuleOf } from '../pack';
import type { RuleKind } from './types';

/** The reply's own tone, as the context's classifier reads it (lib/sentiment): flags the whole reply. */
export const sentiment: RuleKind<RuleOf<'sentiment'>> = {
  vocabulary: false,
  compile(rule) {
    const forbidden = new Set<string>(rule.forbid);
    return (doc, ctx) => {
      if (!ctx.sentiment || !doc.text.trim()) return [];
      const { label, score } = ctx.sentiment(doc.text);
      if (!forbidden.has(label) || Math.abs(score) < rule.threshold) return [];
      return [{ start: 0, end: doc.text.length, args: [label] }];
    };
  },
};

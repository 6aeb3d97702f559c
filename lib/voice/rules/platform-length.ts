import type { RuleOf } from '../pack';
import { measureFor, PLATFORM_LIMITS } from '../../platforms/limits';
import type { RuleKind } from './types';

/** The reply is longer than the platform accepts, counted as the platform counts; flags the overflow. */
export const platformLength: RuleKind<RuleOf<'platform-length'>> = {
  vocabulary: false,
  compile(rule) {
    return (doc, ctx) => {
      if (!ctx.platform) return [];
      const limit = rule.limits?.[ctx.platform] ?? PLATFORM_LIMITS[ctx.platform].limit;
      const { count, overflowAt } = measureFor(ctx.platform, doc.text, limit);
      if (overflowAt === undefined) return [];
      return [{ start: overflowAt, end: doc.text.length, args: [PLATFORM_LIMITS[ctx.platform].label, count, limit] }];
    };
  },
};

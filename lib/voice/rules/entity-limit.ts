import { hashtags, links, mentions } from '../entities';
import type { RuleOf } from '../pack';
import type { RuleKind } from './types';

const finders = { hashtag: hashtags, mention: mentions, link: links };

/** At most `max` hashtags, mentions or links (per platform when given); each one past the limit is flagged. */
export const entityLimit: RuleKind<RuleOf<'entity-limit'>> = {
  vocabulary: false,
  compile(rule) {
    const find = finders[rule.entity];
    return (doc, ctx) => {
      const max = (ctx.platform && rule.maxByPlatform?.[ctx.platform]) ?? rule.max;
      const found = find(doc.text);
      return found.slice(max).map(({ start, end }) => ({ start, end, args: [found.length, max] }));
    };
  },
};

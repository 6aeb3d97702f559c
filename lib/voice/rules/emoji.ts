import { emojis } from '../entities';
import type { RuleOf } from '../pack';
import type { RuleKind } from './types';

/** No more than `max` emoji (0: none); the fix deletes each extra one with the space before it. */
export const emoji: RuleKind<RuleOf<'emoji'>> = {
  vocabulary: false,
  compile(rule) {
    return (doc) => {
      const { text } = doc;
      const found = emojis(text);
      return found.slice(rule.max).map(({ start, end }) => {
        // Deleting "Merci 🙂" should leave "Merci", not "Merci ".
        const eatSpace = start > 0 && /[ \t\u00a0\u202f]/.test(text[start - 1]!) && (end === text.length || /[\s.,!?;:)]/.test(text[end]!));
        return { start: eatSpace ? start - 1 : start, end, fixes: [''], args: [rule.max] };
      });
    };
  },
};

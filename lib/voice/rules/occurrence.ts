import { BLANK, inScope, type Block } from '../markdown';
import type { RuleOf } from '../pack';
import type { Span } from '../text';
import type { Hit, RuleKind } from './types';

/** Too many (beyond `max`) or too few (`min`) matches in a scope: one finding, on the scope's first match. */
export const occurrence: RuleKind<RuleOf<'occurrence'>> = {
  vocabulary: false,
  compile(rule, compiler, path) {
    // A count stops being right at the first match left out: every match is kept (a reply is at most 20,000 characters).
    const matcher = compiler.matcher({ ...rule, limit: 20_000 }, path);
    return (doc) => {
      if (!doc.text.trim()) return [];
      // What Markdown blanked (code, markers) is not there to count.
      const matches = matcher.find(doc).filter((m) => !doc.text.slice(m.start, m.end).includes(BLANK));
      const scopes = rule.blocks ? blockScopes(doc.blocks, rule.blocks) : rule.scope === 'sentence' ? doc.sentences : [{ start: 0, end: doc.text.length }];
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

/** Each heading on its own; consecutive lines of the other blocks together. */
function blockScopes(blocks: Block[], scopes: readonly string[]): Span[] {
  const out: Span[] = [];
  let previous: Block | undefined;
  for (const b of blocks) {
    if (!b.names.size || !inScope([b], b.start, scopes)) {
      previous = undefined;
      continue;
    }
    const last = out.at(-1);
    if (last && previous && !b.names.has('heading') && !previous.names.has('heading') && b.start === previous.end + 1) last.end = b.end;
    else out.push({ start: b.start, end: b.end });
    previous = b;
  }
  return out;
}

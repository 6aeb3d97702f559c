import { BLANK, inScope, type Block, type HeadingText } from '../markdown';
import type { Match } from '../matcher';
import type { RuleOf } from '../pack';
import { TextDoc, type Span } from '../text';
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
      const scopes: Scope[] = rule.blocks ? blockScopes(doc.blocks, rule.blocks) : rule.scope === 'sentence' ? doc.sentences : [{ start: 0, end: doc.text.length }];
      const hits: Hit[] = [];
      for (const scope of scopes) {
        // A heading is counted in its text as Vale reads it, where inline code counts one character per character.
        const heading = scope.heading && doc.cached(scope.heading, () => new TextDoc(scope.heading!.text));
        const found = heading ? matcher.find(heading) : matches.filter((m) => m.start >= scope.start && m.end <= scope.end);
        const tooMany = rule.max !== undefined && found.length > rule.max;
        const tooFew = rule.min !== undefined && found.length < rule.min;
        if (!tooMany && !tooFew) continue;
        // One alert per scope, where Vale puts it: on the first match that is not blank or code (Vale's stars),
        // on the first match when all are, on the scope when nothing matched.
        const text = (heading ?? doc).text;
        const at = found.find((m) => !/^(?:\s*|[*@]+)$/u.test(text.slice(m.start, m.end))) ?? found[0];
        const span = at && scope.heading ? inSource(scope.heading, at) : (at ?? scope);
        hits.push({ start: span.start, end: span.end, args: [found.length, (tooMany ? rule.max : rule.min)!] });
      }
      return hits;
    };
  },
};

type Scope = Span & { heading?: HeadingText };

/** Each heading on its own; consecutive lines of the other blocks together. */
function blockScopes(blocks: Block[], scopes: readonly string[]): Scope[] {
  const out: Scope[] = [];
  let previous: Block | undefined;
  for (const b of blocks) {
    if (!b.names.size || !inScope([b], b.start, scopes)) {
      previous = undefined;
      continue;
    }
    const last = out.at(-1);
    if (last && previous && !b.heading && !previous.heading && b.start === previous.end + 1) last.end = b.end;
    else out.push({ start: b.start, end: b.end, ...(b.heading ? { heading: b.heading } : {}) });
    previous = b;
  }
  return out;
}

/** A match in a heading's text as a range of the source. */
const inSource = (h: HeadingText, m: Match): Span => ({ start: h.at[m.start]!, end: h.at[m.end - 1]! + 1 });

import type { RuleOf } from '../pack';
import { fold, matchCase } from '../text';
import type { Hit, RuleKind } from './types';
import { execAll } from '../matcher';

/** Flags a term the brand replaces and offers the preferred term(s), in the case of the original. */
export const substitution: RuleKind<RuleOf<'substitution'>> = {
  vocabulary: true,
  compile(rule, compiler, path) {
    const entries = Object.entries(rule.swap).map(([from, to]) => ({ from, to: Array.isArray(to) ? to : [to] }));
    const exceptions = new Set((rule.exceptions ?? []).map(fold));
    const hit = (text: string, start: number, end: number, to: string[]): Hit | undefined => {
      const match = text.slice(start, end);
      if (exceptions.has(fold(match))) return undefined;
      const fixes = [...new Set(to.map((t) => matchCase(match, t)))];
      // A swap that only fixes case ("linkedin" → "LinkedIn") has nothing to say about text already right.
      if (fixes.includes(match)) return undefined;
      return { start, end, fixes, args: [to.join("' or '"), match] };
    };

    if (rule.regex) {
      const compiled = entries.flatMap(({ from, to }, k) => {
        const re = compiler.regex(from, [...path, 'swap', from], rule.ignoreCase);
        return re ? [{ re, to, k }] : [];
      });
      return (doc) =>
        compiled.flatMap(({ re, to }) =>
          execAll(re, doc.text, rule.nonword).flatMap((m) => hit(doc.text, m.start, m.end, to) ?? []),
        );
    }

    const byTerm = new Map<string, string[]>();
    for (const { from, to } of entries) byTerm.set(rule.ignoreCase ? fold(from) : from.replace(/’/g, "'"), to);
    const matcher = compiler.matcher({ tokens: entries.map((e) => e.from), ignoreCase: rule.ignoreCase, nonword: rule.nonword }, path);
    return (doc) =>
      matcher.find(doc).flatMap((m) => {
        const raw = doc.text.slice(m.start, m.end);
        const to = byTerm.get(rule.ignoreCase ? fold(raw) : raw.replace(/’/g, "'"));
        return to ? (hit(doc.text, m.start, m.end, to) ?? []) : [];
      });
  },
};

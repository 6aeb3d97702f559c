import type { RuleOf } from '../pack';
import { fold, matchCase } from '../text';
import type { Hit, RuleKind } from './types';
import { execAll } from '../matcher';
import { checkRegexSafety } from '../regex-safety';

/** Flags a term the brand replaces and offers the preferred term(s), in the case of the original. */
export const substitution: RuleKind<RuleOf<'substitution'>> = {
  vocabulary: true,
  compile(rule, compiler, path) {
    const entries = Object.entries(rule.swap).map(([from, to]) => ({ from, to: Array.isArray(to) ? to : [to] }));
    const exceptions = new Set((rule.exceptions ?? []).map(fold));
    // A replacement written as a pattern (Vale's "\*\*(?:Note|Tip):\*\*") says what right text looks like:
    // text it matches is not flagged, and it is never offered as a fix. One that is no valid, safe
    // pattern is plain text.
    const asPattern = new Map<string, RegExp>();
    if (rule.regex) {
      for (const { to } of entries) {
        for (const t of to) {
          if (!/\\|\[|\(\?|[?*+|]/.test(t) || !checkRegexSafety(t, rule.ignoreCase).ok) continue;
          try {
            asPattern.set(t, new RegExp(`^(?:${t})$`, rule.ignoreCase ? 'iu' : 'u'));
          } catch {
            // Not a pattern: offered as written.
          }
        }
      }
    }
    const patternOf = (t: string) => asPattern.get(t);
    const hit = (text: string, start: number, end: number, to: string[]): Hit | undefined => {
      const match = text.slice(start, end);
      if (exceptions.has(fold(match))) return undefined;
      const patterns = to.map(patternOf);
      if (patterns.some((re) => re?.test(match.trim()))) return undefined;
      const fixes = [...new Set(to.filter((_, k) => !patterns[k]).map((t) => matchCase(match, t)))];
      // A swap that only fixes case ("linkedin" → "LinkedIn") has nothing to say about text already right.
      if (fixes.includes(match)) return undefined;
      const named = rule.capitalize && /^\p{Lu}/u.test(match) ? to.map((t) => t.charAt(0).toUpperCase() + t.slice(1)) : to;
      return { start, end, fixes, args: [named.join("' or '"), match.trim()] };
    };

    if (rule.regex) {
      // Longest key first, as Vale tries them: at one place, "MPL 2.0" wins over "MPL".
      const compiled = entries
        .map((e, k) => ({ ...e, k }))
        .sort((a, b) => b.from.length - a.from.length || a.k - b.k)
        .flatMap(({ from, to }) => {
          const re = compiler.regex(from, [...path, 'swap', from], rule.ignoreCase);
          return re ? [{ re, to }] : [];
        });
      return (doc) => {
        const found = compiled.flatMap(({ re, to }, order) =>
          execAll(re, doc.text, rule.nonword).map((m) => ({ m, order, to: to.map((t) => t.replace(/\$(\d)/g, (_, n: string) => m.groups?.[Number(n) - 1] ?? '')) })),
        );
        found.sort((a, b) => a.m.start - b.m.start || a.order - b.order);
        const hits: Hit[] = [];
        let taken = 0;
        for (const { m, to } of found) {
          if (m.start < taken) continue;
          const h = hit(doc.text, m.start, m.end, to);
          if (!h) continue;
          hits.push(h);
          taken = m.end;
        }
        return hits;
      };
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

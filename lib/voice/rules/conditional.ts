import { execAll, type Match } from '../matcher';
import type { RuleOf } from '../pack';
import type { RuleKind } from './types';

/**
 * If `first` appears, `second` must too, with the same capture: an abbreviation ("RGPD") needs its
 * definition ("Règlement général sur la protection des données (RGPD)") somewhere in the text.
 */
export const conditional: RuleKind<RuleOf<'conditional'>> = {
  vocabulary: true,
  compile(rule, compiler, path) {
    const first = compiler.regex(rule.first, [...path, 'first'], rule.ignoreCase);
    const second = compiler.regex(rule.second, [...path, 'second'], rule.ignoreCase);
    if (!first || !second) return () => [];
    const exceptions = new Set(rule.exceptions ?? []);
    const key = (text: string, m: Match) => {
      // The first group that took part: "(NFL): Name|Name \\((NFL)\\)" defines with either.
      const k = m.groups?.find((g) => g !== undefined) ?? text.slice(m.start, m.end);
      return rule.ignoreCase ? k.toLowerCase() : k;
    };
    return (doc) => {
      const defined = new Set(execAll(second, doc.text).map((m) => key(doc.text, m)));
      return execAll(first, doc.text)
        .filter((m) => !defined.has(key(doc.text, m)) && !exceptions.has(doc.text.slice(m.start, m.end)))
        .map((m) => ({ start: m.start, end: m.end }));
    };
  },
};

import { checkCase, exception, type CaseSpec, type Exception } from '../case-style';
import type { JsonPath } from '../json-locate';
import { inScope, type HeadingText } from '../markdown';
import type { PackCompiler } from '../matcher';
import type { RuleOf } from '../pack';
import { fold } from '../text';
import type { Hit, RuleKind, Runner } from './types';

/** Sentences start with a capital letter, terms keep their canonical case (LinkedIn, iPhone), or headings keep a case style. */
export const capitalization: RuleKind<RuleOf<'capitalization'>> = {
  vocabulary: true,
  compile(rule, compiler, path) {
    if (rule.mode === 'headings') return headings(rule, compiler, path);
    if (rule.mode === 'terms') {
      const canonical = new Map((rule.terms ?? []).map((t) => [fold(t), t]));
      const matcher = compiler.matcher({ tokens: rule.terms, ignoreCase: true }, path);
      return (doc) =>
        matcher.find(doc).flatMap(({ start, end }) => {
          const match = doc.text.slice(start, end);
          const want = canonical.get(fold(match));
          return want && want !== match ? [{ start, end, fixes: [want], args: [want] }] : [];
        });
    }
    return (doc) => {
      const hits: Hit[] = [];
      for (const sentence of doc.sentences) {
        const m = /^[«"“(\s\u00a0\u202f]*([\p{L}\p{N}@#][^\s]*)/u.exec(doc.text.slice(sentence.start, sentence.end));
        const word = m?.[1];
        if (!word || !/^\p{Ll}/u.test(word) || /^(https?:|www\.)/i.test(word)) continue;
        // "iPhone", "eBay": a capital inside the word means a name written on purpose.
        if (/\p{Lu}/u.test(word.slice(1))) continue;
        const start = sentence.start + m!.index + m![0].length - word.length;
        const bare = /^[\p{L}\p{M}'’-]+/u.exec(word)![0];
        hits.push({ start, end: start + bare.length, fixes: [bare[0]!.toUpperCase() + bare.slice(1)] });
      }
      return hits;
    };
  },
};

/** One finding per heading whose case is wrong, over the heading's text, with what the style expects. */
function headings(rule: RuleOf<'capitalization'>, compiler: PackCompiler, path: JsonPath): Runner {
  // `(?i)` in front: that pattern in any case.
  const safe = (source: string, at: JsonPath) => {
    const anyCase = source.startsWith('(?i)');
    const re = compiler.regex(anyCase ? source.slice(4) : source, at, anyCase);
    return re && new RegExp(re.source, anyCase ? 'iu' : 'u');
  };
  const exceptions: Exception[] = [];
  (rule.exceptions ?? []).forEach((e, k) => {
    if (safe(e, [...path, 'exceptions', k])) exceptions.push(exception(e));
  });
  if (rule.useVocabulary ?? true) {
    for (const term of compiler.vocabulary) exceptions.push(exception(term.replace(/^[#@]/, '').replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&')));
  }
  // Longest first, as Vale sorts them: the alternation then takes "Axon Server" before "Axon".
  exceptions.sort((a, b) => b.search.source.length - a.search.source.length);
  const pattern = rule.pattern === undefined ? undefined : safe(rule.pattern, [...path, 'pattern']);
  const prefix = rule.prefix === undefined ? undefined : safe(rule.prefix, [...path, 'prefix']);
  const spec: CaseSpec = {
    ...(rule.case ? { case: rule.case } : {}),
    ...(pattern ? { pattern } : {}),
    ...(prefix ? { prefix } : {}),
    titleStyle: rule.titleStyle ?? 'AP',
    exceptions,
    indicators: rule.indicators ?? [],
    threshold: rule.threshold ?? 0.8,
  };
  return (doc) => {
    const hits: Hit[] = [];
    for (const b of doc.blocks) {
      const h = b.heading;
      if (!h?.text || !inScope([b], b.start, rule.blocks!)) continue;
      const { expected, ok } = checkCase(h.text, spec);
      // A pattern is shown as written: its stars are no code.
      if (!ok) hits.push({ start: h.start, end: h.end, args: [withCode(h.text, h.code), spec.pattern ? expected : expectedWithCode(h.text, expected, h.code)] });
    }
    return hits;
  };
}

/** Shows a heading's inline code as written where its text holds Vale's stand-in stars (the code's own, not a literal `*`). */
function withCode(text: string, code: HeadingText['code']): string {
  let out = '', from = 0;
  for (const c of code) {
    out += text.slice(from, c.at) + c.written;
    from = c.at + c.length;
  }
  return out + text.slice(from);
}

/**
 * The same in what the case converter expects: it changes the case of words and the spaces between them, never a
 * star or their order, so the n-th star of the heading's text is the n-th star there. When the counts differ
 * (a prefix found inside the heading is put in front again), the stars stay.
 */
function expectedWithCode(text: string, expected: string, code: HeadingText['code']): string {
  const stars = (s: string) => [...s.matchAll(/\*/g)].map((m) => m.index);
  const inText = stars(text), inExpected = stars(expected);
  if (inText.length !== inExpected.length) return expected;
  let out = '', from = 0;
  for (const c of code) {
    const n = inText.indexOf(c.at);
    const at = inExpected[n]!;
    // The code's stars, still side by side.
    if (inExpected[n + c.length - 1] !== at + c.length - 1) continue;
    out += expected.slice(from, at) + c.written;
    from = at + c.length;
  }
  return out + expected.slice(from);
}

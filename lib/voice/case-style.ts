/**
 * Vale's capitalization check of one heading (internal/check/capitalization.go and variables.go,
 * errata-ai/vale bb78a321) with the case converters it compares against (jdkato/twine's strcase
 * v0.10.1, the version that Vale builds with), both MIT. A heading passes when enough of its words
 * (the threshold, 0.8 by default) are as the converter writes them, are exceptions, or, in title
 * case, are in capitals. Go's regexes become JavaScript ones: `\b` is Unicode-aware here, and each
 * exception keeps its own case flag instead of RE2's inline `(?-i)`.
 */

export type CaseName = 'title' | 'sentence' | 'lower' | 'upper';

export interface Exception {
  /** The exception as a regex, searched anywhere in a word (twine's `inVocab`). */
  search: RegExp;
  /** The same, word-bounded (Vale's exception test on a word). */
  bounded: RegExp;
  /** The same, sticky: a token of its own when splitting a heading into words. */
  token: RegExp;
  /** The same, word-bounded, case-insensitive, sticky: how twine's sentence converter splits. */
  tokenAnyCase: RegExp;
  /** As written, for twine's "same word but for case" test; undefined for a `(?i)` pattern, which never passes it. */
  written?: string;
}

export interface CaseSpec {
  case?: CaseName;
  /** A heading matching this is right (Vale's `match` given as a pattern). */
  pattern?: RegExp;
  titleStyle: 'AP' | 'Chicago';
  /** Longest first: Vale sorts them so that alternation is greedy. */
  exceptions: Exception[];
  indicators: readonly string[];
  prefix?: RegExp;
  threshold: number;
}

const WORD = '[\\p{L}\\p{N}_]';
const BOUNDARY = `(?:(?<=${WORD})(?!${WORD})|(?<!${WORD})(?=${WORD}))`;
/** twine's `[\p{N}\p{L}*]+[^\s]*`, written without the overlap of its two repeats. */
const GENERAL_TOKEN = /[\p{N}\p{L}*]\S*/uy;
/** The title converter's words: `[\p{N}\p{L}]+[^\s-/]*`. */
const TITLE_WORD = /[\p{N}\p{L}][^\s\-/]*/gu;
const SMALL = new Set(['a', 'an', 'and', 'as', 'at', 'but', 'by', 'en', 'for', 'if', 'in', 'nor', 'of', 'on', 'or', 'per', 'the', 'to', 'vs', 'vs.', 'via', 'v', 'v.']);
const PREPOSITIONS = new Set([
  'with', 'from', 'into', 'during', 'including', 'until', 'against', 'among', 'throughout', 'despite', 'towards', 'upon',
  'concerning', 'about', 'over', 'through', 'before', 'between', 'after', 'since', 'without', 'under', 'within', 'along',
  'following', 'across', 'beyond', 'around', 'down', 'near', 'above',
]);

/** An exception from its JavaScript source; `(?i)` first makes it case-insensitive, as in Vale. */
export function exception(source: string): Exception {
  const anyCase = source.startsWith('(?i)');
  const body = anyCase ? source.slice(4) : source;
  const bounded = `${BOUNDARY}(?:${body})${BOUNDARY}`;
  return {
    search: new RegExp(body, anyCase ? 'iu' : 'u'),
    bounded: new RegExp(bounded, anyCase ? 'iu' : 'u'),
    token: new RegExp(bounded, anyCase ? 'iuy' : 'uy'),
    tokenAnyCase: new RegExp(bounded, 'iuy'),
    ...(anyCase ? {} : { written: body }),
  };
}

/** What the converter expects the heading to read, and whether it passes. */
export function checkCase(s: string, spec: CaseSpec): { expected: string; ok: boolean } {
  const excepted = (w: string) => spec.exceptions.some((e) => e.bounded.test(w));
  if (spec.pattern) return { expected: spec.pattern.source, ok: spec.pattern.test(s) || excepted(s) };
  if (spec.case === 'lower' || spec.case === 'upper') {
    const expected = spec.case === 'lower' ? s.toLowerCase() : s.toUpperCase();
    return { expected, ok: s === expected || excepted(s) };
  }
  const title = spec.case === 'title';
  const expected = title ? toTitleCase(s, spec) : toSentenceCase(s, spec);
  const split = [...spec.exceptions.map((e) => e.token), GENERAL_TOKEN];
  const want = tokens(expected, split);
  let count = 0, words = 0;
  for (const [i, w] of tokens(s, split).entries()) {
    if (i >= want.length || w === want[i] || excepted(w)) count++;
    else if (title && w === w.toUpperCase()) count++;
    // A sentence's first word is wrong unless it reads as a capital and lower case letters.
    else if (!title && i === 0 && w !== goTitle(w.toLowerCase())) return { expected, ok: false };
    words++;
  }
  return { expected, ok: count / words >= spec.threshold };
}

/** Go's FindAllString over alternatives tried in order at each position (the first that matches wins). */
function tokens(s: string, alternatives: readonly RegExp[]): string[] {
  const out: string[] = [];
  for (let p = 0; p < s.length; ) {
    let m: string | undefined;
    for (const re of alternatives) {
      re.lastIndex = p;
      const r = re.exec(s);
      if (r?.[0]) {
        m = r[0];
        break;
      }
    }
    if (m === undefined) p += s.codePointAt(p)! > 0xffff ? 2 : 1;
    else {
      out.push(m);
      p += m.length;
    }
  }
  return out;
}

/** The lead-in a prefix pattern finds is kept as is; it is cut from the heading only when it opens it (Go's TrimPrefix). */
function splitPrefix(s: string, prefix: RegExp | undefined): [string, string] {
  const found = prefix?.exec(s)?.[0] ?? '';
  return [found, found && s.startsWith(found) ? s.slice(found.length) : s];
}

/** twine's SentenceConverter: the first word (and each after an indicator) capitalized, the others lower case, exceptions as written. */
function toSentenceCase(heading: string, spec: CaseSpec): string {
  const [prefix, s] = splitPrefix(heading, spec.prefix);
  const words = tokens(s, [...spec.exceptions.map((e) => e.tokenAnyCase), GENERAL_TOKEN]);
  const indicator = (word: string, idx: number) => spec.indicators.some((x) => word.endsWith(x)) || (idx === 0 && /\d\./u.test(word));
  const made = words.map((w, i) => {
    const kept = inVocab(w, spec.exceptions);
    if (kept !== undefined) return kept;
    return i === 0 || indicator(words[i - 1]!, i - 1) ? capitalize(w, true) : w.toLowerCase();
  });
  return prefix + made.join(' ');
}

/**
 * twine's TitleConverter: every word capitalized but the small ones (AP), and prepositions too
 * (Chicago), which stay lower case inside the title after a space, a hyphen or a slash. AP
 * capitalizes "to" before a verb and not before a noun; telling the two apart needs parts of
 * speech, so such a "to" is accepted in either case.
 */
function toTitleCase(heading: string, spec: CaseSpec): string {
  const [prefix, s] = splitPrefix(heading, spec.prefix);
  const t = sanitize(s);
  const charAt = (i: number) => (i >= 0 && i < t.length ? t[i] : t[0]);
  let idx = 0;
  return prefix + s.replace(TITLE_WORD, (m) => {
    const sm = m.toLowerCase();
    const mt = sanitize(m);
    const found = t.indexOf(mt, idx);
    const pos = found < 0 ? idx - 1 : found;
    idx = pos + mt.length;
    // twine 0.10.1 looks the lower-cased word up.
    const kept = inVocab(sm, spec.exceptions);
    if (kept !== undefined) return kept;
    const prev = charAt(pos - 1);
    const inside = (prev === ' ' || prev === '-' || prev === '/') && charAt(pos - 2) !== ':' && charAt(pos - 2) !== '-' && (charAt(pos + mt.length) !== '-' || prev === '-');
    if (inside && pos !== 0 && idx !== t.length) {
      if (spec.titleStyle === 'AP' && sm === 'to') return m;
      if (SMALL.has(sm) || (spec.titleStyle === 'Chicago' && PREPOSITIONS.has(sm))) return sm;
    }
    return capitalize(m, false);
  });
}

/** twine's inVocab: an exception written like the word but for case gives its own spelling; one found in it keeps the word. */
function inVocab(word: string, exceptions: readonly Exception[]): string | undefined {
  for (const e of exceptions) {
    if (e.written !== undefined && e.written.toLowerCase() === word.toLowerCase()) return e.written;
    if (e.search.test(word)) return word;
  }
  return undefined;
}

const sanitize = (s: string) => s.replace(/[\u201c\u201d]/g, '"').replace(/[\u2018\u2019]/g, "'").replace(/[\u2013\u2014]/g, '-').replace(/\u2026/g, '...');

/** The first letter in title case (one character of it only: "ß" stays), the rest lower-cased when strict. */
function capitalize(m: string, strict: boolean): string {
  const first = String.fromCodePoint(m.codePointAt(0)!);
  const up = first.toUpperCase();
  const rest = m.slice(first.length);
  return ([...up].length === 1 ? up : first) + (strict ? rest.toLowerCase() : rest);
}

/** Go's strings.Title: a capital after each separator (ASCII but letters, digits and "_"; spaces). */
function goTitle(w: string): string {
  let out = '';
  let afterSeparator = true;
  for (const ch of w) {
    out += afterSeparator ? capitalize(ch, false) : ch;
    afterSeparator = ch < '\u0080' ? !/[A-Za-z0-9_]/.test(ch) : /\s/u.test(ch);
  }
  return out;
}

import { z } from 'zod';
import { platformId } from '../platforms/schema';
import { compilePack } from './compile';
import { locateJson, type JsonPath } from './json-locate';
import { BLOCK_SCOPE_RE } from './markdown';

/** Platforms a rule can target: the adapters' own ids. */
export { platformId, type PlatformId } from '../platforms/schema';

export const severity = z.enum(['error', 'warning', 'suggestion']);
export type Severity = z.infer<typeof severity>;

const nonEmpty = z.string().min(1);
const count = z.number().int().min(0);

const base = {
  id: z.string().regex(/^[\p{L}\p{N}_.-]+$/u, 'rule ids use letters, digits, "_", "." and "-"'),
  severity,
  /** Short message; `%s` placeholders are filled by the rule (the match, a count, a replacement...). */
  message: nonEmpty,
  /** The guideline behind the rule, written for a trainee. */
  explanation: nonEmpty,
  link: z.string().optional(),
  /** Run only on these platforms (all when absent). */
  platforms: z.array(platformId).optional(),
  /** Run only when the reply's language (context.lang) is one of these (all when absent or unknown). */
  langs: z.array(z.string().min(2)).optional(),
  /** Read Markdown as written, code and markup included (Vale's `raw` scope); see CheckContext.markup. */
  raw: z.boolean().optional(),
};

/**
 * Limits a word rule to Markdown blocks, in Vale's scope syntax: any of the entries, each "a & b"
 * meeting both, "~a" outside a ("heading.h2", "~blockquote & ~heading", "list", "table"). A plain
 * reply is one paragraph: a rule limited to headings never fires there. An occurrence rule counts
 * in each such block (each heading, each run of lines of a list, quote or table).
 */
const blocks = { blocks: z.array(z.string().regex(BLOCK_SCOPE_RE, 'Markdown blocks: heading, heading.h1-h6, blockquote, list, table, paragraph, text, with ~ and &')).min(1).optional() };

/** How a rule finds text: literal tokens (fast, word-bounded) and/or regular expressions. */
const matching = {
  tokens: z.array(nonEmpty).optional(),
  patterns: z.array(nonEmpty).optional(),
  ignoreCase: z.boolean().default(true),
  /** Tokens and patterns may match inside words (no word-boundary check). */
  nonword: z.boolean().default(false),
  /** Matches equal to one of these (case-insensitively) are not reported. */
  exceptions: z.array(z.string()).optional(),
};
const hasMatcher = (r: { tokens?: string[]; patterns?: string[] }) => (r.tokens?.length ?? 0) + (r.patterns?.length ?? 0) > 0;
const needsMatcher = { message: 'needs at least one entry in "tokens" or "patterns"' };

export const existenceRule = z
  .object({ ...base, kind: z.literal('existence'), ...matching, ...blocks, fixes: z.array(z.string()).optional() })
  .refine(hasMatcher, needsMatcher);

export const substitutionRule = z.object({
  ...base,
  ...blocks,
  kind: z.literal('substitution'),
  /** Term → preferred replacement(s). The message's first `%s` is the replacement, the second the match (Vale's order). */
  swap: z.record(nonEmpty, z.union([nonEmpty, z.array(nonEmpty).min(1)])),
  /** Keys are regular expressions rather than literal terms; replacements may name their groups as $1, $2... */
  regex: z.boolean().default(false),
  /** The message names the replacement with a capital when the match has one (Vale's `capitalize`). */
  capitalize: z.boolean().default(false),
  ignoreCase: z.boolean().default(true),
  nonword: z.boolean().default(false),
  exceptions: z.array(z.string()).optional(),
});

export const scope = z.enum(['text', 'sentence']);

export const occurrenceRule = z
  .object({ ...base, kind: z.literal('occurrence'), ...matching, ...blocks, max: count.optional(), min: count.optional(), scope: scope.default('text') })
  .refine(hasMatcher, needsMatcher)
  .refine((r) => r.max !== undefined || r.min !== undefined, { message: 'needs "max" or "min"' });

export const repetitionRule = z.object({
  ...base,
  ...blocks,
  kind: z.literal('repetition'),
  ignoreCase: z.boolean().default(true),
  /** Only words fully matching one of these patterns are checked (every word when absent). */
  patterns: z.array(nonEmpty).optional(),
  exceptions: z.array(z.string()).optional(),
});

/** A scope entry that only a heading meets ("heading", "heading.h2", "heading & ~heading.h1"). */
export const headingEntry = (entry: string) => entry.split('&').some((p) => /^heading(?:\.h[1-6])?$/.test(p.trim()));

export const capitalizationRule = z
  .object({
    ...base,
    ...blocks,
    kind: z.literal('capitalization'),
    /**
     * sentence-start: each sentence begins with a capital; terms: each term written in its canonical
     * case; headings: each heading that `blocks` names is written in `case` or matches `pattern`, as
     * Vale's capitalization rules check it (a plain reply has no headings: the rule finds nothing there).
     */
    mode: z.enum(['sentence-start', 'terms', 'headings']),
    terms: z.array(nonEmpty).optional(),
    /** headings: title (AP or Chicago style), sentence, lower or upper case (Vale's $title, $sentence, $lower, $upper). */
    case: z.enum(['title', 'sentence', 'lower', 'upper']).optional(),
    /** headings: a regex a heading written right matches (Vale's `match` when it is a pattern; `(?i)` first: in any case). */
    pattern: nonEmpty.optional(),
    /** headings, title case: AP (the default), or Chicago, which keeps prepositions of any length lower case too. */
    titleStyle: z.enum(['AP', 'Chicago']).optional(),
    /** headings: words or phrases right as written, as regexes (`(?i)` first: in any case), e.g. product names. */
    exceptions: z.array(nonEmpty).optional(),
    /** headings, sentence case: a word ending with one of these makes the next one start a sentence again (":"). */
    indicators: z.array(nonEmpty).optional(),
    /** headings: a regex for a lead-in left as it is ("a. " in "a. Install it"; `(?i)` first: in any case). */
    prefix: nonEmpty.optional(),
    /** headings: the share of words that must be right, 0.8 when absent. */
    threshold: z.number().gt(0).max(1).optional(),
    /** headings: the pack's vocabulary terms are exceptions too (Vale's `vocab`); true when absent. */
    useVocabulary: z.boolean().optional(),
  })
  .refine((r) => r.mode !== 'terms' || (r.terms?.length ?? 0) > 0, { message: 'mode "terms" needs "terms"', path: ['terms'] })
  .refine((r) => r.mode !== 'headings' || (r.case === undefined) !== (r.pattern === undefined), { message: 'mode "headings" needs "case" or "pattern", not both', path: ['case'] })
  .refine((r) => r.mode !== 'headings' || (!!r.blocks && r.blocks.every(headingEntry)), {
    message: 'mode "headings" needs "blocks" naming headings only ("heading", "heading.h2", "heading & ~heading.h1")',
    path: ['blocks'],
  });

export const metricRule = z.object({
  ...base,
  kind: z.literal('metric'),
  /**
   * Arithmetic over words, sentences, syllables, characters, complex_words, long_words,
   * polysyllabic_words, and the Markdown text's heading.h1 to heading.h6 and list (items); sqrt().
   */
  formula: nonEmpty,
  /** When the formula's value meets this condition, the rule fires (Vale's convention), e.g. "> 25". */
  condition: z.string().regex(/^\s*(<=|>=|==|!=|<|>)\s*-?\d+(\.\d+)?\s*$/, 'condition looks like "> 25" or "<= 40"'),
  scope: scope.default('text'),
  /** Skip texts (or sentences) shorter than this many words: formulas mean little on three words. */
  minWords: count.default(0),
  /** The value in the message with exactly this many decimals (Vale's "1.00": 2); at most one when absent. */
  decimals: z.number().int().min(0).max(6).optional(),
});

export const conditionalRule = z.object({
  ...base,
  kind: z.literal('conditional'),
  /** Each match of `first` needs a match of `second` with the same capture (the first group that matched, else the whole match). */
  first: nonEmpty,
  second: nonEmpty,
  ignoreCase: z.boolean().default(false),
  exceptions: z.array(z.string()).optional(),
});

export const platformLengthRule = z.object({
  ...base,
  kind: z.literal('platform-length'),
  /** Overrides of the built-in limits (see platforms.ts). */
  limits: z.partialRecord(platformId, z.number().int().positive()).optional(),
});

export const entityLimitRule = z.object({
  ...base,
  kind: z.literal('entity-limit'),
  entity: z.enum(['hashtag', 'mention', 'link']),
  max: count,
  maxByPlatform: z.partialRecord(platformId, count).optional(),
});

export const emojiRule = z.object({ ...base, kind: z.literal('emoji'), max: count });

export const shoutingRule = z.object({
  ...base,
  kind: z.literal('shouting'),
  /** A single all-caps word this long is shouting; shorter ones are acronyms. */
  minLength: z.number().int().min(2).default(6),
  /** This many all-caps words in a row are shouting whatever their length. */
  minWords: z.number().int().min(2).default(3),
});

export const punctuationRunRule = z.object({
  ...base,
  kind: z.literal('punctuation-run'),
  chars: nonEmpty.default('!?'),
  /** Longest run allowed. */
  max: z.number().int().min(1).default(1),
});

export const personalDataKind = z.enum(['email', 'phone', 'order', 'iban', 'card']);
export const personalDataRule = z.object({
  ...base,
  kind: z.literal('personal-data'),
  detect: z.array(personalDataKind).min(1).default(['email', 'phone', 'order', 'iban', 'card']),
});

export const disclosureRule = z
  .object({
    ...base,
    kind: z.literal('disclosure'),
    ...matching,
    /** Any of these present (case-insensitive) counts as disclosure, e.g. "#ad", "#sponsorisé". */
    disclosures: z.array(nonEmpty).min(1),
  })
  .refine(hasMatcher, needsMatcher);

export const linksRule = z.object({
  ...base,
  kind: z.literal('links'),
  /** Only these domains (and their subdomains) may be linked; any domain when absent. */
  allow: z.array(nonEmpty).optional(),
  deny: z.array(nonEmpty).optional(),
});

export const sentimentRule = z.object({
  ...base,
  kind: z.literal('sentiment'),
  forbid: z.array(z.enum(['negative', 'neutral', 'positive'])).min(1),
  /** Fires only when |score| is at least this (0..1). */
  threshold: z.number().min(0).max(1).default(0),
});

export const addressRule = z.object({
  ...base,
  kind: z.literal('address'),
  /** The brand's form; context.address overrides it. */
  default: z.enum(['vous', 'tu']),
});

export const frTypographyRule = z.object({ ...base, kind: z.literal('fr-typography') });

export const inclusiveRule = z.object({
  ...base,
  kind: z.literal('inclusive'),
  /** forbid: no abbreviated inclusive forms; point-median: allowed, written with the point médian. */
  policy: z.enum(['forbid', 'point-median']),
});

/** The Hunspell dictionaries the spelling rule can use (lib/voice/dictionaries). */
export const dictionaryId = z.enum(['en', 'fr']);
export type DictionaryId = z.infer<typeof dictionaryId>;

export const spellingRule = z.object({
  ...base,
  ...blocks,
  kind: z.literal('spelling'),
  dictionary: dictionaryId,
  /** Words accepted on top of the dictionary (any case), as Vale's `ignore` files give them. */
  accept: z.array(nonEmpty).optional(),
  /** Words in which one of these patterns matches are not checked (Vale's `filters`). */
  filters: z.array(nonEmpty).optional(),
  /**
   * Capitalised words inside a sentence are taken for names (customers, places, products) and left
   * alone unless this is set; Vale checks them, so its imported rules set it.
   */
  checkNames: z.boolean().default(false),
  /** How many suggestions to offer as fixes, best first. */
  suggestions: z.number().int().min(0).max(10).default(3),
});

/** Languages the sequence rule can tag (lib/voice/tagger); Penn Treebank tags. */
export const taggerId = z.enum(['en'], {
  error: 'sequence rules tag English only ("en"): no maintained French part-of-speech tagger on npm gives the Penn Treebank tags they name (fr-compromise 0.2.8 is pre-1.0 and has its own coarse tags)',
});
export type TaggerId = z.infer<typeof taggerId>;

/** One step of a sequence: a word pattern, a part-of-speech tag pattern, or both (Vale's NLPToken). */
const sequenceToken = z.object({
  pattern: z.string().optional(),
  /** A regex searched in the word's Penn Treebank tag ("NN" also matches NNS and NNP, as in Vale). */
  tag: z.string().optional(),
  negate: z.boolean().default(false),
  /** Up to this many words may come before this step. */
  skip: count.default(0),
});

export const sequenceRule = z.object({
  ...base,
  kind: z.literal('sequence'),
  language: taggerId,
  tokens: z.array(sequenceToken).min(1).refine((t) => t.some((x) => x.pattern && !x.negate), 'a sequence needs one step with a pattern, not negated, to anchor it'),
  ignoreCase: z.boolean().default(false),
});

export const rule = z.discriminatedUnion('kind', [
  existenceRule, substitutionRule, occurrenceRule, repetitionRule, capitalizationRule, metricRule, conditionalRule,
  platformLengthRule, entityLimitRule, emojiRule, shoutingRule, punctuationRunRule, personalDataRule, disclosureRule,
  linksRule, sentimentRule, addressRule, frTypographyRule, inclusiveRule, spellingRule, sequenceRule,
]);
export type Rule = z.infer<typeof rule>;
export type RuleKindName = Rule['kind'];
export type RuleOf<K extends RuleKindName> = Extract<Rule, { kind: K }>;

const ruleKinds = rule.options.map((o) => o.shape.kind.value);

export const voicePack = z.object({
  format: z.literal('vigie-voice-pack'),
  version: z.literal(1),
  id: z.string().min(1),
  name: z.string().min(1),
  lang: z.string().min(2),
  brandId: z.string().optional(),
  /** Accepted terms (product names, hashtags...): findings on them are dropped. */
  vocabulary: z.array(z.string().min(1)).default([]),
  rules: z.array(rule),
});
export type VoicePack = z.infer<typeof voicePack>;
/** A pack as written by hand, before defaults are applied. */
export type VoicePackInput = z.input<typeof voicePack>;

export const finding = z.object({
  ruleId: z.string(),
  severity,
  message: z.string(),
  explanation: z.string(),
  link: z.string().optional(),
  /** UTF-16 offsets [start, end) in the checked text. */
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  match: z.string(),
  fixes: z.array(z.string()),
});
export type Finding = z.infer<typeof finding>;

export interface PackError {
  path: JsonPath;
  /** 1-based line in the pack's JSON text, when parsed from text. */
  line?: number;
  message: string;
}

export type ParsePackResult = { ok: true; pack: VoicePack } | { ok: false; errors: PackError[] };

/**
 * Validates a pack (an object, or its JSON text), then compiles its rules so unsafe or broken
 * regular expressions and formulas are refused here, with the line and reason, and never reach the page.
 */
export function parsePack(input: unknown): ParsePackResult {
  let value = input;
  let lineOf: (path: JsonPath) => number | undefined = () => undefined;
  if (typeof input === 'string') {
    const located = locateJson(input);
    if (!located.ok) return { ok: false, errors: [{ path: [], line: located.line, message: located.message }] };
    value = located.value;
    lineOf = located.lineOf;
  }
  const parsed = voicePack.safeParse(value);
  if (!parsed.success) {
    const errors = parsed.error.issues.map((issue) => {
      const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
      return { path, line: lineOf(path), message: describeIssue(issue, value) };
    });
    return { ok: false, errors: dedupeErrors(errors) };
  }
  const seen = new Set<string>();
  const errors: PackError[] = [];
  parsed.data.rules.forEach((r, i) => {
    if (seen.has(r.id)) errors.push({ path: ['rules', i, 'id'], message: `duplicate rule id "${r.id}"` });
    seen.add(r.id);
  });
  errors.push(...compilePack(parsed.data).errors);
  if (errors.length) return { ok: false, errors: errors.map((e) => ({ ...e, line: lineOf(e.path) })) };
  return { ok: true, pack: parsed.data };
}

/** Name the rule's unknown kind and the kinds a pack author can use. */
function describeIssue(issue: z.core.$ZodIssue, value: unknown): string {
  if (issue.code === 'invalid_union' && issue.path[0] === 'rules' && issue.path.at(-1) === 'kind') {
    const r = (value as { rules: unknown[] }).rules[issue.path[1] as number] as { kind?: unknown } | undefined;
    return `unknown rule kind ${JSON.stringify(r?.kind)}; one of ${ruleKinds.join(', ')}`;
  }
  return issue.message;
}

function dedupeErrors(errors: PackError[]): PackError[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const key = `${e.path.join('.')}|${e.message}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

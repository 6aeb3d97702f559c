import { parse as parseYaml, YAMLParseError } from 'yaml';
import { z } from 'zod';
import { compilePack } from './compile';
import { compileFormula } from './formula';
import { BLOCK_SCOPE_RE, inScope } from './markdown';
import { headingEntry, rule as ruleSchema, voicePack, type Rule, type VoicePack } from './pack';

export interface ValeFile {
  path: string;
  yaml: string;
}
export interface Unsupported {
  rule: string;
  reason: string;
}

const LEVELS: Record<string, Rule['severity']> = { error: 'error', warning: 'warning', suggestion: 'suggestion' };
/** Rule kinds whose matches are the same whether a paragraph or the whole text is read. */
const LOCAL_KINDS = new Set(['existence', 'substitution', 'spelling', 'repetition']);

/**
 * Why the engine cannot honour a Vale scope, or undefined when it can. A scope it lacks is refused:
 * running the rule on the whole text instead would report what Vale never would.
 */
function scopeProblem(scope: string, type: string): string | undefined {
  if (scope === 'text' || scope === 'sentence' || scope === 'raw') return undefined;
  // Word rules keep Markdown block scopes (checked with CheckContext.markup).
  if (LOCAL_KINDS.has(type) && BLOCK_SCOPE_RE.test(scope)) return undefined;
  // Occurrence counts in each heading, list, quote or table; paragraphs of a plain reply are not blocks.
  if (type === 'occurrence' && BLOCK_SCOPE_RE.test(scope) && !/paragraph|text/.test(scope)) return undefined;
  if (scope.startsWith('~')) return `"${scope}" (everything but ${scope.slice(1)}) needs the document's markup structure, which the engine does not parse`;
  if (scope.includes('.')) return `"${scope}" is a scope of one markup format (${scope.split('.').slice(1).join('.')}); the engine reads plain text and Markdown, and would widen it to the whole text`;
  if (scope === 'paragraph') {
    return LOCAL_KINDS.has(type) ? undefined : `${type} rules count per paragraph, and the engine has no paragraph scope: counting over the whole text would widen it`;
  }
  return `"${scope}" needs the document's ${scope} elements; the engine checks prose and would run the rule on the whole text`;
}
const UNSUPPORTED_TYPES: Record<string, string> = {
  script: 'script rules run Tengo code; code from a style is never run in the page',
  consistency: 'consistency rules (one spelling or the other, not both) have no pack equivalent',
  lexicon: 'lexicon rules need an external word list file',
};
/** Vale's readability metrics as formulas over the metric variables (grade levels). */
const READABILITY: Record<string, string> = {
  'Flesch-Kincaid': '0.39 * (words / sentences) + 11.8 * (syllables / words) - 15.59',
  'Automated Readability': '4.71 * (characters / words) + 0.5 * (words / sentences) - 21.43',
  'Coleman-Liau': '0.0588 * (characters / words * 100) - 0.296 * (sentences / words * 100) - 15.8',
  'Gunning Fog': '0.4 * ((words / sentences) + 100 * (complex_words / words))',
  SMOG: '1.043 * sqrt(polysyllabic_words * 30 / sentences) + 3.1291',
};

/**
 * Converts a Vale style (its rule files) into a voice pack. Every rule that cannot be carried over
 * (an unsupported type, a markup-only scope, a pattern refused as unsafe) is listed with the reason.
 */
export interface ValeImportOptions {
  /** Reads a file a rule names (spelling `ignore` lists, `dicpath` dictionaries), relative to the StylesPath; undefined when absent. */
  readFile?: (path: string) => string | undefined;
}

export function importVale(files: readonly ValeFile[], style: string, opts: ValeImportOptions = {}): { pack: VoicePack; unsupported: Unsupported[] } {
  const rules: Rule[] = [];
  const unsupported: Unsupported[] = [];
  for (const file of [...files].sort((a, b) => a.path.localeCompare(b.path))) {
    const name = file.path.split(/[\\/]/).pop()!.replace(/\.ya?ml$/i, '');
    const id = `${style}.${name}`;
    let doc: unknown;
    try {
      doc = parseYaml(file.yaml);
    } catch (err) {
      const line = err instanceof YAMLParseError ? err.linePos?.[0]?.line : undefined;
      unsupported.push({ rule: id, reason: `invalid YAML${line ? ` at line ${line}` : ''}: ${(err as Error).message.split('\n')[0]}` });
      continue;
    }
    if (!doc || typeof doc !== 'object') {
      unsupported.push({ rule: id, reason: 'not a YAML mapping' });
      continue;
    }
    const type = String((doc as ValeRule).extends);
    // A type the engine refuses anyway is reported as such below.
    const shape = UNSUPPORTED_TYPES[type] ? undefined : (type === 'sequence' ? sequenceShape : valeShape).safeParse(doc);
    if (shape && !shape.success) {
      const issue = shape.error.issues[0]!;
      unsupported.push({ rule: id, reason: `"${issue.path.join('.')}": ${issue.message}` });
      continue;
    }
    const converted = convert(id, doc as ValeRule, style, name, opts);
    if ('reason' in converted) {
      unsupported.push({ rule: id, reason: converted.reason });
      continue;
    }
    unsupported.push(...converted.notes.map((reason) => ({ rule: id, reason })));
    const parsed = ruleSchema.safeParse(converted.rule);
    if (!parsed.success) {
      unsupported.push({ rule: id, reason: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') });
      continue;
    }
    const probe = compilePack(voicePack.parse({ format: 'vigie-voice-pack', version: 1, id: 'probe', name: 'probe', lang: 'en', rules: [parsed.data] }));
    if (probe.errors.length) {
      unsupported.push({ rule: id, reason: probe.errors.map((e) => e.message).join('; ') });
      continue;
    }
    rules.push(parsed.data);
  }
  const pack = voicePack.parse({ format: 'vigie-voice-pack', version: 1, id: `vale-${style}`, name: `${style} (Vale)`, lang: 'en', vocabulary: [], rules });
  return { pack, unsupported };
}

const strings = z.array(z.union([z.string(), z.number(), z.boolean()], { error: 'expected a list of strings' }), { error: 'expected a list of strings' });
const text = z.union([z.string(), z.number()], { error: 'expected a string' });
/** The types Vale itself requires of the keys read here; a rule file with others is refused, not guessed at. */
const valeShape = z.looseObject({
  extends: text.optional(),
  message: text.optional(),
  description: text.optional(),
  level: text.optional(),
  link: text.optional(),
  scope: z.union([z.string(), z.array(z.string())], { error: 'expected a string or a list of strings' }).optional(),
  tokens: strings.optional(),
  raw: strings.optional(),
  exceptions: strings.optional(),
  filters: strings.optional(),
  ignore: z.union([z.string(), z.array(z.string())], { error: 'expected a file name or a list of them' }).optional(),
  swap: z.record(z.string(), z.union([z.string(), z.number()]), { error: 'expected a mapping of terms to replacements' }).optional(),
  token: text.optional(),
  first: text.optional(),
  second: text.optional(),
  formula: text.optional(),
  max: z.number({ error: 'expected a number' }).optional(),
  min: z.number({ error: 'expected a number' }).optional(),
  metrics: strings.optional(),
  match: text.optional(),
  style: text.optional(),
  indicators: strings.optional(),
  prefix: text.optional(),
  threshold: z.number({ error: 'expected a number' }).optional(),
  vocab: z.boolean({ error: 'expected true or false' }).optional(),
});

/** Sequence tokens are mappings, not strings (Vale's NLPToken). */
const sequenceShape = valeShape.extend({
  tokens: z.array(
    z.looseObject({
      pattern: text.optional(),
      tag: text.optional(),
      negate: z.boolean({ error: 'expected true or false' }).optional(),
      skip: z.number({ error: 'expected a number' }).int().min(0).optional(),
    }),
    { error: 'expected a list of tokens (pattern, tag, negate, skip)' },
  ),
});

interface SequenceToken {
  pattern?: string;
  tag?: string;
  negate?: boolean;
  skip?: number;
}

interface ValeRule {
  extends?: string;
  message?: string;
  description?: string;
  level?: string;
  link?: string;
  scope?: string | string[];
  ignorecase?: boolean;
  nonword?: boolean;
  tokens?: string[];
  raw?: string[];
  exceptions?: string[];
  swap?: Record<string, string>;
  token?: string;
  max?: number;
  min?: number;
  alpha?: boolean;
  append?: boolean;
  capitalize?: boolean;
  filters?: string[];
  ignore?: string | string[];
  dictionaries?: string[];
  dicpath?: string;
  custom?: boolean;
  match?: string;
  style?: string;
  indicators?: string[];
  prefix?: string;
  threshold?: number;
  vocab?: boolean;
  first?: string;
  second?: string;
  formula?: string;
  condition?: string;
  metrics?: string[];
  grade?: number;
  action?: { name?: string; params?: string[] };
}

type Converted = { rule: Record<string, unknown>; notes: string[] } | { reason: string };

function convert(id: string, v: ValeRule, style: string, name: string, opts: ValeImportOptions): Converted {
  const type = String(v.extends ?? '');
  if (UNSUPPORTED_TYPES[type]) return { reason: `${type}: ${UNSUPPORTED_TYPES[type]}` };
  // A rule without a scope reads the text (Vale's manager.go); "a & b" is a scope meeting both.
  // Vale runs every sequence rule per sentence, whatever its scope says.
  const declared = type === 'sequence' ? ['sentence'] : Array.isArray(v.scope) ? v.scope : v.scope ? [v.scope] : ['text'];
  const scopes = declared.flatMap((x) => String(x).split('&').map((p) => p.trim()));
  const blockScopes = declared.map((x) => String(x).replace(/\s*&\s*/g, ' & ').trim()).filter((x) => !['text', 'sentence', 'raw'].includes(x));
  // Capitalization checks each heading whole, as Vale does; a list item or table cell is not one block here.
  const headingCase = type === 'capitalization' && blockScopes.length === declared.length && blockScopes.every((x) => BLOCK_SCOPE_RE.test(x) && headingEntry(x));
  for (const sc of headingCase ? [] : scopes) {
    const why = scopeProblem(sc, type);
    if (why) return { reason: `scope "${declared.join(', ')}": ${why}` };
  }
  const notes: string[] = [];
  if (blockScopes.length && blockScopes.length === declared.length && !inScope([], 0, blockScopes)) {
    notes.push(`scope "${declared.join(', ')}": only Markdown text has these blocks (voice check --markdown); in a plain reply the rule finds nothing`);
  }
  const message = (v.message ?? `${style} ${name}`).trim();
  const common = {
    id,
    // A rule without a level is a warning (Vale's manager.go).
    severity: LEVELS[v.level ?? ''] ?? 'warning',
    message,
    explanation: v.description?.trim() || `From the Vale style ${style} (${name}): ${message.replace(/%s/g, '…')}`,
    ...(v.link ? { link: v.link } : {}),
    ...(scopes.includes('raw') ? { raw: true } : {}),
    // "text" or "sentence" beside blocks means everywhere: the blocks then limit nothing.
    ...(blockScopes.length && blockScopes.length === declared.length ? { blocks: blockScopes } : {}),
  };
  const sentenceScope = scopes.includes('sentence') ? 'sentence' : 'text';
  let ignoreCase = v.ignorecase ?? false;
  const regex = (src: string) => {
    const t = translateRegex(src);
    if (t.ignoreCase) ignoreCase = true;
    return t.source;
  };
  const split = (list: string[] = []) => {
    const tokens: string[] = [], patterns: string[] = [];
    for (const raw of list.map(String)) {
      const src = regex(raw);
      if (isLiteral(src)) tokens.push(src);
      else patterns.push(src);
    }
    return { ...(tokens.length ? { tokens } : {}), ...(patterns.length ? { patterns } : {}) };
  };
  switch (type) {
    case 'existence': {
      // Vale builds one pattern: the raw parts joined, then the tokens as \b(?:a|b)\b (after them with append: true).
      const found = v.raw?.length ? joinRawAndTokens(v.raw.map(String).map(regex), (v.tokens ?? []).map(String).map(regex), v.nonword ?? false, v.append ?? false) : split(v.tokens);
      const patterns = found.patterns ?? [];
      let fixes: string[] | undefined;
      if (v.action?.name === 'remove') fixes = [''];
      else if (v.action?.name === 'replace') fixes = v.action.params ?? [];
      else if (v.action?.name) notes.push(`action "${v.action.name}" has no equivalent; imported without a fix`);
      return {
        rule: { ...common, kind: 'existence', ...found, ...(patterns.length ? { patterns } : {}), ignoreCase, nonword: v.raw?.length ? true : (v.nonword ?? false), exceptions: v.exceptions, fixes },
        notes,
      };
    }
    case 'substitution': {
      const entries = Object.entries(v.swap ?? {}).map(([k, val]) => [regex(k), String(val)] as const);
      const literal = entries.every(([k]) => isLiteral(k));
      // "a|b" offers two replacements; inside a group it is a pattern's alternation, kept whole.
      const swap = Object.fromEntries(entries.map(([k, val]) => [k, val.includes('|') && !/[()[\]\\]/.test(val) ? val.split('|').map((s) => s.trim()) : val]));
      // Vale quotes the replacement itself when the message does not.
      const first = message.indexOf('%s');
      const quoted = first < 0 || /['"‘“«]\s?$/.test(message.slice(0, first)) ? message : message.replace('%s', "'%s'");
      return {
        rule: { ...common, message: quoted, kind: 'substitution', swap, regex: !literal, ignoreCase, nonword: v.nonword ?? false, capitalize: v.capitalize ?? false, exceptions: v.exceptions },
        notes,
      };
    }
    case 'occurrence':
      return { rule: { ...common, kind: 'occurrence', patterns: v.token ? [regex(v.token)] : [], ignoreCase, nonword: true, max: v.max, min: v.min, scope: sentenceScope }, notes };
    case 'repetition': {
      const patterns = v.alpha ? ['\\p{L}+'] : (v.tokens ?? []).map(regex);
      return { rule: { ...common, kind: 'repetition', ignoreCase, ...(patterns.length ? { patterns } : {}), exceptions: v.exceptions }, notes };
    }
    case 'capitalization': {
      const match = String(v.match ?? '');
      if (headingCase) {
        if (!match) return { reason: 'no "match": Vale then matches every heading with an empty pattern, and the rule never fires' };
        const named = CASES[match];
        return {
          rule: {
            ...common, kind: 'capitalization', mode: 'headings',
            ...(named ? { case: named } : { pattern: anyCaseRegex(match) }),
            ...(v.style === 'Chicago' ? { titleStyle: 'Chicago' } : {}),
            ...(v.exceptions?.length ? { exceptions: v.exceptions.map(String).map(anyCaseRegex) } : {}),
            ...(v.indicators?.length ? { indicators: v.indicators.map(String) } : {}),
            ...(v.prefix ? { prefix: anyCaseRegex(String(v.prefix)) } : {}),
            // Vale reads a threshold of 0 as none given.
            ...(v.threshold ? { threshold: v.threshold } : {}),
            ...(v.vocab === false ? { useVocabulary: false } : {}),
          },
          notes,
        };
      }
      if (match !== '$sentence') return { reason: `capitalization "${match}" with scope "${declared.join(', ')}" checks the case of whole paragraphs or sentences; the engine checks it in headings only` };
      return { rule: { ...common, kind: 'capitalization', mode: 'sentence-start' }, notes };
    }
    case 'conditional':
      return { rule: { ...common, kind: 'conditional', first: regex(v.first ?? ''), second: regex(v.second ?? ''), ignoreCase, exceptions: v.exceptions }, notes };
    case 'metric': {
      const formula = String(v.formula ?? '');
      const check = compileFormula(formula);
      if (!check.ok) return { reason: `metric formula not mappable: ${check.message}` };
      return { rule: { ...common, kind: 'metric', formula, condition: String(v.condition ?? ''), scope: 'text', decimals: 2 }, notes };
    }
    case 'readability': {
      const metrics = v.metrics ?? [];
      const unknown = metrics.filter((m) => !READABILITY[m]);
      if (!metrics.length || unknown.length) return { reason: `readability metrics not mappable: ${unknown.join(', ') || 'none given'}` };
      const formula = `(${metrics.map((m) => `(${READABILITY[m]})`).join(' + ')}) / ${metrics.length}`;
      return { rule: { ...common, kind: 'metric', formula, condition: `> ${Number(v.grade ?? 8)}`, scope: 'text', minWords: 20, decimals: 2 }, notes };
    }
    case 'spelling':
      return spelling(common, v, opts, notes);
    case 'sequence': {
      if (v.action?.name) notes.push(`action "${v.action.name}" has no equivalent; imported without a fix`);
      const tokens = (v as unknown as { tokens: SequenceToken[] }).tokens.map((t) => ({
        ...(t.pattern !== undefined && String(t.pattern) ? { pattern: regex(String(t.pattern)) } : {}),
        ...(t.tag !== undefined && String(t.tag) ? { tag: translateRegex(String(t.tag)).source } : {}),
        negate: t.negate ?? false,
        skip: t.skip ?? 0,
      }));
      // Vale's own tagger is English only, as is wink-pos-tagger's lexicon.
      return { rule: { ...common, kind: 'sequence', language: 'en', tokens, ignoreCase }, notes };
    }
    default:
      return { reason: type ? `unknown rule type "${type}"` : 'no "extends" key' };
  }
}

/** Words Vale's spelling check always skips: hyphenated (remark-gfm), camel-cased (MacBook), file names (config.yml). */
export const VALE_SPELLING_FILTERS = ['\\w+-\\w+', '[A-Z][a-z]+[A-Z]\\w*', '\\w+\\.\\w{1,4}\\b'];

/** Vale's own dictionary is en_US; a style's words come from its `ignore` files and custom dictionaries. */
function spelling(common: Record<string, unknown>, v: ValeRule, opts: ValeImportOptions, notes: string[]): Converted {
  const accept: string[] = [];
  const read = (path: string, what: string) => {
    const body = opts.readFile?.(path);
    if (body === undefined) notes.push(`${what} "${path}" not found; imported without its words`);
    return body ?? '';
  };
  for (const file of typeof v.ignore === 'string' ? [v.ignore] : (v.ignore ?? [])) {
    accept.push(...read(file, 'ignore file').split(/\r?\n/).map((l) => l.trim()).filter((l) => l && !l.startsWith('#')));
  }
  for (const dict of v.dictionaries ?? []) {
    if (/^en[-_]US$/i.test(dict)) continue;
    // A .dic file lists stems with affix flags; the stems are taken as accepted words, their inflections are not.
    const stems = read(`${v.dicpath ? `${v.dicpath}/` : ''}${dict}.dic`, 'dictionary').split(/\r?\n/).slice(1).map((l) => l.split('/')[0]!.trim()).filter(Boolean);
    if (stems.length) notes.push(`dictionary "${dict}": its ${stems.length} stems are accepted words; their affixed forms are not`);
    accept.push(...stems);
  }
  if (v.custom && !(v.dictionaries ?? []).some((d) => /^en[-_]US$/i.test(d))) notes.push('custom dictionaries replace en_US in Vale; here they are added to it');
  return {
    rule: {
      ...common, kind: 'spelling', dictionary: 'en', checkNames: true,
      ...(accept.length ? { accept: [...new Set(accept)] } : {}),
      filters: [...VALE_SPELLING_FILTERS, ...(v.filters ?? []).map((f) => translateRegex(String(f)).source)],
    },
    notes,
  };
}

function joinRawAndTokens(raw: string[], tokens: string[], nonword: boolean, append: boolean): { patterns: string[] } {
  const group = tokens.length ? (nonword ? `(?:${tokens.join('|')})` : `\\b(?:${tokens.join('|')})\\b`) : '';
  return { patterns: [append ? group + raw.join('') : raw.join('') + group] };
}

/** Vale's case styles for `match`. */
const CASES: Record<string, 'title' | 'sentence' | 'lower' | 'upper'> = { $title: 'title', $sentence: 'sentence', $lower: 'lower', $upper: 'upper' };

/** A Vale regex as JavaScript, its `(?i)` kept in front: each capitalization pattern and exception has its own case. */
function anyCaseRegex(src: string): string {
  const t = translateRegex(src);
  return t.ignoreCase ? `(?i)${t.source}` : t.source;
}

const isLiteral = (s: string) => /^[\p{L}\p{N}\s'’-]+$/u.test(s);

/**
 * Vale uses Go's RE2 syntax. The differences that matter here: an `(?i)` prefix for case, `(?P<name>`
 * groups, POSIX classes, and escapes of plain punctuation that JavaScript's `u` mode refuses.
 */
export function translateRegex(src: string): { source: string; ignoreCase: boolean } {
  let s = src;
  let ignoreCase = false;
  if (s.startsWith('(?i)')) {
    ignoreCase = true;
    s = s.slice(4);
  }
  s = s
    .replace(/\(\?P</g, '(?<')
    .replace(/\[:alpha:\]/g, '\\p{L}')
    .replace(/\[:digit:\]/g, '\\d')
    .replace(/\[:space:\]/g, '\\s')
    .replace(/\[:upper:\]/g, '\\p{Lu}')
    .replace(/\[:lower:\]/g, '\\p{Ll}')
    .replace(/\[:alnum:\]/g, '\\p{L}\\p{N}')
    .replace(/\[:punct:\]/g, '\\p{P}');
  // In `u` mode only syntax characters may be escaped; "\-" stays valid inside a class only.
  s = s.replace(/\\(.)/g, (all, c: string, at: number) => (/[\p{L}\p{N}\\^$.*+?()[\]{}|/]/u.test(c) || (c === '-' && insideClass(s, at)) ? all : c));
  return { source: s, ignoreCase };
}

function insideClass(s: string, at: number): boolean {
  let inClass = false;
  for (let i = 0; i < at; i++) {
    if (s[i] === '\\') i++;
    else if (s[i] === '[') inClass = true;
    else if (s[i] === ']') inClass = false;
  }
  return inClass;
}

import { parse as parseYaml, YAMLParseError } from 'yaml';
import { compilePack } from './compile';
import { compileFormula } from './formula';
import { rule as ruleSchema, voicePack, type Rule, type VoicePack } from './pack';

export interface ValeFile {
  path: string;
  yaml: string;
}
export interface Unsupported {
  rule: string;
  reason: string;
}

const LEVELS: Record<string, Rule['severity']> = { error: 'error', warning: 'warning', suggestion: 'suggestion' };
/** Vale scopes a reply has: markup-only scopes (heading, table, list, code...) have no equivalent. */
const TEXT_SCOPES = new Set(['text', 'sentence', 'paragraph', 'raw', 'summary', 'body', 'alt']);
const UNSUPPORTED_TYPES: Record<string, string> = {
  spelling: 'spelling needs a Hunspell dictionary; the voice engine checks style, not spelling',
  sequence: 'sequence rules need part-of-speech tagging, which the engine does not run in the page',
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
export function importVale(files: readonly ValeFile[], style: string): { pack: VoicePack; unsupported: Unsupported[] } {
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
    const converted = convert(id, doc as ValeRule, style, name);
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
  match?: string;
  first?: string;
  second?: string;
  formula?: string;
  condition?: string;
  metrics?: string[];
  grade?: number;
  action?: { name?: string; params?: string[] };
}

type Converted = { rule: Record<string, unknown>; notes: string[] } | { reason: string };

function convert(id: string, v: ValeRule, style: string, name: string): Converted {
  const type = String(v.extends ?? '');
  if (UNSUPPORTED_TYPES[type]) return { reason: `${type}: ${UNSUPPORTED_TYPES[type]}` };
  const scopes = (Array.isArray(v.scope) ? v.scope : v.scope ? [v.scope] : ['text']).map((s) => s.replace(/^~/, '').split('.')[0]!);
  const defaultHeading = type === 'capitalization' && !v.scope;
  if (defaultHeading || !scopes.some((s) => TEXT_SCOPES.has(s))) {
    return { reason: `scope ${defaultHeading ? 'heading' : scopes.join(', ')} only: a reply has no such markup` };
  }
  const notes: string[] = [];
  const message = (v.message ?? `${style} ${name}`).trim();
  const common = {
    id,
    severity: LEVELS[v.level ?? ''] ?? 'suggestion',
    message,
    explanation: v.description?.trim() || `From the Vale style ${style} (${name}): ${message.replace(/%s/g, '…')}`,
    ...(v.link ? { link: v.link } : {}),
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
      const found = split(v.tokens);
      const raw = v.raw?.length ? [regex(v.raw.join(''))] : [];
      const patterns = [...(found.patterns ?? []), ...raw];
      let fixes: string[] | undefined;
      if (v.action?.name === 'remove') fixes = [''];
      else if (v.action?.name === 'replace') fixes = v.action.params ?? [];
      else if (v.action?.name) notes.push(`action "${v.action.name}" has no equivalent; imported without a fix`);
      return {
        rule: { ...common, kind: 'existence', ...found, ...(patterns.length ? { patterns } : {}), ignoreCase, nonword: v.nonword ?? false, exceptions: v.exceptions, fixes },
        notes,
      };
    }
    case 'substitution': {
      const entries = Object.entries(v.swap ?? {}).map(([k, val]) => [regex(k), String(val)] as const);
      const literal = entries.every(([k]) => isLiteral(k));
      const swap = Object.fromEntries(entries.map(([k, val]) => [k, val.includes('|') ? val.split('|').map((s) => s.trim()) : val]));
      return { rule: { ...common, kind: 'substitution', swap, regex: !literal, ignoreCase, nonword: v.nonword ?? false, exceptions: v.exceptions }, notes };
    }
    case 'occurrence':
      return { rule: { ...common, kind: 'occurrence', patterns: v.token ? [regex(v.token)] : [], ignoreCase, nonword: true, max: v.max, min: v.min, scope: sentenceScope }, notes };
    case 'repetition': {
      const patterns = v.alpha ? ['\\p{L}+'] : (v.tokens ?? []).map(regex);
      return { rule: { ...common, kind: 'repetition', ignoreCase, ...(patterns.length ? { patterns } : {}), exceptions: v.exceptions }, notes };
    }
    case 'capitalization':
      if (v.match !== '$sentence') return { reason: `capitalization "${v.match}" applies to headings and titles, which a reply does not have` };
      return { rule: { ...common, kind: 'capitalization', mode: 'sentence-start' }, notes };
    case 'conditional':
      return { rule: { ...common, kind: 'conditional', first: regex(v.first ?? ''), second: regex(v.second ?? ''), ignoreCase, exceptions: v.exceptions }, notes };
    case 'metric': {
      const formula = String(v.formula ?? '');
      const check = compileFormula(formula);
      if (!check.ok) return { reason: `metric formula not mappable: ${check.message}` };
      return { rule: { ...common, kind: 'metric', formula, condition: String(v.condition ?? ''), scope: 'text' }, notes };
    }
    case 'readability': {
      const metrics = v.metrics ?? [];
      const unknown = metrics.filter((m) => !READABILITY[m]);
      if (!metrics.length || unknown.length) return { reason: `readability metrics not mappable: ${unknown.join(', ') || 'none given'}` };
      const formula = `(${metrics.map((m) => `(${READABILITY[m]})`).join(' + ')}) / ${metrics.length}`;
      return { rule: { ...common, kind: 'metric', formula, condition: `> ${Number(v.grade ?? 8)}`, scope: 'text', minWords: 20 }, notes };
    }
    default:
      return { reason: type ? `unknown rule type "${type}"` : 'no "extends" key' };
  }
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

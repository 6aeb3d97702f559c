import { compilePack, type CompiledPack } from './compile';
import type { CheckContext } from './context';
import type { Finding, Severity, VoicePack } from './pack';
import { inScope, markdownBlocks, maskMarkdown, type Block } from './markdown';
import { fold, TextDoc, type Span } from './text';

export type { CheckContext } from './context';

const RANK: Record<Severity, number> = { error: 0, warning: 1, suggestion: 2 };

/** Key for "ignore for this brand": the same rule on the same words, anywhere. */
export const ignoreForBrandKey = (f: Pick<Finding, 'ruleId' | 'match'>) => `${f.ruleId}:${fold(f.match)}`;
/** Key for "ignore here": this rule, these words, at this offset of this reply. */
export const ignoreHereKey = (f: Pick<Finding, 'ruleId' | 'match' | 'start'>) => `${f.ruleId}:${f.start}:${f.match}`;

/**
 * Checks a reply against one pack or several (a brand pack plus the crisis pack). Returns findings
 * sorted by start, without duplicates, without those on vocabulary terms or ignored by the user.
 * Never throws: a rule that fails is skipped.
 */
export function check(text: string, packs: VoicePack | CompiledPack | readonly (VoicePack | CompiledPack)[], ctx: CheckContext = {}): Finding[] {
  const list = Array.isArray(packs) ? packs : [packs];
  const markdown = ctx.markup === 'markdown';
  const masked = markdown ? maskMarkdown(text) : text;
  let blocks: Block[] | undefined;
  const blocksOf = () => (blocks ??= markdown ? markdownBlocks(text, masked) : []);
  const raw = new TextDoc(text, blocksOf);
  const doc = markdown ? new TextDoc(masked, blocksOf) : raw;
  const ignored = ctx.ignored instanceof Set ? ctx.ignored : new Set(ctx.ignored as readonly string[] | undefined);
  const found: Finding[] = [];
  for (const p of list as (VoicePack | CompiledPack)[]) {
    const compiled = 'pack' in p && 'errors' in p ? p : compilePack(p);
    const vocabulary = compiled.pack.vocabulary.length ? vocabularySpans(compiled, doc) : [];
    const terms = new Set(compiled.pack.vocabulary.map((t) => fold(t.replace(/^[#@]/, ''))));
    for (const { rule, run, vocabulary: silenced } of compiled.rules) {
      if (ctx.mode === 'expert' && rule.severity !== 'error') continue;
      if (rule.platforms && (!ctx.platform || !rule.platforms.includes(ctx.platform))) continue;
      if (rule.langs && ctx.lang && !rule.langs.includes(ctx.lang)) continue;
      let hits;
      try {
        hits = run(rule.raw ? raw : doc, ctx);
      } catch {
        continue;
      }
      const limits = 'blocks' in rule ? rule.blocks : undefined;
      for (const hit of hits) {
        if (limits && !inScope(blocksOf(), hit.start, limits)) continue;
        const match = text.slice(hit.start, hit.end);
        if (silenced && onVocabulary(hit, match, vocabulary, terms)) continue;
        const f: Finding = {
          ruleId: rule.id,
          severity: rule.severity,
          message: format(rule.message, hit.args, match),
          explanation: rule.explanation,
          ...(rule.link ? { link: rule.link } : {}),
          start: hit.start,
          end: hit.end,
          match,
          fixes: hit.fixes ?? [],
        };
        if (ignored.has(ignoreForBrandKey(f)) || ignored.has(ignoreHereKey(f))) continue;
        found.push(f);
      }
    }
  }
  return dedupe(found);
}

function vocabularySpans(compiled: CompiledPack, doc: TextDoc): Span[] {
  // A term found after # or @ covers the sign too.
  return compiled.vocabulary.find(doc).map((m) => ({ start: m.start > 0 && '#@'.includes(doc.text[m.start - 1]!) ? m.start - 1 : m.start, end: m.end }));
}

function onVocabulary(hit: Span, match: string, spans: Span[], terms: Set<string>): boolean {
  const term = (w: string) => terms.has(fold(w.replace(/^[#@]/, '')));
  // An accepted term, or accepted terms only ("Vigie Vigie" is no repetition to flag).
  if (term(match.trim()) || match.trim().split(/\s+/).every(term)) return true;
  return spans.some((v) => hit.start >= v.start && hit.end <= v.end);
}

/** Vale-style messages: each `%s` takes the next argument, `%[n]s` the n-th (as Go's Sprintf), or the matched text. */
function format(message: string, args: (string | number)[] | undefined, match: string): string {
  let k = 0;
  // A message is one line: a match across lines reads with a space, as in Vale's output.
  return message.replace(/%(?:\[(\d+)\])?s/g, (_, n?: string) => {
    if (n) k = Number(n) - 1;
    return String(args?.[k++] ?? match).replace(/\s*\n\s*/g, ' ');
  });
}

/** One finding per rule and range; the same range and fixes from two rules keep the more severe one. */
function dedupe(findings: Finding[]): Finding[] {
  findings.sort((a, b) => a.start - b.start || a.end - b.end || RANK[a.severity] - RANK[b.severity]);
  const seen = new Set<string>();
  return findings.filter((f) => {
    const byRule = `${f.start}:${f.end}:${f.ruleId}`;
    const byFix = f.fixes.length ? `${f.start}:${f.end}:=${JSON.stringify(f.fixes)}` : byRule;
    if (seen.has(byRule) || seen.has(byFix)) return false;
    seen.add(byRule).add(byFix);
    return true;
  });
}

export interface FixResult {
  text: string;
  applied: Finding[];
  /** Findings left alone: no fix, or overlapping a fix already applied. */
  skipped: Finding[];
}

/**
 * Applies one fix per finding, from the end of the text backwards so earlier offsets stay valid,
 * skipping any finding that overlaps one already applied (textlint's approach). `choice` picks the
 * fix index per finding (the first by default; undefined skips the finding).
 */
export function applyFixes(text: string, findings: readonly Finding[], choice: (f: Finding) => number | undefined = () => 0): FixResult {
  const order = [...findings].sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  let limit = Infinity;
  const applied: Finding[] = [];
  const skipped: Finding[] = [];
  for (const f of order) {
    const k = choice(f);
    const fix = k === undefined ? undefined : f.fixes[k];
    if (fix === undefined || f.end > limit || f.end > text.length) {
      skipped.push(f);
      continue;
    }
    out = out.slice(0, f.start) + fix + out.slice(f.end);
    limit = f.start;
    applied.push(f);
  }
  return { text: out, applied: applied.reverse(), skipped: skipped.reverse() };
}

/** Counts for a composer's summary badge. */
export function summarize(findings: readonly Finding[]): Record<Severity, number> {
  const counts = { error: 0, warning: 0, suggestion: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

import type { JsonPath } from './json-locate';
import { checkRegexSafety } from './regex-safety';
import { atWordBoundaries, fold, type Span, type TextDoc } from './text';

export interface Match extends Span {
  /** Capture groups of a pattern match (index 1 onward); absent for literal tokens. */
  groups?: (string | undefined)[];
}

export interface MatchSpec {
  tokens?: string[];
  patterns?: string[];
  ignoreCase?: boolean;
  nonword?: boolean;
  exceptions?: string[];
  /** Most matches kept (MAX_MATCHES unless said): counting rules need every one, underlines do not. */
  limit?: number;
}

/** At most this many matches per matcher and text: a pack cannot flood the page with underlines. */
const MAX_MATCHES = 500;

export interface Matcher {
  find(doc: TextDoc): Match[];
}

interface TrieNode {
  next: Map<string, TrieNode>;
  entries?: { matcher: number; token: string; caseSensitive: boolean; nonword: boolean }[];
}

/**
 * Compiles the tokens and patterns of one pack. Literal tokens of every rule go into one trie
 * walked once per text, so 300 word-list rules cost one pass rather than 300 regex scans.
 */
export class PackCompiler {
  readonly errors: { path: JsonPath; message: string }[] = [];
  private trie: TrieNode = { next: new Map() };
  private matcherCount = 0;
  private limits: number[] = [];

  /** `vocabulary`: the pack's accepted terms, which some rules take as exceptions of their own. */
  constructor(readonly vocabulary: readonly string[] = []) {}

  error(path: JsonPath, message: string): void {
    this.errors.push({ path, message });
  }

  /** A safe, compiled global regex, or undefined (with an error recorded) when refused. */
  regex(source: string, path: JsonPath, ignoreCase = false): RegExp | undefined {
    let re: RegExp;
    try {
      re = new RegExp(source, ignoreCase ? 'giu' : 'gu');
    } catch (err) {
      this.error(path, `invalid regular expression: ${(err as Error).message}`);
      return undefined;
    }
    const verdict = checkRegexSafety(source, ignoreCase);
    if (!verdict.ok) {
      this.error(path, `unsafe regular expression refused: ${verdict.reason}`);
      return undefined;
    }
    return re;
  }

  matcher(spec: MatchSpec, path: JsonPath): Matcher {
    const ignoreCase = spec.ignoreCase ?? true;
    const nonword = spec.nonword ?? false;
    const id = this.matcherCount++;
    const limit = (this.limits[id] = spec.limit ?? MAX_MATCHES);
    for (const token of spec.tokens ?? []) this.addToken(id, token, !ignoreCase, nonword);
    const regexes = (spec.patterns ?? [])
      .map((p, k) => this.regex(p, [...path, 'patterns', k], ignoreCase))
      .filter((r): r is RegExp => !!r);
    const exceptions = (spec.exceptions ?? []).map(fold).filter(Boolean);
    const hasTokens = (spec.tokens?.length ?? 0) > 0;
    return {
      find: (doc) => {
        const found: Match[] = hasTokens ? [...(this.literalMatches(doc).get(id) ?? [])] : [];
        for (const re of regexes) found.push(...execAll(re, doc.text, nonword, limit));
        const kept = exceptions.length ? dropExceptions(doc, found, exceptions) : found;
        if (hasTokens && regexes.length) kept.sort((a, b) => a.start - b.start || b.end - a.end);
        return kept.slice(0, limit);
      },
    };
  }

  private addToken(matcher: number, token: string, caseSensitive: boolean, nonword: boolean): void {
    let node = this.trie;
    for (const ch of fold(token)) {
      let next = node.next.get(ch);
      if (!next) node.next.set(ch, (next = { next: new Map() }));
      node = next;
    }
    (node.entries ??= []).push({ matcher, token: token.replace(/’/g, "'"), caseSensitive, nonword });
  }

  /** Every token occurrence in the text, grouped by matcher; overlapping and nested tokens are all found. */
  private literalMatches(doc: TextDoc): Map<number, Match[]> {
    return doc.cached(this, () => {
      const out = new Map<number, Match[]>();
      const { folded, text } = doc;
      for (let i = 0; i < folded.length; i++) {
        let node: TrieNode | undefined = this.trie.next.get(folded[i]!);
        let j = i + 1;
        while (node) {
          if (node.entries) {
            for (const e of node.entries) {
              if (!e.nonword && !atWordBoundaries(text, i, j)) continue;
              if (e.caseSensitive && text.slice(i, j).replace(/’/g, "'") !== e.token) continue;
              let list = out.get(e.matcher);
              if (!list) out.set(e.matcher, (list = []));
              if (list.length < this.limits[e.matcher]!) list.push({ start: i, end: j });
            }
          }
          if (j >= folded.length) break;
          node = node.next.get(folded[j++]!);
        }
      }
      return out;
    });
  }
}

/** Drops matches lying inside an occurrence of an exception ("promo" inside "promo code"). */
function dropExceptions(doc: TextDoc, found: Match[], exceptions: string[]): Match[] {
  const spans: Span[] = [];
  for (const e of exceptions) {
    for (let at = doc.folded.indexOf(e); at >= 0; at = doc.folded.indexOf(e, at + 1)) {
      if (atWordBoundaries(doc.text, at, at + e.length)) spans.push({ start: at, end: at + e.length });
    }
  }
  return found.filter((m) => !spans.some((s) => m.start >= s.start && m.end <= s.end));
}

/** All matches of a global regex; zero-length matches are skipped, word boundaries enforced unless nonword. */
export function execAll(re: RegExp, text: string, nonword = true, limit = MAX_MATCHES): Match[] {
  const out: Match[] = [];
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) && out.length < limit) {
    const start = m.index, end = start + m[0].length;
    if (end === start) {
      re.lastIndex = start + 1;
      continue;
    }
    if (!nonword && !atWordBoundaries(text, start, end)) {
      re.lastIndex = start + 1;
      continue;
    }
    out.push({ start, end, groups: m.length > 1 ? m.slice(1) : undefined });
  }
  return out;
}

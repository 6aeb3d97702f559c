/**
 * The template language, kept deliberately tiny:
 *
 *   {{author.firstName}}                     a variable
 *   {{author.firstName | author.name}}       the first one that has a value
 *   {{author.firstName | "vous"}}            a quoted default when none has
 *   {{"{{"}}                                 a literal "{{" (a default alone)
 *
 * A path is letters, digits and `_`, dotted (`date.businessDays.3`). Inside quotes, `\"` and `\\`
 * escape. A lone `{` or `}` is plain text. Values are never parsed: only the template's own source
 * goes through this compiler, so nothing a commenter writes can expand into a variable.
 */

export type Alternative = { kind: 'var'; path: string } | { kind: 'literal'; value: string };

export type Part =
  | { kind: 'text'; text: string }
  | { kind: 'expr'; alternatives: Alternative[]; start: number; end: number };

export interface SyntaxIssue {
  /** UTF-16 offsets [start, end) in the source. */
  start: number;
  end: number;
  message: string;
}

export interface Compiled {
  parts: Part[];
  issues: SyntaxIssue[];
}

const PATH = /^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)*$/;

/** Finds the `}}` closing an expression opened at `from`, skipping quoted strings. -1 when none. */
function findClose(source: string, from: number): number {
  let inQuote = false;
  for (let i = from; i < source.length; i++) {
    const c = source[i];
    if (inQuote) {
      if (c === '\\') i++;
      else if (c === '"') inQuote = false;
    } else if (c === '"') inQuote = true;
    else if (c === '}' && source[i + 1] === '}') return i;
  }
  return -1;
}

/** Splits an expression body on `|` outside quotes. */
function splitAlternatives(body: string): string[] {
  const out: string[] = [];
  let inQuote = false;
  let current = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (inQuote) {
      current += c;
      if (c === '\\' && i + 1 < body.length) current += body[++i];
      else if (c === '"') inQuote = false;
    } else if (c === '"') {
      inQuote = true;
      current += c;
    } else if (c === '|') {
      out.push(current);
      current = '';
    } else current += c;
  }
  out.push(current);
  return out;
}

function parseLiteral(raw: string): string | null {
  if (raw.length < 2 || !raw.startsWith('"') || !raw.endsWith('"')) return null;
  let value = '';
  for (let i = 1; i < raw.length - 1; i++) {
    const c = raw[i]!;
    if (c === '\\') {
      const next = raw[i + 1];
      if (next !== '"' && next !== '\\') return null;
      value += next;
      i++;
    } else if (c === '"') return null;
    else value += c;
  }
  return value;
}

function compileUncached(source: string): Compiled {
  const parts: Part[] = [];
  const issues: SyntaxIssue[] = [];
  let text = '';
  let i = 0;
  while (i < source.length) {
    const open = source.indexOf('{{', i);
    if (open === -1) {
      text += source.slice(i);
      break;
    }
    text += source.slice(i, open);
    const close = findClose(source, open + 2);
    if (close === -1) {
      issues.push({ start: open, end: source.length, message: '"{{" is never closed by "}}"' });
      text += source.slice(open);
      break;
    }
    const end = close + 2;
    const alternatives: Alternative[] = [];
    let bad: string | null = null;
    const raws = splitAlternatives(source.slice(open + 2, close)).map((s) => s.trim());
    for (const [k, raw] of raws.entries()) {
      if (raw === '') {
        bad = 'empty variable';
        break;
      }
      if (raw.startsWith('"')) {
        const value = parseLiteral(raw);
        if (value === null) {
          bad = `bad quoted default ${raw} (escape quotes as \\" and backslashes as \\\\)`;
          break;
        }
        if (k !== raws.length - 1) {
          bad = `quoted default ${raw} must come last: what follows it is never used`;
          break;
        }
        alternatives.push({ kind: 'literal', value });
      } else if (PATH.test(raw)) alternatives.push({ kind: 'var', path: raw });
      else {
        bad = `"${raw}" is not a variable name (letters, digits, "_" and dots) nor a quoted default`;
        break;
      }
    }
    if (bad) {
      issues.push({ start: open, end, message: bad });
      text += source.slice(open, end);
    } else {
      if (text) parts.push({ kind: 'text', text });
      text = '';
      parts.push({ kind: 'expr', alternatives, start: open, end });
    }
    i = end;
  }
  if (text) parts.push({ kind: 'text', text });
  return { parts, issues };
}

// Bodies are rendered over and over (picker previews, every keystroke of a search): compile each once.
const cache = new Map<string, Compiled>();
const CACHE_MAX = 2000;

export function compile(source: string): Compiled {
  let compiled = cache.get(source);
  if (!compiled) {
    if (cache.size >= CACHE_MAX) cache.clear();
    compiled = compileUncached(source);
    cache.set(source, compiled);
  }
  return compiled;
}

/** Every variable path a source refers to, in order of first appearance. */
export function variablesOf(source: string): string[] {
  const seen = new Set<string>();
  for (const part of compile(source).parts) {
    if (part.kind !== 'expr') continue;
    for (const alt of part.alternatives) if (alt.kind === 'var') seen.add(alt.path);
  }
  return [...seen];
}

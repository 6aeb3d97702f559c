/**
 * Markdown's non-prose parts, blanked so the rules never read them: fenced and indented code,
 * inline code, link and image targets, autolinks and bare URLs, HTML tags and comments, front
 * matter, and the markers of headings, lists and quotes. Each blanked character becomes U+E000 (a
 * private-use character: neither a letter nor a space), so offsets do not move, words on either
 * side are not joined, and no two words become "repeated" across code.
 */
export const BLANK = '\uE000';

export function maskMarkdown(text: string): string {
  const out = text.split('');
  const blank = (from: number, to: number) => {
    for (let i = from; i < to; i++) if (out[i] !== '\n') out[i] = BLANK;
  };
  const each = (re: RegExp, fn: (m: RegExpExecArray) => void) => {
    for (const m of text.matchAll(re)) fn(m as RegExpExecArray);
  };
  const front = /^---\n[\s\S]*?\n---(?:\n|$)/.exec(text);
  if (front) blank(0, front[0].length);
  // Fenced blocks, their fences included; a longer fence can hold shorter ones.
  each(/^( {0,3})(`{3,}|~{3,})[^\n]*\n[\s\S]*?(?:^ {0,3}\2[`~]*[ \t]*$|(?![\s\S]))/gm, (m) => blank(m.index, m.index + m[0].length));
  // Indented code: four spaces after a blank line.
  each(/(?:^|\n\n)((?: {4}|\t)[^\n]*(?:\n(?: {4}|\t)[^\n]*)*)/g, (m) => {
    const start = m.index + m[0].length - m[1]!.length;
    if (out[start] !== BLANK) blank(start, start + m[1]!.length);
  });
  each(/<!--[\s\S]*?-->|<\/?[A-Za-z][^>\n]*>/g, (m) => blank(m.index, m.index + m[0].length));
  each(/(`+)[^`\n][\s\S]*?\1/g, (m) => blank(m.index, m.index + m[0].length));
  // [text](target "title") and ![alt](src): the text is prose, the target is not.
  for (let at = text.indexOf(']('); at >= 0; at = text.indexOf('](', at + 1)) {
    const end = closingParen(text, at + 1);
    if (end > 0) blank(at + 1, end + 1);
  }
  each(/^ {0,3}\[[^\]\n]+\]:[^\n]*/gm, (m) => blank(m.index, m.index + m[0].length));
  each(/<(?:https?|mailto):[^>\s]+>|\b(?:https?:\/\/|www\.)[^\s<>()\]]+/g, (m) => blank(m.index, m.index + m[0].length));
  each(/^ {0,3}(?:#{1,6}[ \t]+|>[ \t]?|[-*+][ \t]+|\d{1,9}[.)][ \t]+)/gm, (m) => blank(m.index, m.index + m[0].length));
  return out.join('');
}

/** The `)` closing the `(` at `open`, parentheses nested in the target counted; -1 past a line break. */
function closingParen(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') return -1;
    if (c === '\\') i++;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  return -1;
}

/** Markdown blocks a rule can be limited to, as Vale names them. */
export type BlockName = 'heading' | `heading.h${1 | 2 | 3 | 4 | 5 | 6}` | 'blockquote' | 'list' | 'table' | 'paragraph';
export const BLOCK_SCOPE_RE = /^~?(?:heading(?:\.h[1-6])?|blockquote|list|table(?:\.(?:cell|header|caption))?|paragraph|text)(?:\s*&\s*~?(?:heading(?:\.h[1-6])?|blockquote|list|table(?:\.(?:cell|header|caption))?|paragraph|text))*$/;

export interface Block {
  start: number;
  end: number;
  names: Set<string>;
  /** A heading's text, as Vale reads it (headings only). */
  heading?: HeadingText;
  /** The line opens a list item: what Vale's metric formulas count as one `list`. */
  item?: true;
}

/**
 * A heading's text as Vale lints it (the rendered heading): inline code stands as one `*` per
 * character, Vale's stand-in for code, so it counts as characters and reads as a word of no case;
 * a link reads as its text; images, HTML tags, emphasis marks and escapes' backslashes are not there.
 */
export interface HeadingText {
  /** The heading's text in the source: after its marker, before its closing #s. */
  start: number;
  end: number;
  text: string;
  /** Where each character of `text` is in the source. */
  at: number[];
  /** Its inline code spans as written, in order, with the number of stars each stands as in `text` and where they start there. */
  code: { written: string; length: number; at: number }[];
}

/**
 * The headings (ATX and setext, with their level), block quotes, list items and tables of a
 * Markdown text, line by line; code, already blanked by maskMarkdown, belongs to none.
 */
export function markdownBlocks(text: string, masked: string): Block[] {
  const lines: { start: number; end: number; raw: string; code: boolean }[] = [];
  let fence: string | undefined;
  for (let at = 0; at <= text.length; ) {
    const nl = text.indexOf('\n', at);
    const end = nl < 0 ? text.length : nl;
    const raw = text.slice(at, end);
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(raw)?.[1];
    let code = fence !== undefined;
    if (marker && (fence === undefined || (marker[0] === fence[0] && marker.length >= fence.length))) {
      fence = fence === undefined ? marker : undefined;
      code = true;
    }
    // Indented code is what maskMarkdown blanked whole on a line of its own.
    if (!code && /^(?: {4}|\t)/.test(raw) && masked.slice(at, end).replace(/[\uE000\s]/g, '') === '') code = true;
    lines.push({ start: at, end, raw, code });
    if (nl < 0) break;
    at = nl + 1;
  }
  const blocks: Block[] = [];
  const blank = (k: number) => !lines[k] || lines[k]!.raw.trim() === '';
  let inQuote = false, inList = false, inTable = false;
  // Where the text of the list's outermost open item starts (its marker and the spaces after it).
  let itemColumn = 0;
  for (let k = 0; k < lines.length; k++) {
    const { start, end, raw, code } = lines[k]!;
    if (blank(k) || code) {
      inQuote = inList = inTable = false;
      continue;
    }
    // A thematic break is no list item, though `* * *` and `- - -` read as one (CommonMark 4.1, 5.2; goldmark tries it
    // first): it has no text, and it ends a quote, a table and a list, but for one indented into a list item's text.
    // (A setext underline, `---` under a paragraph's line, was taken with that line.)
    if (THEMATIC_BREAK_RE.test(raw)) {
      inQuote = inTable = false;
      if (/^ */.exec(raw)![0].length < itemColumn) inList = false;
      continue;
    }
    const names = new Set<string>();
    const atx = /^ {0,3}(#{1,6})(?:[ \t]|$)/.exec(raw);
    const under = lines[k + 1] && !lines[k + 1]!.code ? /^ {0,3}(=+|-+)[ \t]*$/.exec(lines[k + 1]!.raw) : null;
    if (/^ {0,3}>/.test(raw)) inQuote = true;
    const marker = LIST_ITEM_RE.exec(raw)?.[0];
    if (marker !== undefined) {
      if (!inList || /^ */.exec(raw)![0].length < itemColumn) itemColumn = marker.length;
      inList = true;
    }
    // An item holding nothing but a thematic break (`- * * *`) has no text: Vale counts none.
    const item = marker !== undefined && !THEMATIC_BREAK_RE.test(raw.slice(marker.length));
    let header = false;
    if (!inTable && raw.includes('|') && lines[k + 1] && /^ {0,3}\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$/.test(lines[k + 1]!.raw) && lines[k + 1]!.raw.includes('-')) {
      inTable = header = true;
    }
    if (atx) names.add('heading').add(`heading.h${atx[1]!.length}`);
    else if (under && !inQuote && !inList && !inTable) {
      names.add('heading').add(`heading.h${under[1]!.startsWith('=') ? 1 : 2}`);
      blocks.push({ start, end, names, heading: headingText(text, start, end, false) }, { start: lines[k + 1]!.start, end: lines[k + 1]!.end, names: new Set() });
      k++;
      continue;
    }
    if (inQuote) names.add('blockquote');
    if (inList) names.add('list');
    if (inTable) names.add('table').add(header ? 'table.header' : 'table.cell');
    if (!names.has('heading') && !names.has('table')) names.add('paragraph');
    blocks.push({ start, end, names, ...(atx ? { heading: headingText(text, start, end, true) } : {}), ...(item ? { item } : {}) });
  }
  return blocks;
}

const LIST_ITEM_RE = /^ {0,3}(?:[-*+]|\d{1,9}[.)])[ \t]+/;
/** Three or more `-`, `*` or `_`, the same, spaces or tabs between them (CommonMark 4.1). */
const THEMATIC_BREAK_RE = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;

/** See HeadingText; `from`..`to` is the heading's line, ATX (`# Title #`) or setext (its text line). */
function headingText(source: string, from: number, to: number, atx: boolean): HeadingText {
  const line = source.slice(from, to);
  const s = (atx ? /^ {0,3}#{1,6}(?:[ \t]+|$)/ : /^ {0,3}/).exec(line)![0].length;
  const e = Math.max(s, atx ? line.replace(/(?:[ \t]+#+)?[ \t]*$/, '').length : line.trimEnd().length);
  const text: string[] = [];
  const at: number[] = [];
  const code: HeadingText['code'] = [];
  const emit = (ch: string, i: number) => {
    text.push(ch);
    at.push(from + i);
  };
  // Where a link's text ends: its "](target)" is skipped.
  const targets = new Map<number, number>();
  for (let i = s; i < e; ) {
    const c = line[i]!;
    const next = targets.get(i);
    if (next !== undefined) {
      i = next;
      continue;
    }
    if (c === '\\' && i + 1 < e && /[!-\/:-@[-`{-~]/.test(line[i + 1]!)) {
      emit(line[i + 1]!, i + 1);
      i += 2;
      continue;
    }
    if (c === '`') {
      const run = /^`+/.exec(line.slice(i, e))![0];
      const close = closingRun(line, i + run.length, e, run.length);
      if (close < 0) {
        for (let k = 0; k < run.length; k++) emit('`', i + k);
        i += run.length;
        continue;
      }
      let a = i + run.length, b = close;
      // CommonMark drops one space on each side of code that has both and is not all spaces.
      if (b - a > 2 && line[a] === ' ' && line[b - 1] === ' ' && line.slice(a, b).trim()) {
        a++;
        b--;
      }
      code.push({ written: line.slice(i, close + run.length), length: b - a, at: text.length });
      for (let k = a; k < b; k++) emit('*', k);
      i = close + run.length;
      continue;
    }
    const image = c === '!' && line[i + 1] === '[';
    if (c === '[' || image) {
      const open = image ? i + 1 : i;
      const rb = line.indexOf('](', open);
      const end = rb > 0 && rb < e ? closingParen(line, rb + 1) : -1;
      if (end > 0 && end < e) {
        // An image's alt text is not part of the heading (Vale lints it as alt).
        if (image) i = end + 1;
        else {
          targets.set(rb, end + 1);
          i++;
        }
        continue;
      }
    }
    if (c === '<') {
      const auto = /^<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*>/.exec(line.slice(i, e));
      if (auto) {
        for (let k = 1; k < auto[0].length - 1; k++) emit(line[i + k]!, i + k);
        i += auto[0].length;
        continue;
      }
      const tag = /^(?:<!--[\s\S]*?-->|<\/?[A-Za-z][^>]*>)/.exec(line.slice(i, e));
      if (tag) {
        i += tag[0].length;
        continue;
      }
    }
    // Emphasis marks: a run that could open or close emphasis is not there; one that can do neither (the
    // star of "5 * 3", the underscore of snake_case) is text, all of it.
    const marks = /^(?:\*+|~~+|_+)/.exec(line.slice(i, e))?.[0];
    if (marks) {
      if (!delimiter(line, i, i + marks.length, s, e)) for (let k = 0; k < marks.length; k++) emit(c, i + k);
      i += marks.length;
      continue;
    }
    emit(c, i);
    i++;
  }
  let lo = 0, hi = text.length;
  while (lo < hi && /\s/.test(text[lo]!)) lo++;
  while (hi > lo && /\s/.test(text[hi - 1]!)) hi--;
  return { start: from + s, end: from + e, text: text.slice(lo, hi).join(''), at: at.slice(lo, hi), code: code.map((c) => ({ ...c, at: c.at - lo })) };
}

/**
 * Whether the run of `*`, `_` or `~` at line[from, to) can open or close emphasis (or strikethrough), by
 * CommonMark's flanking rules as goldmark applies them (ScanDelimiter): left-flanking when not followed by
 * whitespace and, if followed by punctuation, preceded by whitespace or punctuation; right-flanking the other
 * way round. `*` and `~` open when left-flanking, close when right-flanking; `_` opens when left-flanking and
 * not right-flanking or preceded by punctuation, and the other way round to close. The heading's text starts
 * and ends at whitespace. Whether the run finds its partner is not looked at.
 */
function delimiter(line: string, from: number, to: number, s: number, e: number): boolean {
  const before = from > s ? String.fromCodePoint(line.codePointAt(from - (/[\uDC00-\uDFFF]/.test(line[from - 1]!) && from - 2 >= s ? 2 : 1))!) : '\n';
  const after = to < e ? String.fromCodePoint(line.codePointAt(to)!) : ' ';
  const spaceBefore = SPACE.test(before), spaceAfter = SPACE.test(after);
  const punctBefore = PUNCT.test(before), punctAfter = PUNCT.test(after);
  const left = !spaceAfter && (!punctAfter || spaceBefore || punctBefore);
  const right = !spaceBefore && (!punctBefore || spaceAfter || punctAfter);
  if (line[from] !== '_') return left || right;
  return (left && (!right || punctBefore)) || (right && (!left || punctAfter));
}

/** goldmark's IsSpaceRune (Go's unicode.IsSpace) and IsPunctRune (ASCII punctuation, Unicode's P categories). */
const SPACE = /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]$/u;
const PUNCT = /^(?:[!-\/:-@[-`{-~]|\p{P})$/u;

/** The start of the next run of exactly `n` backticks in line[from, to), or -1. */
function closingRun(line: string, from: number, to: number, n: number): number {
  for (let i = line.indexOf('`', from); i >= 0 && i < to; i = line.indexOf('`', i + 1)) {
    let k = i;
    while (line[k] === '`') k++;
    if (k - i === n && k <= to) return i;
    i = k - 1;
  }
  return -1;
}

/** Whether a position satisfies one of Vale's scope entries ("heading.h2", "~blockquote & ~heading"). */
export function inScope(blocks: Block[], at: number, scopes: readonly string[]): boolean {
  const here = blocks.find((b) => at >= b.start && at <= b.end)?.names ?? new Set(['paragraph']);
  const holds = (name: string) => name === 'text' || here.has(name);
  return scopes.some((entry) => entry.split('&').every((part) => {
    const p = part.trim();
    return p.startsWith('~') ? !holds(p.slice(1)) : holds(p);
  }));
}

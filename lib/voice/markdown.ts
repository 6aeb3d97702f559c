/**
 * Markdown's non-prose parts, blanked so the rules never read them: fenced and indented code,
 * inline code, link and image targets, autolinks and bare URLs, HTML tags and comments, front
 * matter, and the markers of headings, lists and quotes. Each blanked character becomes U+E000 (a
 * private-use character: neither a letter nor a space), so offsets do not move, words on either
 * side are not joined, and no two words become "repeated" across code.
 */
const BLANK = '\uE000';

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

/**
 * Case and accent folding that keeps every UTF-16 unit in place (one unit in, one unit out), so an
 * offset found in the folded text is the same offset in the original text.
 */
const TABLE_SIZE = 0x250;
const table = new Uint16Array(TABLE_SIZE);
for (let c = 0; c < TABLE_SIZE; c++) {
  const base = String.fromCharCode(c).normalize('NFD').charAt(0).toLowerCase();
  table[c] = base.length === 1 ? base.charCodeAt(0) : c;
}
// Typographic apostrophes and dashes fold to their ASCII forms so "aujourd’hui" matches "aujourd'hui".
const extra: Record<number, number> = { 0x2019: 39, 0x2018: 39, 0x02bc: 39, 0x2013: 45, 0x2014: 45, 0x0153: 0x0153 };

export function foldCode(c: number): number {
  if (c < TABLE_SIZE) return table[c]!;
  const e = extra[c];
  if (e !== undefined) return e;
  if (c >= 0x370 && c < 0x530) {
    const lower = String.fromCharCode(c).toLowerCase();
    return lower.length === 1 ? lower.charCodeAt(0) : c;
  }
  return c;
}

/**
 * fold() of the first `n` units of `text`, taken from `folded` (fold(text), or a long enough start of
 * it) when the caller has it: classify() folds once for all its steps. A shorter one is not used.
 */
export function foldedPrefix(text: string, n: number, folded?: string): string {
  const end = Math.min(n, text.length);
  return folded !== undefined && folded.length >= end ? folded.slice(0, end) : fold(text.slice(0, end));
}

/** Lower-cased, accent-free copy of `text` with exactly the same length. */
export function fold(text: string): string {
  let out = '';
  let start = 0;
  // Copy ASCII lower-case runs in slices: most text needs few changes.
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const f = (c >= 97 && c <= 122) || c === 32 ? c : foldCode(c);
    if (f !== c) {
      out += text.slice(start, i) + String.fromCharCode(f);
      start = i + 1;
    }
  }
  return start === 0 ? text : out + text.slice(start);
}

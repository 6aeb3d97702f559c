/**
 * Regular expressions in packs are untrusted: a pattern like `(a+)+$` backtracks exponentially
 * and would freeze the page on a long reply. Before compiling, each pattern is parsed and refused when
 * - its star height exceeds 1 (a repeated group inside a repeated group: `(a+)+`, `(\w+\s?)*`),
 * - a repeated group alternates between branches that can start with the same character (`(a|ab)*`),
 * - two adjacent unbounded repeats can consume the same characters (`\s*\s*`, `.*.*`, `\w+\d+`),
 * - a backreference sits inside a repeat.
 * These are the shapes behind exponential and high-degree polynomial backtracking (safe-regex's
 * star-height test plus the two overlap tests it misses). Patterns are parsed as JavaScript `u`-mode syntax.
 */

const DIGIT = 1, LETTER = 2, UNDERSCORE = 4, SPACE = 8, OTHER = 16, ALL = 31;

interface CharSet {
  cats: number;
  chars: Set<string>;
  /** Characters a negated class leaves out of its categories: [^\s,] is "all but spaces and commas". */
  except?: Set<string>;
}
interface Quant {
  min: number;
  max: number;
}
interface Item {
  /** Characters the item can consume (for adjacency), and can start with (for alternation). */
  consumes: CharSet;
  first: CharSet;
  quant?: Quant;
  zeroWidth: boolean;
  /** Star height of the item's own contents. */
  height: number;
  hasBackref: boolean;
}

const MAX_LENGTH = 4000;

export type SafetyVerdict = { ok: true } | { ok: false; reason: string };

export function checkRegexSafety(source: string, ignoreCase: boolean): SafetyVerdict {
  if (source.length > MAX_LENGTH) return { ok: false, reason: `pattern longer than ${MAX_LENGTH} characters` };
  try {
    const parser = new Parser(source, ignoreCase);
    const top = parser.alternation();
    if (parser.i < source.length) return { ok: false, reason: `unbalanced ")" at ${parser.i}` };
    parser.checkBranches(top);
    const height = Math.max(0, ...top.map(branchHeight));
    if (height > 1) return { ok: false, reason: 'nested repetition (a repeated group inside a repeated group) can backtrack exponentially' };
    return { ok: true };
  } catch (err) {
    if (err instanceof UnsafeRegex) return { ok: false, reason: err.message };
    throw err;
  }
}

class UnsafeRegex extends Error {}

const branchHeight = (items: Item[]) => Math.max(0, ...items.map((it) => it.height + (it.quant && it.quant.max > 1 ? 1 : 0)));

function categoryOf(c: string): number {
  if (/\d/.test(c)) return DIGIT;
  if (c === '_') return UNDERSCORE;
  if (/\s/u.test(c)) return SPACE;
  if (/\p{L}|\p{M}/u.test(c)) return LETTER;
  return OTHER;
}

const set = (cats: number, chars: Iterable<string> = []): CharSet => ({ cats, chars: new Set(chars) });
const has = (s: CharSet, c: string) => s.chars.has(c) || (!s.except?.has(c) && (s.cats & categoryOf(c)) !== 0);
const union = (a: CharSet, b: CharSet): CharSet => {
  const u = set(a.cats | b.cats, [...a.chars, ...b.chars]);
  const except = [...(a.except ?? []), ...(b.except ?? [])].filter((c) => !has(a, c) && !has(b, c));
  if (except.length) u.except = new Set(except);
  return u;
};
const overlaps = (a: CharSet, b: CharSet) =>
  (a.cats & b.cats) !== 0 || [...a.chars].some((c) => has(b, c)) || [...b.chars].some((c) => has(a, c));

class Parser {
  i = 0;
  constructor(readonly src: string, readonly ignoreCase: boolean) {}

  alternation(): Item[][] {
    const branches: Item[][] = [[]];
    while (this.i < this.src.length && this.src[this.i] !== ')') {
      if (this.src[this.i] === '|') {
        this.i++;
        branches.push([]);
        continue;
      }
      branches[branches.length - 1]!.push(this.item());
    }
    return branches;
  }

  /** Adjacent unbounded repeats must not compete for the same characters. */
  checkBranches(branches: Item[][]): void {
    for (const items of branches) {
      const consuming = items.filter((it) => !it.zeroWidth);
      for (let k = 0; k + 1 < consuming.length; k++) {
        const a = consuming[k]!, b = consuming[k + 1]!;
        if (a.quant?.max === Infinity && b.quant?.max === Infinity && overlaps(a.consumes, b.consumes)) {
          throw new UnsafeRegex('two adjacent repeats can match the same characters (polynomial backtracking)');
        }
      }
    }
  }

  item(): Item {
    const atom = this.atom();
    const quant = this.quantifier();
    if (quant) {
      if (atom.zeroWidth) return { ...atom, quant: undefined };
      if (quant.max > 1 && atom.hasBackref) throw new UnsafeRegex('a backreference inside a repeat can backtrack exponentially');
      return { ...atom, quant };
    }
    return atom;
  }

  quantifier(): Quant | undefined {
    const c = this.src[this.i];
    let q: Quant | undefined;
    if (c === '*') q = { min: 0, max: Infinity };
    else if (c === '+') q = { min: 1, max: Infinity };
    else if (c === '?') q = { min: 0, max: 1 };
    else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.i));
      if (!m) return undefined;
      const min = Number(m[1]);
      q = { min, max: m[2] === undefined ? min : m[3] ? Number(m[3]) : Infinity };
      this.i += m[0].length - 1;
    }
    if (!q) return undefined;
    this.i++;
    if (this.src[this.i] === '?') this.i++;
    return q;
  }

  group(): Item {
    const rest = this.src.slice(this.i, this.i + 4);
    let zeroWidth = false;
    if (rest.startsWith('(?=') || rest.startsWith('(?!')) (this.i += 3), (zeroWidth = true);
    else if (rest.startsWith('(?<=') || rest.startsWith('(?<!')) (this.i += 4), (zeroWidth = true);
    else if (rest.startsWith('(?:')) this.i += 3;
    else if (rest.startsWith('(?<')) this.i = this.src.indexOf('>', this.i) + 1;
    else this.i += 1;
    const branches = this.alternation();
    if (this.src[this.i] !== ')') throw new UnsafeRegex('unbalanced "("');
    this.i++;
    this.checkBranches(branches);
    let consumes = set(0), first = set(0);
    for (const items of branches) {
      for (const it of items) consumes = union(consumes, it.consumes);
      first = union(first, firstOf(items));
    }
    const item: Item = {
      consumes, first, zeroWidth,
      height: branches.every(delimited) ? 0 : Math.max(0, ...branches.map(branchHeight)),
      hasBackref: branches.some((b) => b.some((it) => it.hasBackref)),
    };
    const quant = this.peekQuantified();
    if (quant && branches.length > 1) {
      const firsts = branches.map(firstOf);
      for (let a = 0; a < firsts.length; a++)
        for (let b = a + 1; b < firsts.length; b++)
          if (overlaps(firsts[a]!, firsts[b]!)) throw new UnsafeRegex('a repeated group has alternatives that can start alike (exponential backtracking)');
    }
    return item;
  }

  /** True when the group just closed is followed by a quantifier allowing more than one repetition. */
  peekQuantified(): boolean {
    const c = this.src[this.i];
    if (c === '*' || c === '+') return true;
    const m = c === '{' ? /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.i)) : null;
    return !!m && (m[2] !== undefined ? !m[3] || Number(m[3]) > 1 : Number(m[1]) > 1);
  }

  atom(): Item {
    const c = this.src[this.i]!;
    const plain = (s: CharSet, zeroWidth = false, hasBackref = false): Item => ({ consumes: s, first: s, zeroWidth, height: 0, hasBackref });
    if (c === '(') return this.group();
    if (c === '[') return plain(this.charClass());
    if (c === '.') return this.i++, plain(set(ALL));
    if (c === '^' || c === '$') return this.i++, plain(set(0), true);
    if (c === '\\') {
      const e = this.escape();
      return e === 'assert' ? plain(set(0), true) : e === 'backref' ? plain(set(ALL), false, true) : plain(e);
    }
    this.i++;
    return plain(this.literal(c));
  }

  literal(c: string): CharSet {
    return this.ignoreCase ? set(0, [c.toLowerCase(), c.toUpperCase()]) : set(0, [c]);
  }

  /** Reads an escape after "\", outside or inside a class. */
  escape(inClass = false): CharSet | 'assert' | 'backref' {
    const c = this.src[this.i + 1] ?? '';
    this.i += 2;
    switch (c) {
      case 'd': return set(DIGIT);
      case 'w': return set(DIGIT | LETTER | UNDERSCORE);
      case 's': return set(SPACE);
      case 'D': return set(ALL & ~DIGIT);
      case 'W': return set(SPACE | OTHER | LETTER);
      case 'S': return set(ALL & ~SPACE);
      case 'b': case 'B': return inClass ? set(0, ['\b']) : 'assert';
      case 'k': this.i = this.src.indexOf('>', this.i) + 1; return 'backref';
      case 'p': case 'P': {
        const end = this.src.indexOf('}', this.i);
        const name = this.src.slice(this.i + 1, end);
        this.i = end + 1;
        return c === 'p' && /^(L|Letter|L[ultmo]|M|Script=|sc=)/.test(name) ? set(LETTER) : set(ALL);
      }
      case 'u': case 'x': {
        const m = /^(?:\{[0-9a-fA-F]+\}|[0-9a-fA-F]{4}|[0-9a-fA-F]{2})/.exec(this.src.slice(this.i));
        const hex = m ? m[0].replace(/[{}]/g, '') : '';
        if (m) this.i += m[0].length;
        return hex ? this.literal(String.fromCodePoint(parseInt(hex, 16))) : set(ALL);
      }
      case 'n': case 'r': case 't': case 'f': case 'v': return set(SPACE);
      default:
        if (/[1-9]/.test(c) && !inClass) {
          while (/\d/.test(this.src[this.i] ?? '')) this.i++;
          return 'backref';
        }
        return this.literal(c);
    }
  }

  charClass(): CharSet {
    this.i++;
    const negated = this.src[this.i] === '^';
    if (negated) this.i++;
    let acc = set(0);
    /** Categories listed whole (\d, \s, \p{L}), as opposed to ranges that cover part of one. */
    let full = 0;
    let prev: string | undefined;
    while (this.i < this.src.length && this.src[this.i] !== ']') {
      const c = this.src[this.i]!;
      if (c === '-' && prev !== undefined && this.src[this.i + 1] !== ']') {
        this.i++;
        const hi = this.src[this.i] === '\\' ? this.src[this.i + 1] ?? '' : this.src[this.i]!;
        this.i += this.src[this.i] === '\\' ? 2 : 1;
        acc = set(acc.cats | categoryOf(prev) | categoryOf(hi) | (categoryOf(prev) === categoryOf(hi) ? 0 : OTHER), acc.chars);
        prev = undefined;
        continue;
      }
      if (c === '\\') {
        const e = this.escape(true);
        if (typeof e !== 'string') acc = union(acc, e);
        if (typeof e !== 'string' && e.chars.size === 0) full |= e.cats;
        prev = e !== 'assert' && e !== 'backref' && e.cats === 0 && e.chars.size > 0 ? [...e.chars][0] : undefined;
        continue;
      }
      acc = union(acc, this.literal(c));
      prev = c;
      this.i++;
    }
    if (this.src[this.i] !== ']') throw new UnsafeRegex('unterminated character class');
    this.i++;
    if (!negated) return acc;
    // Negated: every category but those listed whole (\s in [^\s]), minus the listed characters.
    const out = set(ALL & ~full);
    out.except = new Set([...acc.chars].filter((c) => (out.cats & categoryOf(c)) !== 0));
    return out;
  }
}

/**
 * A branch whose every repeat is followed by a required item of disjoint characters (`[a-z]+ `,
 * `\w+\s+`, wrapping around to the branch start) splits its input one way only: repeating the
 * whole branch cannot backtrack exponentially, so it does not add to the star height.
 */
function delimited(items: Item[]): boolean {
  const consuming = items.filter((it) => !it.zeroWidth);
  return consuming.every((it, k) => {
    if (!it.quant || it.quant.max <= 1) return true;
    const next = consuming[(k + 1) % consuming.length]!;
    return it.height === 0 && next !== it && (!next.quant || next.quant.min >= 1) && !overlaps(it.consumes, next.consumes);
  });
}

/** Characters a branch can start with; nullable prefixes let the next item's first characters through. */
function firstOf(items: Item[]): CharSet {
  let acc = set(0);
  for (const it of items) {
    if (it.zeroWidth) continue;
    acc = union(acc, it.first);
    if (!it.quant || it.quant.min > 0) return acc;
  }
  return set(ALL); // an empty or all-optional branch matches the empty string: it overlaps everything
}

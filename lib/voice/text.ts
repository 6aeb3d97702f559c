import type { Block } from './markdown';
/** Shared views of the checked text, computed at most once per check and only when a rule asks. */

export interface Span {
  start: number;
  end: number;
}

const WORD_RE = /[\p{L}\p{N}\p{M}_]/u;

/** Is the UTF-16 unit at `i` part of a word (letter, digit, mark, underscore)? */
export function isWordAt(text: string, i: number): boolean {
  if (i < 0 || i >= text.length) return false;
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
  return WORD_RE.test(text[i]!);
}

/**
 * A match may not cut a word: it is refused when it starts or ends in the middle of one. A hyphen
 * joins words here ("mail" is not a word of "e-mail"); an apostrophe does not ("l'email").
 */
export function atWordBoundaries(text: string, start: number, end: number): boolean {
  if (isWordAt(text, start) && (isWordAt(text, start - 1) || (text[start - 1] === '-' && isWordAt(text, start - 2)))) return false;
  if (isWordAt(text, end - 1) && (isWordAt(text, end) || (text[end] === '-' && isWordAt(text, end + 1)))) return false;
  return true;
}

/**
 * Lower-cases and unifies apostrophes without changing any offset, so matches found in the
 * folded text are ranges in the original. Characters whose lower case is longer keep their case.
 */
export function fold(text: string): string {
  const lower = text.toLowerCase();
  const out = lower.length === text.length ? lower : [...text].map((ch) => (ch.toLowerCase().length === ch.length ? ch.toLowerCase() : ch)).join('');
  return out.includes('’') ? out.replace(/’/g, "'") : out;
}

/** Gives the replacement the case of the text it replaces: "Feedback" → "Retour", "FEEDBACK" → "RETOUR". */
export function matchCase(original: string, replacement: string): string {
  const letters = original.replace(/[^\p{L}]/gu, '');
  // A replacement with its own capitals (iPhone, LinkedIn) is written the way it must be.
  if (!letters || !replacement || /\p{Lu}/u.test(replacement)) return replacement;
  if (letters.length > 1 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()) return replacement.toUpperCase();
  const first = letters[0]!;
  if (first !== first.toLowerCase()) return replacement[0]!.toUpperCase() + replacement.slice(1);
  return replacement;
}

const WORDS_RE = /[\p{L}\p{N}_]+(?:['’-][\p{L}\p{N}_]+)*/gu;
/** A sentence ends at . ! ? … (possibly repeated, possibly followed by a closing quote) before a space, or at a line break. */
const SENTENCE_END_RE = /[.!?…]+[»"”')\]]*(?=\s|$)|\n+/gu;

export class TextDoc {
  readonly text: string;
  private memo = new Map<unknown, unknown>();
  private readonly blockSpans: () => Block[];

  /** `blocks`: the text's Markdown blocks, when it is Markdown (a plain reply has none). */
  constructor(text: string, blocks: () => Block[] = () => []) {
    this.text = text;
    this.blockSpans = blocks;
  }

  get blocks(): Block[] {
    return this.cached('blocks', this.blockSpans);
  }

  /** Memoises `compute` for this text under `key` (an object owned by the caller). */
  cached<T>(key: unknown, compute: () => T): T {
    if (!this.memo.has(key)) this.memo.set(key, compute());
    return this.memo.get(key) as T;
  }

  get folded(): string {
    return this.cached('folded', () => fold(this.text));
  }

  get words(): Span[] {
    return this.cached('words', () => spans(WORDS_RE, this.text));
  }

  get sentences(): Span[] {
    return this.cached('sentences', () => {
      const out: Span[] = [];
      let from = 0;
      const push = (end: number) => {
        let s = from;
        while (s < end && /\s/.test(this.text[s]!)) s++;
        let e = end;
        while (e > s && /\s/.test(this.text[e - 1]!)) e--;
        if (e > s) out.push({ start: s, end: e });
      };
      for (const m of this.text.matchAll(SENTENCE_END_RE)) {
        push(m.index + m[0].length);
        from = m.index + m[0].length;
      }
      push(this.text.length);
      return out;
    });
  }

  /** Indices [from, to) of the words inside `span` (binary search: sentences × words stays linear). */
  wordRange(span: Span): [number, number] {
    const words = this.words;
    const first = (pos: number) => {
      let lo = 0, hi = words.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (words[mid]!.start < pos) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    };
    const from = first(span.start);
    let to = first(span.end);
    while (to > from && words[to - 1]!.end > span.end) to--;
    return [from, to];
  }

  /** Syllable count of each word, aligned with `words`. */
  get syllables(): number[] {
    return this.cached('syllables', () => this.words.map((w) => syllables(this.text.slice(w.start, w.end))));
  }
}

function spans(re: RegExp, text: string): Span[] {
  const out: Span[] = [];
  for (const m of text.matchAll(re)) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}

/** Counts vowel groups: a serviceable syllable estimate for English and French. */
export function syllables(word: string): number {
  const w = word.toLowerCase();
  const groups = w.match(/[aeiouyàâäéèêëîïôöùûüœæ]+/g)?.length ?? 0;
  // A final silent "e" (English "make", French "table") does not make a syllable.
  const silent = groups > 1 && /[^aeiouyéèêëàâîïôûù]e[s]?$/.test(w) ? 1 : 0;
  return Math.max(1, groups - silent);
}

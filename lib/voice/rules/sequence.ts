import type { PosTagger } from '../context';
import type { RuleOf } from '../pack';
import type { TextDoc } from '../text';
import type { Hit, RuleKind } from './types';

/**
 * Words as Vale's Treebank tokenizer splits them: "do|n't", "endpoint|'s", punctuation on its own;
 * the tagger was trained on such tokens.
 */
const TOKEN_RE = /\p{L}+(?=n['’]t\b)|n['’]t\b|['’](?:s|re|ve|ll|d|m)\b|[\p{L}\p{N}_]+(?:[-.][\p{L}\p{N}_]+)*|\S/giu;

interface Step {
  pattern?: RegExp;
  tag?: RegExp;
  negate: boolean;
  skip: number;
  optional: boolean;
  start: boolean;
  end: boolean;
}

interface Tagged {
  text: string;
  start: number;
  words: string[];
  tags: string[];
}

/** Each sentence's words and tags, shared by every sequence rule of a check. */
function tagged(doc: TextDoc, tagger: PosTagger): Tagged[] {
  return doc.cached(tagger, () =>
    doc.sentences.map((s) => {
      const text = doc.text.slice(s.start, s.end);
      const words = text.match(TOKEN_RE) ?? [];
      return { text, start: s.start, words, tags: tagger.tag(words) };
    }),
  );
}

function matches(step: Step, word: string, tag: string): boolean {
  const failedTag = (step.tag ? step.tag.test(tag) : true) === step.negate;
  const failedTok = step.pattern !== undefined && step.pattern.test(word) === step.negate;
  if (!step.pattern && failedTag) return false;
  if (!step.tag && failedTok) return false;
  return !(step.tag && step.pattern && (failedTag || failedTok));
}

/**
 * Vale's sequenceMatches, step for step (internal/check/sequence.go): from the first word the
 * anchor matches and no earlier alert used, walks left then right; a `skip` step is tried up to
 * `skip` times, and a match of it ends the walk on that side. Returns the words of the sequence
 * (none when it fails) and the anchor word's index.
 */
function walk(anchor: number, steps: Step[], s: Tagged, used: number[]): [string[], number] {
  const out: string[] = [];
  let index = 0;
  for (let j = 0; j < s.words.length; j++) {
    if (!matches(steps[anchor]!, s.words[j]!, s.tags[j]!) || used.includes(j)) continue;
    index = j;
    for (let i = 1; anchor - i >= 0; i++) {
      if (j - i < 0) return [[], index];
      const step = { ...steps[anchor - i]! };
      out.unshift(s.words[j - i]!);
      // The steps were laid out reading rightwards; leftwards a skip run's last copy is optional and its first is not.
      if (step.skip > 0) step.optional = (step.optional || step.end) && !step.start;
      const ok = matches(step, s.words[j - i]!, s.tags[j - i]!);
      if (!ok && !step.optional) return [[], index];
      if (ok && step.optional) break;
    }
    for (let i = 0; anchor + i < steps.length; i++) {
      if (j + i >= s.words.length) return [[], index];
      const step = steps[anchor + i]!;
      out.push(s.words[j + i]!);
      const ok = matches(step, s.words[j + i]!, s.tags[j + i]!);
      if (!ok && !step.optional) return [[], index];
      if (ok && step.optional) break;
    }
    break;
  }
  return [out, index];
}

/**
 * A run of words by pattern and part of speech (Vale's `sequence`), in each sentence: "would be
 * great write" (MD be JJ VB). Vale's quirks are kept so imported styles alert where Vale does: tag
 * patterns are searched in the tag, word patterns in the word, and the alert is the first place the
 * words, joined by spaces, occur in the sentence (none when punctuation makes them not occur).
 * Finds nothing without the language's tagger (context.taggers) or on a reply in another language.
 */
export const sequence: RuleKind<RuleOf<'sequence'>> = {
  vocabulary: true,
  compile(rule, compiler, path) {
    const steps: Step[] = [];
    rule.tokens.forEach((t, k) => {
      const at = [...path, 'tokens', k];
      const re = (src: string | undefined, key: string, ignoreCase: boolean) => {
        if (!src) return undefined;
        const compiled = compiler.regex(src, [...at, key], ignoreCase);
        return compiled && new RegExp(compiled.source, compiled.flags.replace('g', ''));
      };
      const base = { pattern: re(t.pattern, 'pattern', rule.ignoreCase), tag: re(t.tag, 'tag', false), negate: t.negate, skip: t.skip, end: false };
      let start = false;
      for (let i = t.skip; i > 0; i--) {
        start = i === t.skip;
        steps.push({ ...base, optional: true, start });
      }
      // As in Vale's makeTokens, the closing step keeps the last copy's start flag (set when skip is 1).
      if (t.pattern || t.tag) steps.push({ ...base, optional: false, start, end: true });
    });
    const anchor = steps.findIndex((s) => s.pattern && !s.negate);
    const anchorPattern = steps[anchor]?.pattern;
    // Vale walks from the anchor once per place its pattern occurs in the sentence.
    const anchorRe = anchorPattern && new RegExp(anchorPattern.source, `${anchorPattern.flags}g`);
    return (doc, ctx) => {
      if (!anchorRe || ctx.lang?.split('-')[0]!.toLowerCase() !== rule.language) return [];
      const tagger = ctx.taggers?.[rule.language];
      if (!tagger) return [];
      const hits: Hit[] = [];
      for (const s of tagged(doc, tagger)) {
        const used: number[] = [];
        for (const _ of s.text.matchAll(anchorRe)) {
          const [words, index] = walk(anchor, steps, s, used);
          used.push(index);
          if (!words.length) continue;
          const seq = words.reduce((acc, w) => (/^['’]/.test(w) ? acc + w : `${acc} ${w}`), '').trim();
          const at = s.text.indexOf(seq);
          if (at >= 0) hits.push({ start: s.start + at, end: s.start + at + seq.length, args: words });
        }
      }
      return hits;
    };
  },
};

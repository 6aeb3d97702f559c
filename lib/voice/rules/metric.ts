import { compileCondition, compileFormula, type MetricValues } from '../formula';
import type { RuleOf } from '../pack';
import type { Span, TextDoc } from '../text';
import type { Hit, RuleKind } from './types';

/** A number computed from the text (length, words per sentence, a readability score) against a condition. */
export const metric: RuleKind<RuleOf<'metric'>> = {
  vocabulary: false,
  compile(rule, compiler, path) {
    const compiled = compileFormula(rule.formula);
    if (!compiled.ok) {
      compiler.error([...path, 'formula'], `invalid formula: ${compiled.message}`);
      return () => [];
    }
    const fires = compileCondition(rule.condition);
    const needsSyllables = /syllables|complex_words|polysyllabic_words/.test(rule.formula);
    const needsStructure = /heading|list/.test(rule.formula);
    return (doc) => {
      const scopes = rule.scope === 'sentence' ? doc.sentences : doc.text.trim() ? [{ start: 0, end: doc.text.length }] : [];
      const hits: Hit[] = [];
      for (const scope of scopes) {
        const values = measure(doc, scope, rule.scope === 'sentence', needsSyllables, needsStructure);
        if (values.words < rule.minWords) continue;
        const value = compiled.formula(values);
        if (fires(value)) hits.push({ ...scope, args: [rule.decimals === undefined ? Math.round(value * 10) / 10 : value.toFixed(rule.decimals)] });
      }
      return hits;
    };
  },
};

function measure(doc: TextDoc, scope: Span, oneSentence: boolean, needsSyllables: boolean, needsStructure: boolean): MetricValues {
  const [from, to] = doc.wordRange(scope);
  let characters = 0, longWords = 0, syllableSum = 0, complex = 0;
  const counts = needsSyllables ? doc.syllables : undefined;
  for (let k = from; k < to; k++) {
    const w = doc.words[k]!;
    const length = w.end - w.start;
    characters += length;
    if (length > 6) longWords++;
    if (counts) {
      syllableSum += counts[k]!;
      if (counts[k]! >= 3) complex++;
    }
  }
  // Written out, one shape for every call: a spread of the structure's object made each of the
  // sentence-scoped rules' values a slow object (the 300-rule bench's 5,000-character text twice as slow).
  const s = needsStructure ? doc.cached(STRUCTURE, () => structure(doc)) : NO_STRUCTURE;
  return {
    words: to - from,
    sentences: oneSentence ? 1 : Math.max(1, doc.sentences.length),
    syllables: syllableSum,
    characters,
    complex_words: complex,
    polysyllabic_words: complex,
    long_words: longWords,
    'heading.h1': s['heading.h1'],
    'heading.h2': s['heading.h2'],
    'heading.h3': s['heading.h3'],
    'heading.h4': s['heading.h4'],
    'heading.h5': s['heading.h5'],
    'heading.h6': s['heading.h6'],
    list: s.list,
  };
}

const STRUCTURE = Symbol('metric structure');

type Structure = Pick<MetricValues, 'heading.h1' | 'heading.h2' | 'heading.h3' | 'heading.h4' | 'heading.h5' | 'heading.h6' | 'list'>;
const NO_STRUCTURE: Structure = { 'heading.h1': 0, 'heading.h2': 0, 'heading.h3': 0, 'heading.h4': 0, 'heading.h5': 0, 'heading.h6': 0, list: 0 };

/** The Markdown headings by level and the list items of the whole text, whatever the rule's scope. */
function structure(doc: TextDoc): Structure {
  const headings = (level: number) => doc.blocks.filter((b) => b.names.has(`heading.h${level}`)).length;
  return {
    'heading.h1': headings(1), 'heading.h2': headings(2), 'heading.h3': headings(3),
    'heading.h4': headings(4), 'heading.h5': headings(5), 'heading.h6': headings(6),
    list: doc.blocks.filter((b) => b.item).length,
  };
}

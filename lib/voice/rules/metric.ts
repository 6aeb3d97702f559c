import { compileCondition, compileFormula, type MetricValues } from '../formula';
import type { RuleOf } from '../pack';
import { syllables, type Span, type TextDoc } from '../text';
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
    return (doc) => {
      const scopes = rule.scope === 'sentence' ? doc.sentences : doc.text.trim() ? [{ start: 0, end: doc.text.length }] : [];
      const hits: Hit[] = [];
      for (const scope of scopes) {
        const values = measure(doc, scope, rule.scope === 'sentence');
        if (values.words < rule.minWords) continue;
        const value = compiled.formula(values);
        if (fires(value)) hits.push({ ...scope, args: [Math.round(value * 10) / 10] });
      }
      return hits;
    };
  },
};

function measure(doc: TextDoc, scope: Span, oneSentence: boolean): MetricValues {
  const words = doc.wordsIn(scope).map((w) => doc.text.slice(w.start, w.end));
  const counts = words.map(syllables);
  return {
    words: words.length,
    sentences: oneSentence ? 1 : Math.max(1, doc.sentences.length),
    syllables: counts.reduce((a, b) => a + b, 0),
    characters: words.reduce((a, w) => a + w.length, 0),
    complex_words: counts.filter((n) => n >= 3).length,
    polysyllabic_words: counts.filter((n) => n >= 3).length,
    long_words: words.filter((w) => w.length > 6).length,
  };
}

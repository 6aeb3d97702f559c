import posTagger from 'wink-pos-tagger';
import type { PosTagger } from './context';

/**
 * English part-of-speech tagging (wink-pos-tagger, Penn Treebank tags, as Vale's own tagger). Its
 * lexicon weighs megabytes and takes ~0.4 s to load: import this module only in the background or
 * the CLI, never from code the content scripts bundle.
 */
export function englishTagger(): PosTagger {
  const tagger = posTagger();
  return { tag: (words) => tagger.tagRawTokens([...words]).map((t) => t.pos) };
}

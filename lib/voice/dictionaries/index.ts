import type { Speller } from '../context';
import type { DictionaryId, VoicePack } from '../pack';
import { createLoader } from '../load-once';
import { createSpeller, type DictionaryFiles } from './speller';

export type { DictionaryFiles } from './speller';
/** Reads one dictionary's files: from node_modules in Node, from the extension's assets in the browser. */
export type DictionarySource = (id: DictionaryId) => Promise<DictionaryFiles>;
export type Spellers = Partial<Record<DictionaryId, Speller>>;

/** The dictionaries the spelling rules of these packs use. */
export function dictionariesOf(packs: readonly VoicePack[]): DictionaryId[] {
  const ids = new Set<DictionaryId>();
  for (const p of packs) for (const r of p.rules) if (r.kind === 'spelling') ids.add(r.dictionary);
  return [...ids];
}

/** Loads each dictionary once, on first need (load-once.ts): French takes ~0.8 s and ~60 MB, English ~0.15 s and ~20 MB. */
export const createSpellerLoader = (source: DictionarySource) =>
  createLoader<DictionaryId, Speller>(dictionariesOf, (id) => source(id).then((files) => createSpeller(id, files)));
export type SpellerLoader = ReturnType<typeof createSpellerLoader>;

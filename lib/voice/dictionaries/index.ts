import type { Speller } from '../context';
import type { DictionaryId, VoicePack } from '../pack';
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

/**
 * Loads each dictionary once, on first need, and keeps it: French takes ~0.8 s and ~60 MB, English
 * ~0.15 s and ~20 MB. A dictionary that failed to load is tried again at the next check, and its
 * rules find nothing until then.
 */
export function createSpellerLoader(source: DictionarySource) {
  const loading = new Map<DictionaryId, Promise<Speller>>();
  const load = (id: DictionaryId) => {
    let p = loading.get(id);
    if (!p) {
      p = source(id).then((files) => createSpeller(id, files));
      p.catch(() => loading.delete(id));
      loading.set(id, p);
    }
    return p;
  };
  return async function spellersFor(packs: readonly VoicePack[]): Promise<Spellers> {
    const ids = dictionariesOf(packs);
    const loaded = await Promise.allSettled(ids.map(load));
    return Object.fromEntries(ids.flatMap((id, k) => (loaded[k]!.status === 'fulfilled' ? [[id, loaded[k]!.value]] : [])));
  };
}
export type SpellerLoader = ReturnType<typeof createSpellerLoader>;

import type { PosTagger } from '../context';
import type { TaggerId, VoicePack } from '../pack';
import { createLoader } from '../load-once';
import { createEnglishTagger, type EnglishTaggerData } from './en';

/** Reads one tagger's data: from node_modules in Node, from the extension's files in the browser. */
export type TaggerSource = (id: TaggerId) => Promise<EnglishTaggerData>;
export type Taggers = Partial<Record<TaggerId, PosTagger>>;

/** The taggers the sequence rules of these packs need. */
export function taggersOf(packs: readonly VoicePack[]): TaggerId[] {
  const ids = new Set<TaggerId>();
  for (const p of packs) for (const r of p.rules) if (r.kind === 'sequence') ids.add(r.language);
  return [...ids];
}

/** Loads each tagger once, on the first check with a pack that has sequence rules (load-once.ts). */
export const createTaggerLoader = (source: TaggerSource) => createLoader<TaggerId, PosTagger>(taggersOf, (id) => source(id).then(createEnglishTagger));
export type TaggerLoader = ReturnType<typeof createTaggerLoader>;

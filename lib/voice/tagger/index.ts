import type { PosTagger } from '../context';
import type { TaggerId, VoicePack } from '../pack';
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

/**
 * Loads each tagger once, on the first check with a pack that has sequence rules, and keeps it. One
 * that failed to load is tried again at the next check; its rules find nothing until then.
 */
export function createTaggerLoader(source: TaggerSource) {
  const loading = new Map<TaggerId, Promise<PosTagger>>();
  const load = (id: TaggerId) => {
    let p = loading.get(id);
    if (!p) {
      p = source(id).then(createEnglishTagger);
      p.catch(() => loading.delete(id));
      loading.set(id, p);
    }
    return p;
  };
  return async function taggersFor(packs: readonly VoicePack[]): Promise<Taggers> {
    const ids = taggersOf(packs);
    const loaded = await Promise.allSettled(ids.map(load));
    return Object.fromEntries(ids.flatMap((id, k) => (loaded[k]!.status === 'fulfilled' ? [[id, loaded[k]!.value]] : [])));
  };
}
export type TaggerLoader = ReturnType<typeof createTaggerLoader>;

import type { VoicePack } from './pack';

/**
 * What the rules of some packs need loaded (the dictionaries of spelling rules, the taggers of
 * sequence rules), each loaded once on first need and kept. One that failed to load is tried again at
 * the next check; the rules that need it find nothing until then.
 */
export function createLoader<Id extends string, T>(needed: (packs: readonly VoicePack[]) => Id[], load: (id: Id) => Promise<T>) {
  const loading = new Map<Id, Promise<T>>();
  const once = (id: Id) => {
    let p = loading.get(id);
    if (!p) {
      p = load(id);
      p.catch(() => loading.delete(id));
      loading.set(id, p);
    }
    return p;
  };
  return async function loadedFor(packs: readonly VoicePack[]): Promise<Partial<Record<Id, T>>> {
    const ids = needed(packs);
    const loaded = await Promise.allSettled(ids.map(once));
    return Object.fromEntries(ids.flatMap((id, k) => (loaded[k]!.status === 'fulfilled' ? [[id, loaded[k]!.value]] : []))) as Partial<Record<Id, T>>;
  };
}

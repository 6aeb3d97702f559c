/**
 * The extension's database ('vigie', in its own origin), read and written where it lives: in the
 * service worker or in one of its pages. One place for the raw IndexedDB calls the e2e tests make to
 * check what was stored (the product reaches it only through lib/db).
 */
import type { Page, Worker } from 'playwright-core';

type Realm = Page | Worker;
type Op = { kind: 'all'; store: string } | { kind: 'get'; store: string; key: string } | { kind: 'count'; stores: string[] } | { kind: 'patch'; store: string; key: string; patch: Record<string, unknown> } | { kind: 'clear'; store: string };

function run<T>(realm: Realm, op: Op): Promise<T> {
  // Page and Worker share evaluate's signature; TypeScript cannot call it on their union.
  return (realm as Page).evaluate(async (o: Op) => {
    // Opening a database that does not exist yet would create it empty, under the background's feet.
    if (!(await indexedDB.databases()).some((d) => d.name === 'vigie')) {
      if (o.kind === 'all') return [];
      if (o.kind === 'count') return o.stores.map(() => 0);
      if (o.kind === 'get') return undefined;
      throw new Error(`no database to ${o.kind}`);
    }
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('vigie');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const done = <R,>(req: IDBRequest<R>) =>
      new Promise<R>((resolve, reject) => {
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
    try {
      if (o.kind === 'all') return await done(db.transaction(o.store).objectStore(o.store).getAll());
      if (o.kind === 'get') return await done(db.transaction(o.store).objectStore(o.store).get(o.key));
      if (o.kind === 'count') {
        const tx = db.transaction(o.stores);
        return await Promise.all(o.stores.map((s) => done(tx.objectStore(s).count())));
      }
      const store = db.transaction(o.store, 'readwrite').objectStore(o.store);
      if (o.kind === 'clear') return await done(store.clear());
      const row = await done(store.get(o.key));
      if (!row) throw new Error(`no ${o.store} row ${o.key}`);
      return await done(store.put({ ...row, ...o.patch }));
    } finally {
      db.close();
    }
  }, op) as Promise<T>;
}

export const dbRows = <T>(realm: Realm, store: string) => run<T[]>(realm, { kind: 'all', store });
export const dbRow = <T>(realm: Realm, store: string, key: string) => run<T | undefined>(realm, { kind: 'get', store, key });
export const dbCounts = (realm: Realm, stores: string[]) => run<number[]>(realm, { kind: 'count', stores });
export const dbPatch = (realm: Realm, store: string, key: string, patch: Record<string, unknown>) => run<unknown>(realm, { kind: 'patch', store, key, patch }).then(() => undefined);
/** Empties one store, as a cut-short install or a lost write would leave it. */
export const dbClear = (realm: Realm, store: string) => run<unknown>(realm, { kind: 'clear', store }).then(() => undefined);

/**
 * PouchDB for the engine's Node tests: the same pouchdb-browser the extension ships (replication,
 * HTTP), with the memory adapter for the local replica since Node has no IndexedDB PouchDB can use.
 */
import type { PouchFactory, PouchLike } from '../../../lib/team/engine';

// pouchdb-browser reads `self` when it loads.
(globalThis as { self?: unknown }).self ??= globalThis;
const { default: PouchDB } = await import('pouchdb-browser');
const { default: memory } = await import('pouchdb-adapter-memory');
PouchDB.plugin(memory);

let n = 0;
/** Each call gives replicas of their own: two "browsers" in one test never share one. */
export function memoryPouch(): PouchFactory {
  const prefix = `t${++n}-`;
  return {
    local: (name) => new PouchDB(prefix + name, { adapter: 'memory' }),
    remote: (url, auth) => new PouchDB(url, { auth, skip_setup: true }),
    replicate: (from, to, opts) => PouchDB.replicate(from, to, opts),
  };
}

export function remoteAs(url: string, username: string, password: string): PouchLike {
  return new PouchDB(url, { auth: { username, password }, skip_setup: true });
}

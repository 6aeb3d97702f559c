// pouchdb-browser ships no types; the engine uses it only through its PouchLike and Replication shapes.
declare module 'pouchdb-browser' {
  import type { PouchLike, Replication } from './engine';
  interface PouchDBConstructor {
    new (name: string, opts?: object): PouchLike;
    replicate(from: PouchLike, to: PouchLike, opts: object): Replication;
    plugin(plugin: unknown): PouchDBConstructor;
  }
  const PouchDB: PouchDBConstructor;
  export default PouchDB;
}
declare module 'pouchdb-adapter-memory' {
  const plugin: unknown;
  export default plugin;
}

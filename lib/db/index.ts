import { openDb, type VigieDb } from './schema';

let instance: VigieDb | undefined;

/** The database of this extension context, opened on first use. */
export function getDb(): VigieDb {
  instance ??= openDb();
  return instance;
}

export type { VigieDb } from './schema';

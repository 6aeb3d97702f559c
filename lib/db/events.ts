import type { VigieDb } from './schema';

/** The audit log: who did what to which record, for the incident report and for trust. */
export async function logEvent(db: VigieDb, type: string, payload: unknown, at = Date.now()): Promise<void> {
  await db.events.add({ at, type, payload });
}

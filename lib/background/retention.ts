/** Retention: once a day, comments older than the setting go (flagged ones and incident evidence stay). */
import { purgeOlderThan } from '../db/queue';
import { logEvent } from '../db/events';
import type { VigieDb } from '../db/schema';
import { getSetting } from '../db/settings';

export const RETENTION_ALARM = 'vigie-retention';

interface Alarms {
  get(name: string): Promise<unknown>;
  create(name: string, info: { periodInMinutes: number; delayInMinutes: number }): unknown;
}

/**
 * Schedules the daily purge unless it already is. The service worker starts many times a day (the
 * alarm itself wakes it): creating the alarm each time would push it back to a minute away every time.
 */
export async function scheduleRetention(alarms: Alarms): Promise<void> {
  if (!(await alarms.get(RETENTION_ALARM))) await alarms.create(RETENTION_ALARM, { periodInMinutes: 24 * 60, delayInMinutes: 1 });
}

export async function runRetention(db: VigieDb, now: number): Promise<number> {
  const removed = await purgeOlderThan(db, await getSetting(db, 'retentionDays'), now);
  if (removed) await logEvent(db, 'retention.purged', { removed }, now);
  return removed;
}

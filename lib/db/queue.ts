/** The day at a glance and the queue: every query here reads an index, so they stay fast at 100,000 comments. */
import { platformIds, type PlatformId } from '../platforms/types';
import type { SettingValue } from '../settings/schema';
import type { CommentRecord } from './model';
import type { VigieDb } from './schema';
import { dayKey, dayRange, liveRange, liveRowKey, sum } from './tallies';

const HOUR = 3_600_000;

export type Targets = SettingValue<'responseTargets'>;

export const targetHours = (targets: Targets, platform: PlatformId) => targets.perPlatform[platform] ?? targets.defaultHours;

/** When a comment waiting for an answer should have had one. */
export const dueAt = (c: Pick<CommentRecord, 'firstSeenAt' | 'platform'>, targets: Targets) => c.firstSeenAt + targetHours(targets, c.platform) * HOUR;

export interface TodayCounts {
  seen: number;
  negative: number;
  flagged: number;
  answered: number;
  overdue: number;
}

/**
 * The popup's counts, from the tallies (lib/db/tallies.ts) and one small index count per platform
 * with comments waiting: those that came in within its response target, which are not late yet.
 */
export async function todayCounts(db: VigieDb, now: number, targets: Targets): Promise<TodayCounts> {
  return db.transaction('r', db.tallies, db.comments, async () => {
    const [today, live] = await Promise.all([db.tallies.where('key').between(...dayRange(dayKey(now), dayKey(now)), true, true).toArray(), db.tallies.where('key').between(...liveRange, true, true).toArray()]);
    const waitingOn = platformIds.filter((p) => live.some((r) => r.key === liveRowKey(p) && r.counts.waiting));
    const inTime = await Promise.all(
      waitingOn.map((p) => db.comments.where('[attention+platform+firstSeenAt]').between([1, p, now - targetHours(targets, p) * HOUR], [1, p, Infinity], false, true).count()),
    );
    const waiting = sum(live, 'waiting');
    return {
      seen: sum(today, 'seen'),
      negative: sum(today, 'negative'),
      flagged: sum(live, 'flagged'),
      answered: sum(today, 'replied'),
      overdue: waiting - inTime.reduce((a, b) => a + b, 0),
    };
  });
}

/** Comments waiting for an answer, oldest first: flagged, negative or risky, not yet replied to or set aside. */
export function listQueue(db: VigieDb, limit = 200): Promise<CommentRecord[]> {
  return db.comments.where('[attention+firstSeenAt]').between([1, -Infinity], [1, Infinity]).limit(limit).toArray();
}

/**
 * Deletes comments not seen for `days` days. Flagged comments and those linked to an incident are
 * evidence: they stay until their incident is gone.
 */
export async function purgeOlderThan(db: VigieDb, days: number, now: number): Promise<number> {
  const cutoff = now - days * 24 * HOUR;
  return db.comments
    .where('firstSeenAt')
    .below(cutoff)
    .filter((c) => c.lastSeenAt < cutoff && c.status !== 'flagged' && !c.incidentId)
    .delete();
}

/** "Delete all my data": every table, every row. */
export async function deleteAllData(db: VigieDb): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    await Promise.all(db.tables.map((t) => t.clear()));
  });
}

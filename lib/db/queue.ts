/** The day at a glance and the queue: every query here reads an index, so they stay fast at 100,000 comments. */
import { platformIds, type PlatformId } from '../platforms/types';
import type { SettingValue } from '../settings/schema';
import type { CommentRecord } from './model';
import type { VigieDb } from './schema';

const HOUR = 3_600_000;

export type Targets = SettingValue<'responseTargets'>;

export const targetHours = (targets: Targets, platform: PlatformId) => targets.perPlatform[platform] ?? targets.defaultHours;

/** When a comment waiting for an answer should have had one. */
export const dueAt = (c: Pick<CommentRecord, 'firstSeenAt' | 'platform'>, targets: Targets) => c.firstSeenAt + targetHours(targets, c.platform) * HOUR;

export function startOfDay(now: number): number {
  const d = new Date(now);
  d.setHours(0, 0, 0, 0);
  return d.getTime();
}

export interface TodayCounts {
  seen: number;
  negative: number;
  flagged: number;
  answered: number;
  overdue: number;
  waiting: number;
}

export async function todayCounts(db: VigieDb, now: number, targets: Targets): Promise<TodayCounts> {
  const today = startOfDay(now);
  const [seen, negative, flagged, answered, waiting, overduePerPlatform] = await Promise.all([
    db.comments.where('firstSeenAt').aboveOrEqual(today).count(),
    db.comments.where('[sentiment.label+firstSeenAt]').between(['negative', today], ['negative', Infinity]).count(),
    db.comments.where('status').equals('flagged').count(),
    db.comments.where('repliedAt').aboveOrEqual(today).count(),
    db.comments.where('[attention+firstSeenAt]').between([1, -Infinity], [1, Infinity]).count(),
    // Late is per platform (each has its target): one index count per platform, no row is loaded.
    Promise.all(
      platformIds.map((p) =>
        db.comments.where('[attention+platform+firstSeenAt]').between([1, p, -Infinity], [1, p, now - targetHours(targets, p) * HOUR], true, true).count(),
      ),
    ),
  ]);
  const overdue = overduePerPlatform.reduce((a, b) => a + b, 0);
  return { seen, negative, flagged, answered, overdue, waiting };
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

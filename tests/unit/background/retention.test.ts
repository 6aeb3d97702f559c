import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { RETENTION_ALARM, runRetention, scheduleRetention } from '../../../lib/background/retention';
import { recordSeen } from '../../../lib/db/comments';
import { openDb } from '../../../lib/db/schema';
import { saveSetting } from '../../../lib/db/settings';

const DAY = 86_400_000;

describe('retention', () => {
  it('schedules the daily purge once, however often the service worker starts', async () => {
    const created = new Map<string, unknown>();
    const alarms = { get: async (name: string) => created.get(name), create: (name: string, info: unknown) => void created.set(name, info) };
    await scheduleRetention(alarms);
    const first = created.get(RETENTION_ALARM);
    expect(first).toEqual({ periodInMinutes: 1440, delayInMinutes: 1 });
    created.set(RETENTION_ALARM, { scheduledTime: 123 });
    await scheduleRetention(alarms);
    expect(created.get(RETENTION_ALARM)).toEqual({ scheduledTime: 123 });
  });

  it('purges comments older than the setting and logs how many went', async () => {
    const db = openDb(`vigie-retention-${Math.random()}`);
    const now = Date.now();
    const seen = (id: string, at: number) => recordSeen(db, [{ platform: 'x', nativeId: id, author: { name: 'A' }, text: id }], 'u', () => ({ label: 'neutral', score: 0, confidence: 1, lang: 'fr', risks: [] }), at);
    await seen('old', now - 40 * DAY);
    await seen('recent', now - 2 * DAY);
    await saveSetting(db, 'retentionDays', 30);
    expect(await runRetention(db, now)).toBe(1);
    expect((await db.comments.toArray()).map((c) => c.nativeId)).toEqual(['recent']);
    expect((await db.events.where('type').equals('retention.purged').toArray()).map((e) => e.payload)).toEqual([{ removed: 1 }]);
    db.close();
    await Dexie.delete(db.name);
  });
});

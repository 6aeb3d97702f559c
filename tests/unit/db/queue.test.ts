import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordSeen, setStatus } from '../../../lib/db/comments';
import { deleteAllData, listQueue, purgeOlderThan, todayCounts } from '../../../lib/db/queue';
import { openDb, type VigieDb } from '../../../lib/db/schema';
import type { PlatformId } from '../../../lib/platforms/types';
import type { SentimentResult } from '../../../lib/sentiment/types';

const HOUR = 3_600_000;
const NOW = new Date('2026-11-20T15:00:00').getTime();
const targets = { defaultHours: 24, perPlatform: { x: 2 } as Partial<Record<PlatformId, number>> };

let db: VigieDb;
beforeEach(async () => {
  db = openDb(`vigie-queue-${Math.random()}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

const sentiment = (label: SentimentResult['label'], risks: SentimentResult['risks'] = []): SentimentResult => ({ label, score: 0, confidence: 0.9, lang: 'fr', risks });
async function seen(platform: PlatformId, id: string, label: SentimentResult['label'], at: number, risks: SentimentResult['risks'] = []) {
  await recordSeen(db, [{ platform, nativeId: id, author: { name: 'A' }, text: id }], 'u', () => sentiment(label, risks), at);
}

describe('queue and today counts', () => {
  beforeEach(async () => {
    await seen('x', 'old-neg', 'negative', NOW - 3 * HOUR); // overdue on X (2 h target)
    await seen('facebook', 'old-neg-fb', 'negative', NOW - 3 * HOUR + 60_000); // not overdue (24 h default)
    await seen('x', 'risky', 'positive', NOW - HOUR, [{ tag: 'personal-data', evidence: [0, 3] }]);
    await seen('x', 'happy', 'positive', NOW - HOUR);
    await seen('facebook', 'yesterday', 'negative', NOW - 26 * HOUR); // overdue, not today
    await seen('x', 'answered', 'negative', NOW - 30 * 60_000);
    await setStatus(db, 'x:answered', 'replied', NOW - 10 * 60_000);
    await seen('x', 'flag', 'neutral', NOW - 20 * 60_000);
    await setStatus(db, 'x:flag', 'flagged', NOW - 15 * 60_000);
  });

  it('counts today from indexes: seen, negative, flagged, answered, overdue by platform target', async () => {
    expect(await todayCounts(db, NOW, targets)).toEqual({ seen: 6, negative: 3, flagged: 1, answered: 1, overdue: 2 });
  });

  it('lists what waits for an answer, oldest first, without the happy or answered ones', async () => {
    expect((await listQueue(db)).map((c) => c.nativeId)).toEqual(['yesterday', 'old-neg', 'old-neg-fb', 'risky', 'flag']);
  });

  it('drops a comment from the queue once replied or set aside', async () => {
    await setStatus(db, 'x:old-neg', 'ignored', NOW);
    await setStatus(db, 'x:risky', 'replied', NOW);
    expect((await listQueue(db)).map((c) => c.nativeId)).toEqual(['yesterday', 'old-neg-fb', 'flag']);
  });
});

describe('retention', () => {
  it('purges comments older than the retention, keeping flagged ones and incident evidence', async () => {
    const DAY = 24 * HOUR;
    await seen('x', 'ancient', 'neutral', NOW - 100 * DAY);
    await seen('x', 'ancient-flagged', 'neutral', NOW - 100 * DAY);
    await setStatus(db, 'x:ancient-flagged', 'flagged', NOW - 100 * DAY);
    await seen('x', 'ancient-evidence', 'negative', NOW - 100 * DAY);
    await db.comments.update('x:ancient-evidence', { incidentId: 'inc-1' });
    await seen('x', 'recent', 'neutral', NOW - 10 * DAY);
    expect(await purgeOlderThan(db, 90, NOW)).toBe(1);
    expect((await db.comments.toArray()).map((c) => c.nativeId).sort()).toEqual(['ancient-evidence', 'ancient-flagged', 'recent']);
  });

  it('keeps a comment seen again recently even if first seen long ago', async () => {
    await seen('x', 'returning', 'neutral', NOW - 100 * 24 * HOUR);
    await seen('x', 'returning', 'neutral', NOW - HOUR);
    expect(await purgeOlderThan(db, 90, NOW)).toBe(0);
  });

  it('deletes all data on request', async () => {
    await seen('x', 'a', 'neutral', NOW);
    await db.settings.put({ key: 'uiLang', value: 'en' });
    await deleteAllData(db);
    for (const table of db.tables) expect(await table.count()).toBe(0);
  });
});

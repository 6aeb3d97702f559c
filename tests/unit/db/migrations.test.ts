import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb } from '../../../lib/db/schema';
import type { TallyRow } from '../../../lib/db/tallies';

const name = () => `vigie-migration-${Math.random().toString(36).slice(2)}`;
const opened: Dexie[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

/** A database as version 1 left it: DESIGN.md's tables and indexes, rows as v1 wrote them. */
async function fillV1(dbName: string, n: number) {
  const v1 = new Dexie(dbName);
  v1.version(1).stores({
    comments: 'id, platform, status, firstSeenAt, [platform+firstSeenAt], incidentId',
    templates: 'id, name, folder, *tags',
    voicePacks: 'id, brandId, active',
    incidents: 'id, status, createdAt',
    timeline: '++id, incidentId, [incidentId+at]',
    clips: 'id, incidentId',
    events: '++id, at, type',
    brands: 'id, name',
    settings: 'key',
  });
  await v1.table('comments').bulkAdd(
    Array.from({ length: n }, (_, i) => ({
      id: `x:${i}`,
      platform: 'x',
      nativeId: String(i),
      threadUrl: 'https://x.com/a/status/1',
      author: { name: `Auteur ${i}` },
      text: `commentaire ${i} é 😡`,
      lang: 'fr',
      sentiment: i % 7 === 0 ? undefined : { label: 'negative', score: -0.5, confidence: 0.8 },
      risks: [],
      firstSeenAt: 1_700_000_000_000 + i,
      status: i % 3 === 0 ? 'flagged' : 'new',
    })),
  );
  await v1.table('templates').add({ id: 't1', name: 'Merci', folder: 'Général', tags: ['merci'], bodies: { fr: 'Merci !' } });
  await v1.table('events').add({ at: 1, type: 'comment.flagged', payload: { commentId: 'x:0' } });
  await v1.table('settings').add({ key: 'uiLang', value: 'fr' });
  v1.close();
}

describe('database versions', () => {
  it('upgrades a filled version 1 database without losing a row', async () => {
    const dbName = name();
    await fillV1(dbName, 500);
    const db = openDb(dbName);
    opened.push(db);
    await db.open();
    expect(db.verno).toBe(5);
    expect(await db.comments.count()).toBe(500);
    expect(await db.templates.count()).toBe(1);
    expect(await db.events.count()).toBe(1);
    expect(await db.settings.get('uiLang')).toEqual({ key: 'uiLang', value: 'fr' });
    const c = await db.comments.get('x:7');
    expect(c).toMatchObject({ text: 'commentaire 7 é 😡', lastSeenAt: 1_700_000_000_007, sentiment: { label: 'neutral' } });
    // The index version 2 adds serves the flagged queue.
    const flagged = await db.comments.where('[status+firstSeenAt]').between(['flagged', -Infinity], ['flagged', Infinity]).count();
    expect(flagged).toBe(167);
    // Version 3 counted every row: the popup's tallies start true. All 500 were first seen on
    // 2023-11-14; one in 7 (72) came without a sentiment and became neutral, the rest negative; one in 3
    // flagged (167); waiting: every unanswered comment that is flagged or negative (452).
    const byKey = (rows: TallyRow[]) => [...rows].sort((a, b) => a.key.localeCompare(b.key));
    expect(byKey(await db.tallies.toArray())).toEqual([
      { key: 'day|2023-11-14|x', counts: { seen: 500, neutral: 72, negative: 428 } },
      { key: 'now|x', counts: { flagged: 167, waiting: 452 } },
    ]);
  });

  it('opens a new database at the latest version', async () => {
    const db = openDb(name());
    opened.push(db);
    await db.open();
    expect(db.verno).toBe(5);
    expect(db.tables.map((t) => t.name)).toEqual(expect.arrayContaining(['health', 'tallies', 'teamComments', 'teamOutbox', 'teamQuarantine', 'teamNotices', 'members', 'teamMeta']));
  });

  it("words version 4 health problems as codes, keeping the platform's counts and its other tables", async () => {
    const dbName = name();
    // Version 4's tables, as openDb declared them then.
    const v4 = new Dexie(dbName);
    v4.version(4).stores({
      comments:
        'id, platform, status, firstSeenAt, [platform+firstSeenAt], incidentId, [status+firstSeenAt], [sentiment.label+firstSeenAt], [attention+firstSeenAt], [attention+platform+firstSeenAt], repliedAt',
      templates: 'id, name, folder, *tags',
      voicePacks: 'id, brandId, active',
      incidents: 'id, status, createdAt',
      timeline: '++id, incidentId, [incidentId+at]',
      clips: 'id, incidentId',
      events: '++id, at, type',
      brands: 'id, name',
      settings: 'key',
      health: 'platform',
      tallies: 'key',
      teamComments: 'id, updatedAt',
      teamOutbox: '++seq, docId',
      teamQuarantine: 'id, at',
      teamNotices: '++id, at',
      members: 'name',
      teamMeta: 'key',
    });
    const row = { checkedAt: 1_700_000_000_000, comments: 0, composers: 1, retries: 4, failures: 1 };
    await v4.table('health').bulkAdd([
      { ...row, platform: 'x', url: 'https://x.com/a/status/1', problems: ['no comments found on a page that should have some'] },
      { ...row, platform: 'reddit', url: 'https://www.reddit.com/r/a/comments/b/', comments: 12, problems: ['12 comment nodes found but none could be read', 'reading 3 comment nodes failed'] },
      { ...row, platform: 'youtube', url: 'https://www.youtube.com/watch?v=a', comments: 8, problems: [] },
    ]);
    await v4.table('members').add({ name: 'lea', roles: ['lead'] });
    v4.close();

    const db = openDb(dbName);
    opened.push(db);
    await db.open();
    expect(db.verno).toBe(5);
    const byPlatform = Object.fromEntries((await db.health.toArray()).map((h) => [h.platform, h]));
    expect(byPlatform.x).toEqual({ ...row, platform: 'x', url: 'https://x.com/a/status/1', problems: [{ code: 'no-comments' }] });
    expect(byPlatform.reddit?.problems).toEqual([{ code: 'unreadable', found: 12 }, { code: 'read-failed', count: 3 }]);
    expect(byPlatform.youtube?.problems).toEqual([]);
    expect(await db.members.get('lea')).toEqual({ name: 'lea', roles: ['lead'] });
  });
});

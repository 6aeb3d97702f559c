import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordSeen, setStatus } from '../../../lib/db/comments';
import { needsAttention, type CommentRecord } from '../../../lib/db/model';
import { deleteAllData, purgeOlderThan } from '../../../lib/db/queue';
import { openDb, type VigieDb } from '../../../lib/db/schema';
import { dayKey, parseDayRowKey, tallyAll, type TallyRow } from '../../../lib/db/tallies';
import { platformIds, type PlatformId } from '../../../lib/platforms/types';
import type { SentimentResult } from '../../../lib/sentiment/types';

const HOUR = 3_600_000;
const NOW = new Date('2026-11-20T15:00:00').getTime();

function comment(over: Partial<CommentRecord>): CommentRecord {
  const c: CommentRecord = {
    id: 'x:1',
    platform: 'x',
    nativeId: '1',
    threadUrl: 'https://x.com/a/status/1',
    author: { name: 'A' },
    text: 'texte',
    lang: 'fr',
    sentiment: { label: 'neutral', score: 0, confidence: 0.9 },
    risks: [],
    firstSeenAt: NOW,
    lastSeenAt: NOW,
    status: 'new',
    attention: 0,
    ...over,
  };
  return { ...c, attention: needsAttention(c) };
}

const byKey = (rows: TallyRow[]) => [...rows].sort((a, b) => a.key.localeCompare(b.key));

describe('tallyAll', () => {
  const cases: { name: string; comments: CommentRecord[]; rows: TallyRow[] }[] = [
    { name: 'nothing', comments: [], rows: [] },
    {
      name: 'a neutral comment seen today',
      comments: [comment({})],
      rows: [{ key: `day|${dayKey(NOW)}|x`, counts: { seen: 1, neutral: 1 } }],
    },
    {
      name: 'a negative comment waiting, with a risk tag raised twice (counted once)',
      comments: [
        comment({
          platform: 'reddit',
          sentiment: { label: 'negative', score: -0.8, confidence: 0.9 },
          risks: [
            { tag: 'legal', evidence: [0, 3] },
            { tag: 'legal', evidence: [5, 9] },
          ],
        }),
      ],
      rows: [
        { key: 'now|reddit', counts: { waiting: 1 } },
        { key: `day|${dayKey(NOW)}|reddit`, counts: { seen: 1, negative: 1, 'risk:legal': 1 } },
      ],
    },
    {
      name: 'answered the next day, counted on the day of the answer',
      comments: [comment({ status: 'replied', sentiment: { label: 'negative', score: -0.5, confidence: 0.9 }, repliedAt: NOW + 24 * HOUR })],
      rows: [
        { key: `day|${dayKey(NOW)}|x`, counts: { seen: 1, negative: 1 } },
        { key: `day|${dayKey(NOW + 24 * HOUR)}|x`, counts: { replied: 1, 'response:1440': 1 } },
      ],
    },
    {
      name: 'flagged: flagged and waiting',
      comments: [comment({ status: 'flagged' }), comment({ id: 'x:2', status: 'ignored', sentiment: { label: 'positive', score: 1, confidence: 1 } })],
      rows: [
        { key: 'now|x', counts: { flagged: 1, waiting: 1 } },
        { key: `day|${dayKey(NOW)}|x`, counts: { seen: 2, neutral: 1, positive: 1 } },
      ],
    },
  ];
  it.each(cases)('$name', ({ comments, rows }) => {
    expect(byKey(tallyAll(comments))).toEqual(byKey(rows));
  });

  it('reads a day row key back, and refuses other keys', () => {
    expect(parseDayRowKey('day|2026-11-20|bluesky')).toEqual({ day: '2026-11-20', platform: 'bluesky' });
    expect(parseDayRowKey('now|x')).toBeUndefined();
    expect(parseDayRowKey('day|2026-11-20|myspace')).toBeUndefined();
  });
});

describe('tallies kept by the database', () => {
  let db: VigieDb;
  beforeEach(async () => {
    db = openDb(`vigie-tallies-${Math.random()}`);
    await db.open();
  });
  afterEach(async () => {
    db.close();
    await Dexie.delete(db.name);
  });

  /** The tallies as stored must always be what counting every row from scratch gives. */
  async function expectInStep() {
    expect(byKey(await db.tallies.toArray())).toEqual(byKey(tallyAll(await db.comments.toArray())));
  }

  const labels: SentimentResult['label'][] = ['negative', 'neutral', 'positive'];
  const sentiment = (text: string): SentimentResult => ({
    label: labels[text.length % 3]!,
    score: 0,
    confidence: 0.9,
    lang: 'fr',
    risks: text.includes('avocat') ? [{ tag: 'legal', evidence: [0, 6] }] : [],
  });

  it('follows sightings, edits, status changes, updates and deletions through every write path', async () => {
    // A seeded walk over the writers: each step is one way the extension changes comments.
    let seed = 7;
    const rand = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    const pick = <T,>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
    const texts = ['bof', 'nul', 'merci beaucoup', 'mon avocat vous écrira', 'super', 'déçu du service'];
    for (let step = 0; step < 300; step++) {
      const at = NOW - Math.floor(rand() * 72) * HOUR;
      const id = (n: number) => `${pick(platformIds)}:${n}`;
      const action = rand();
      if (action < 0.45) {
        const batch = Array.from({ length: 1 + Math.floor(rand() * 5) }, () => {
          const [platform, nativeId] = id(Math.floor(rand() * 40)).split(':') as [PlatformId, string];
          return { platform, nativeId, author: { name: 'A' }, text: pick(texts) };
        });
        await recordSeen(db, batch, 'https://example.com/t', sentiment, at);
      } else {
        const rows = await db.comments.toArray();
        if (rows.length === 0) continue;
        const row = pick(rows);
        if (action < 0.75) await setStatus(db, row.id, pick(['new', 'flagged', 'replied', 'ignored'] as const), at);
        else if (action < 0.85) await db.comments.update(row.id, { firstSeenAt: at - 48 * HOUR });
        else if (action < 0.92) await db.comments.delete(row.id);
        else await purgeOlderThan(db, 2, NOW);
      }
    }
    expect(await db.comments.count()).toBeGreaterThan(20);
    await expectInStep();
    await db.comments.where('id').between('m', 'y').delete();
    await expectInStep();
  });

  it('leaves the tallies untouched when the transaction writing the comments fails', async () => {
    await recordSeen(db, [{ platform: 'x', nativeId: '1', author: { name: 'A' }, text: 'nul' }], 'u', sentiment, NOW);
    const before = await db.tallies.toArray();
    await expect(
      db.transaction('rw', db.comments, async () => {
        await db.comments.put(comment({ id: 'x:2', status: 'flagged' }));
        throw new Error('the tab closed');
      }),
    ).rejects.toThrow('the tab closed');
    expect(await db.tallies.toArray()).toEqual(before);
    await expectInStep();
  });

  it('counts only the rows a partly failed bulk write stored', async () => {
    await db.comments.add(comment({ id: 'x:1' }));
    await db.transaction('rw', db.comments, async () => {
      await db.comments.bulkAdd([comment({ id: 'x:1', status: 'flagged' }), comment({ id: 'x:2', status: 'flagged' })]).catch((e: Error) => expect(e.name).toBe('BulkError'));
    });
    expect(await db.comments.count()).toBe(2);
    await expectInStep();
    expect((await db.tallies.get('now|x'))?.counts).toEqual({ flagged: 1, waiting: 1 });
  });

  it('counts a comment named twice in one batch once', async () => {
    const c = { platform: 'x' as const, nativeId: '1', author: { name: 'A' }, text: 'nul' };
    const { added } = await recordSeen(db, [c, { ...c, text: 'avocat' }], 'u', sentiment, NOW);
    expect(added).toHaveLength(1);
    await db.comments.bulkPut([comment({ id: 'x:2' }), comment({ id: 'x:2', status: 'flagged' })]);
    await db.comments.bulkDelete(['x:2', 'x:2']);
    await expectInStep();
    expect((await db.tallies.get(`day|${dayKey(NOW)}|x`))?.counts.seen).toBe(1);
  });

  it('stays in step with writes started together in one transaction', async () => {
    await db.transaction('rw', db.comments, () =>
      Promise.all([db.comments.put(comment({ id: 'x:1' })), db.comments.put(comment({ id: 'x:2', status: 'flagged' })), db.comments.bulkPut([comment({ id: 'x:3' })])]),
    );
    await expectInStep();
    expect((await db.tallies.get(`day|${dayKey(NOW)}|x`))?.counts.seen).toBe(3);
  });

  it('empties with "delete all my data"', async () => {
    await recordSeen(db, [{ platform: 'x', nativeId: '1', author: { name: 'A' }, text: 'nul' }], 'u', sentiment, NOW);
    expect(await db.tallies.count()).toBeGreaterThan(0);
    await deleteAllData(db);
    expect(await db.tallies.count()).toBe(0);
  });
});

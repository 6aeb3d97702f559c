import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import type { CommentRecord } from '../../../lib/db/model';
import { openDb } from '../../../lib/db/schema';
import { loadStats, statsFromTallies, statsToCsv } from '../../../lib/db/stats';
import { bucketMiddle, responseBucket, tallyAll } from '../../../lib/db/tallies';

const at = (s: string) => new Date(s).getTime();
const comment = (id: string, platform: CommentRecord['platform'], label: CommentRecord['sentiment']['label'], seen: string, replied?: string, tags: string[] = []): CommentRecord => ({
  id, platform, nativeId: id, threadUrl: 'u', author: { name: 'A' }, text: id, lang: 'fr',
  sentiment: { label, score: 0, confidence: 1 }, risks: tags.map((tag) => ({ tag: tag as never, evidence: [0, 1] })),
  firstSeenAt: at(seen), lastSeenAt: at(seen), status: replied ? 'replied' : 'new', attention: 0,
  ...(replied ? { repliedAt: at(replied) } : {}),
});

describe('statistics', () => {
  const comments = [
    comment('a', 'x', 'negative', '2026-11-18T10:00', '2026-11-18T11:00', ['crisis', 'legal']),
    comment('b', 'x', 'positive', '2026-11-18T12:00'),
    comment('c', 'facebook', 'negative', '2026-11-19T09:00', '2026-11-19T09:30', ['crisis']),
    comment('d', 'x', 'neutral', '2026-11-19T10:00', '2026-11-20T10:00'),
  ];
  const stats = statsFromTallies(tallyAll(comments));

  it('counts sentiment per day and platform, and replies on the day they were given', () => {
    expect(stats.days).toEqual([
      { day: '2026-11-18', platform: 'x', negative: 1, neutral: 0, positive: 1, replies: 1 },
      { day: '2026-11-19', platform: 'facebook', negative: 1, neutral: 0, positive: 0, replies: 1 },
      { day: '2026-11-19', platform: 'x', negative: 0, neutral: 1, positive: 0, replies: 0 },
      { day: '2026-11-20', platform: 'x', negative: 0, neutral: 0, positive: 0, replies: 1 },
    ]);
  });

  it('gives the median response time and the top risk tags', () => {
    expect(stats.medianResponseMinutes).toBe(60);
    expect(stats.topRisks).toEqual([{ tag: 'crisis', count: 2 }, { tag: 'legal', count: 1 }]);
    expect(stats.total).toBe(4);
  });

  it('gives the median of an even count as the mean of the two middle ones, and none without replies', () => {
    const two = [comment('a', 'x', 'neutral', '2026-11-18T10:00', '2026-11-18T10:10'), comment('b', 'x', 'neutral', '2026-11-18T10:00', '2026-11-18T10:40')];
    expect(statsFromTallies(tallyAll(two)).medianResponseMinutes).toBe(25);
    expect(statsFromTallies(tallyAll([comment('c', 'x', 'neutral', '2026-11-18T10:00')])).medianResponseMinutes).toBeNull();
  });

  it.each([
    // minutes, bucket, counted as: to the minute under 2 h, 5 minutes under a day, the hour under a week, the day beyond
    [0, 0, 0],
    [0.4, 0, 0],
    [59.6, 60, 60],
    [119, 119, 119],
    [202, 200, 202],
    [1439, 1435, 1437],
    [1440 + 61, 1500, 1529.5],
    [10_080 + 5, 10_080, 10_799.5],
  ])('tallies a response of %d minutes in the bucket starting at %d, counted as %d', (minutes, bucket, middle) => {
    expect(responseBucket(minutes)).toBe(bucket);
    expect(bucketMiddle(bucket)).toBe(middle);
  });

  it('reads the last N local days, today included, from the tallies', async () => {
    const db = openDb(`vigie-stats-${Math.random()}`);
    const now = at('2026-11-20T15:00');
    await db.comments.bulkAdd([
      comment('today', 'x', 'negative', '2026-11-20T08:00', '2026-11-20T09:00'),
      comment('first-day', 'x', 'positive', '2026-11-14T00:30'),
      comment('too-old', 'x', 'negative', '2026-11-13T23:30', '2026-11-14T01:00'),
    ]);
    const week = await loadStats(db, 7, now);
    expect(week.total).toBe(2);
    // Answered inside the week, though first seen before it: the reply counts, the comment does not.
    expect(week.days.map((d) => [d.day, d.negative + d.neutral + d.positive, d.replies])).toEqual([
      ['2026-11-14', 1, 1],
      ['2026-11-20', 1, 1],
    ]);
    expect(week.medianResponseMinutes).toBe(75);
    db.close();
    await Dexie.delete(db.name);
  });

  it('exports CSV a spreadsheet opens safely', () => {
    const csv = statsToCsv({ ...stats, days: [{ day: '=HYPERLINK("x")', platform: 'x', negative: 1, neutral: 0, positive: 0, replies: 0 }] });
    expect(csv).toBe('\ufeffday,platform,negative,neutral,positive,replies\r\n"\'=HYPERLINK(""x"")",x,1,0,0,0\r\n');
  });
});

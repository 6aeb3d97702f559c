import { describe, expect, it } from 'vitest';
import type { CommentRecord } from '../../../lib/db/model';
import { computeStats, median, statsToCsv } from '../../../lib/db/stats';

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
  const stats = computeStats(comments, at('2026-11-18T00:00'), at('2026-11-21T00:00'));

  it('counts sentiment per day and platform, and replies on the day they were given', () => {
    expect(stats.days).toEqual([
      { day: '2026-11-18', platform: 'x', negative: 1, neutral: 0, positive: 1, replies: 1 },
      { day: '2026-11-19', platform: 'facebook', negative: 1, neutral: 0, positive: 0, replies: 1 },
      { day: '2026-11-19', platform: 'x', negative: 0, neutral: 1, positive: 0, replies: 0 },
      { day: '2026-11-20', platform: 'x', negative: 0, neutral: 0, positive: 0, replies: 1 },
    ]);
    expect(stats.repliesPerDay).toEqual([{ day: '2026-11-18', replies: 1 }, { day: '2026-11-19', replies: 1 }, { day: '2026-11-20', replies: 1 }]);
  });

  it('gives the median response time and the top risk tags', () => {
    expect(stats.medianResponseMinutes).toBe(60);
    expect(stats.topRisks).toEqual([{ tag: 'crisis', count: 2 }, { tag: 'legal', count: 1 }]);
    expect(median([])).toBeNull();
    expect(median([3, 1, 2, 10])).toBe(2.5);
  });

  it('exports CSV a spreadsheet opens safely', () => {
    const csv = statsToCsv({ ...stats, days: [{ day: '=HYPERLINK("x")', platform: 'x', negative: 1, neutral: 0, positive: 0, replies: 0 }] });
    expect(csv).toBe('\ufeffday,platform,negative,neutral,positive,replies\r\n"\'=HYPERLINK(""x"")",x,1,0,0,0\r\n');
  });
});

import { describe, expect, it } from 'vitest';
import type { Stats } from '../../../lib/db/stats';
import { periodDays, statsSeries } from '../../../components/stats-series';

const now = new Date(2026, 11, 20, 15, 30).getTime(); // 20 December 2026, afternoon, local time
const midnight = (y: number, m: number, d: number) => new Date(y, m, d).getTime() / 1000;
const stats = (days: Stats['days']): Stats => ({ days, medianResponseMinutes: null, topRisks: [], total: 0 });
const row = (day: string, platform: 'x' | 'reddit', negative: number, replies = 0) => ({ day, platform, negative, neutral: 1, positive: 2, replies });

describe('statistics series', () => {
  it('one day of data on a 14-day chart: the axis runs over the 14 days, not around the one day', () => {
    const s = statsSeries(stats([row('2026-12-20', 'x', 3, 1)]), 'all', 14, now);
    expect(s.x).toHaveLength(14);
    expect(s.xRange).toEqual([midnight(2026, 11, 7), midnight(2026, 11, 20)]);
    expect(s.x[0]).toBe(s.xRange[0]);
    expect(s.x.at(-1)).toBe(s.xRange[1]);
    // Days without a comment count zero; today holds the data.
    expect(s.sentiment[1]).toEqual([...Array(13).fill(0), 3]);
    expect(s.replies[1]).toEqual([...Array(13).fill(0), 1]);
  });

  it.each([7, 14, 30, 90])('%i days: as many points, one a day, ending today', (days) => {
    const s = statsSeries(stats([]), 'all', days, now);
    expect(s.x).toHaveLength(days);
    expect(s.xRange[1]).toBe(midnight(2026, 11, 20));
    const first = new Date(2026, 11, 20);
    first.setDate(first.getDate() - (days - 1));
    expect(s.xRange[0]).toBe(first.getTime() / 1000);
    expect(s.x.every((v, i) => i === 0 || v > s.x[i - 1]!)).toBe(true);
  });

  it('sums platforms for "all", keeps one platform when filtered, and ignores days outside the period', () => {
    const data = stats([row('2026-11-01', 'x', 50), row('2026-12-19', 'x', 2), row('2026-12-19', 'reddit', 5), row('2026-12-20', 'reddit', 1)]);
    expect(statsSeries(data, 'all', 7, now).sentiment[1]!.slice(-2)).toEqual([7, 1]);
    expect(statsSeries(data, 'reddit', 7, now).sentiment[1]!.slice(-2)).toEqual([5, 1]);
    expect(statsSeries(data, 'x', 7, now).sentiment[3]).toEqual([0, 0, 0, 0, 0, 2, 0]);
  });

  it('crosses a month and a year end by calendar days', () => {
    const keys = periodDays(3, new Date(2027, 0, 1, 9).getTime()).map((d) => d.key);
    expect(keys).toEqual(['2026-12-30', '2026-12-31', '2027-01-01']);
  });

  it('a one-day period still spans a day', () => {
    const s = statsSeries(stats([]), 'all', 1, now);
    expect(s.xRange).toEqual([midnight(2026, 11, 20), midnight(2026, 11, 20) + 86_400]);
  });
});

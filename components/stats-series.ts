/**
 * The statistics charts' data: one point per day of the period chosen (days without a comment
 * count zero), and an x scale that spans exactly that period. uPlot left to itself ranges the axis
 * over the data, and over a single day of data it pads the range into years (December 2026 to June
 * 2029 on a "14 days" chart).
 */
import type { AlignedData } from 'uplot';
import type { Stats } from '../lib/db/stats';
import { dayKey, startOfDay } from '../lib/db/tallies';

export interface StatsSeries {
  /** Local midnight of each day of the period, in seconds as uPlot's time scale wants, oldest first. */
  x: number[];
  sentiment: AlignedData;
  replies: AlignedData;
  /** The x scale: the first day of the period to the last, in seconds. */
  xRange: [number, number];
}

/** The `days` local days ending today (the same days loadStats reads), as their day keys and midnights. */
export function periodDays(days: number, now: number): { key: string; start: number }[] {
  const out: { key: string; start: number }[] = [];
  const today = new Date(startOfDay(now));
  for (let i = days - 1; i >= 0; i--) {
    const d = new Date(today);
    d.setDate(d.getDate() - i); // by calendar day, not by 24 h: a daylight-saving change moves no day
    out.push({ key: dayKey(d.getTime()), start: d.getTime() });
  }
  return out;
}

export function statsSeries(stats: Stats, platform: string, days: number, now: number): StatsSeries {
  const period = periodDays(Math.max(1, days), now);
  const sums = new Map<string, { negative: number; neutral: number; positive: number; replies: number }>();
  for (const r of stats.days) {
    if (platform !== 'all' && r.platform !== platform) continue;
    const s = sums.get(r.day) ?? { negative: 0, neutral: 0, positive: 0, replies: 0 };
    s.negative += r.negative;
    s.neutral += r.neutral;
    s.positive += r.positive;
    s.replies += r.replies;
    sums.set(r.day, s);
  }
  const x = period.map((d) => d.start / 1000);
  const of = (key: 'negative' | 'neutral' | 'positive' | 'replies') => period.map((d) => sums.get(d.key)?.[key] ?? 0);
  const first = x[0]!;
  // A one-day period still gets a day's width, so the scale is never a single instant.
  const last = x.length > 1 ? x.at(-1)! : first + 86_400;
  return {
    x,
    sentiment: [x, of('negative'), of('neutral'), of('positive')],
    replies: [x, of('replies')],
    xRange: [first, last],
  };
}

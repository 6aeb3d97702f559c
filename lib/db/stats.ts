/** Statistics over a period: sentiment per day and platform, replies per day, response times, risk tags. */
import type { PlatformId } from '../platforms/types';
import { serializeCsv } from '../templates/csv';
import type { RiskTag } from '../sentiment/types';
import type { VigieDb } from './schema';
import { bucketMiddle, dayKey, dayRange, parseDayRowKey, RESPONSE, RISK, startOfDay, type TallyRow } from './tallies';

export interface DayRow {
  day: string;
  platform: PlatformId;
  negative: number;
  neutral: number;
  positive: number;
  replies: number;
}

export interface Stats {
  days: DayRow[];
  medianResponseMinutes: number | null;
  topRisks: { tag: RiskTag; count: number }[];
  total: number;
}

/** The median of tallied response times: the middle of the bucket(s) holding the middle rank(s). */
function medianOfBuckets(buckets: Map<number, number>): number | null {
  const total = [...buckets.values()].reduce((a, b) => a + b, 0);
  if (total === 0) return null;
  const sorted = [...buckets].sort((a, b) => a[0] - b[0]);
  const at = (rank: number) => {
    let seen = 0;
    for (const [start, n] of sorted) if ((seen += n) > rank) return bucketMiddle(start);
    return bucketMiddle(sorted.at(-1)![0]);
  };
  return (at((total - 1) >> 1) + at(total >> 1)) / 2;
}

const bump = <K,>(counts: Map<K, number>, key: K, n: number) => counts.set(key, (counts.get(key) ?? 0) + n);

/** Statistics from day rows of the tallies: those of the period asked for. */
export function statsFromTallies(rows: TallyRow[]): Stats {
  const days: DayRow[] = [];
  const risks = new Map<RiskTag, number>();
  const responses = new Map<number, number>();
  let total = 0;
  for (const row of rows) {
    const at = parseDayRowKey(row.key);
    if (!at) continue;
    const c = row.counts;
    days.push({ ...at, negative: c.negative ?? 0, neutral: c.neutral ?? 0, positive: c.positive ?? 0, replies: c.replied ?? 0 });
    total += c.seen ?? 0;
    for (const [field, n] of Object.entries(c)) {
      if (field.startsWith(RISK)) bump(risks, field.slice(RISK.length) as RiskTag, n);
      else if (field.startsWith(RESPONSE)) bump(responses, Number(field.slice(RESPONSE.length)), n);
    }
  }
  const m = medianOfBuckets(responses);
  return {
    days: days.sort((a, b) => a.day.localeCompare(b.day) || a.platform.localeCompare(b.platform)),
    medianResponseMinutes: m === null ? null : Math.round(m),
    topRisks: [...risks].map(([tag, count]) => ({ tag, count })).sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag)),
    total,
  };
}

/** The last `days` local days, today included: a few tally rows per day, whatever the number of comments. */
export async function loadStats(db: VigieDb, days: number, now: number): Promise<Stats> {
  const first = new Date(startOfDay(now));
  first.setDate(first.getDate() - (days - 1));
  const rows = await db.tallies.where('key').between(...dayRange(dayKey(first.getTime()), dayKey(now)), true, true).toArray();
  return statsFromTallies(rows);
}

/** A leading =, +, - or @ would be run as a formula by the spreadsheet opening the export. */
const cell = (v: string | number) => (/^[=+\-@]/.test(String(v)) ? `'${v}` : String(v));

export function statsToCsv(stats: Stats): string {
  const header = ['day', 'platform', 'negative', 'neutral', 'positive', 'replies'];
  return serializeCsv([header, ...stats.days.map((r) => [r.day, r.platform, r.negative, r.neutral, r.positive, r.replies].map(cell))]);
}

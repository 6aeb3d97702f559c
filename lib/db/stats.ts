/** Statistics over a period: sentiment per day and platform, replies per day, response times, risk tags. */
import type { PlatformId } from '../platforms/types';
import { serializeCsv } from '../templates/csv';
import type { RiskTag, SentimentLabel } from '../sentiment/types';
import type { CommentRecord } from './model';
import type { VigieDb } from './schema';

const DAY = 86_400_000;

export interface DayRow {
  day: string;
  platform: PlatformId;
  negative: number;
  neutral: number;
  positive: number;
  replies: number;
}

export interface Stats {
  from: number;
  to: number;
  days: DayRow[];
  repliesPerDay: { day: string; replies: number }[];
  medianResponseMinutes: number | null;
  topRisks: { tag: RiskTag; count: number }[];
  total: number;
}

const dayKey = (t: number) => {
  const d = new Date(t);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function computeStats(comments: CommentRecord[], from: number, to: number): Stats {
  const rows = new Map<string, DayRow>();
  const replies = new Map<string, number>();
  const risks = new Map<RiskTag, number>();
  const responseMinutes: number[] = [];
  const row = (day: string, platform: PlatformId) => {
    const key = `${day}|${platform}`;
    let r = rows.get(key);
    if (!r) rows.set(key, (r = { day, platform, negative: 0, neutral: 0, positive: 0, replies: 0 }));
    return r;
  };
  for (const c of comments) {
    if (c.firstSeenAt >= from && c.firstSeenAt < to) {
      row(dayKey(c.firstSeenAt), c.platform)[c.sentiment.label as SentimentLabel]++;
      for (const tag of new Set(c.risks.map((r) => r.tag))) risks.set(tag, (risks.get(tag) ?? 0) + 1);
    }
    if (c.repliedAt && c.repliedAt >= from && c.repliedAt < to) {
      const day = dayKey(c.repliedAt);
      row(day, c.platform).replies++;
      replies.set(day, (replies.get(day) ?? 0) + 1);
      responseMinutes.push((c.repliedAt - c.firstSeenAt) / 60_000);
    }
  }
  const m = median(responseMinutes);
  return {
    from,
    to,
    days: [...rows.values()].sort((a, b) => a.day.localeCompare(b.day) || a.platform.localeCompare(b.platform)),
    repliesPerDay: [...replies].map(([day, n]) => ({ day, replies: n })).sort((a, b) => a.day.localeCompare(b.day)),
    medianResponseMinutes: m === null ? null : Math.round(m),
    topRisks: [...risks].map(([tag, count]) => ({ tag, count })).sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag)),
    total: comments.filter((c) => c.firstSeenAt >= from && c.firstSeenAt < to).length,
  };
}

export async function loadStats(db: VigieDb, days: number, now: number): Promise<Stats> {
  const from = now - days * DAY;
  const [seen, replied] = await Promise.all([
    db.comments.where('firstSeenAt').between(from, now, true, true).toArray(),
    db.comments.where('repliedAt').between(from, now, true, true).toArray(),
  ]);
  const byId = new Map(seen.map((c) => [c.id, c]));
  for (const c of replied) byId.set(c.id, c);
  return computeStats([...byId.values()], from, now + 1);
}

/** A leading =, +, - or @ would be run as a formula by the spreadsheet opening the export. */
const cell = (v: string | number) => (/^[=+\-@]/.test(String(v)) ? `'${v}` : String(v));

export function statsToCsv(stats: Stats): string {
  const header = ['day', 'platform', 'negative', 'neutral', 'positive', 'replies'];
  return serializeCsv([header, ...stats.days.map((r) => [r.day, r.platform, r.negative, r.neutral, r.positive, r.replies].map(cell))]);
}

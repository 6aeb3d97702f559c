import { z } from 'zod';
import { riskTag, sentimentLabel } from '../sentiment/types';
import { CrisisInputError, lang, namedIssues, platformName } from './model';

/**
 * Spike detection over the comments the extension has seen.
 *
 * Comments are counted in time buckets per stream (one stream per platform, one per platform and
 * tracked keyword). The last `windowMinutes` of buckets form the window under test; older buckets
 * are folded into a baseline that decays with `baselineHalfLifeHours`, so the comments being tested
 * never raise their own baseline. A thin baseline is pulled towards a prior (a Bayesian average
 * over `priorWeight` imaginary comments), so a new install does not alert on its first bad hour
 * of data, nor call 30% negative "normal" after three comments.
 *
 * Storm control: at most one alert per platform per `cooldownMinutes`, and a stream already in a
 * spike does not alert again until it has dropped back under its thresholds.
 */
export const spikeConfig = z
  .object({
    /** Length of the window compared with the baseline. */
    windowMinutes: z.number().int().min(5).max(1_440).default(30),
    /** Granularity of the window; windowMinutes must be a multiple of it. */
    bucketMinutes: z.number().int().min(1).max(60).default(5),
    /** How fast old comments stop counting in the baseline: one day keeps the daily rhythm in it. */
    baselineHalfLifeHours: z.number().positive().max(24 * 30).default(24),
    /** No alert below this many comments in the window: two angry comments on a quiet day are not a crisis. */
    minVolume: z.number().int().min(1).default(20),
    /** Alert when the window's negative share is this far above the baseline (0.25 = 25 points)... */
    negativeShareRise: z.number().min(0).max(1).default(0.25),
    /** ...and at least this high in absolute terms. */
    minNegativeShare: z.number().min(0).max(1).default(0.4),
    /** The risk tags that count towards a risk spike; insults and churn are everyday noise. */
    riskTags: z.array(riskTag).default(['crisis', 'legal', 'threat', 'safety', 'personal-data']),
    /** Alert when the share of comments carrying one of riskTags is this far above the baseline... */
    riskShareRise: z.number().min(0).max(1).default(0.15),
    /** ...with at least this many such comments in the window. */
    minRiskCount: z.number().int().min(1).default(5),
    /** What the baseline is assumed to be before enough comments were seen. */
    priorNegativeShare: z.number().min(0).max(1).default(0.15),
    priorRiskShare: z.number().min(0).max(1).default(0.02),
    /** How many comments the prior is worth. */
    priorWeight: z.number().min(0).default(30),
    cooldownMinutes: z.number().min(0).default(60),
    /** Comments kept as evidence per alert (and per bucket). */
    maxEvidence: z.number().int().min(1).max(50).default(10),
    evidenceChars: z.number().int().min(20).max(2_000).default(280),
    /** Streams kept at once; the least recently active keyword streams are dropped first. */
    maxStreams: z.number().int().min(10).max(5_000).default(200),
    /** Language of the alerts' `reason`. */
    lang: lang.default('en'),
  })
  .refine((c) => c.windowMinutes % c.bucketMinutes === 0, {
    message: 'windowMinutes must be a multiple of bucketMinutes',
    path: ['windowMinutes'],
  });
export type SpikeConfig = z.output<typeof spikeConfig>;
export type SpikeConfigInput = z.input<typeof spikeConfig>;

/** One comment as the detector sees it; validate at the boundary with this schema, push() trusts it. */
export const spikeEvent = z.object({
  /** Epoch milliseconds: when the comment was first seen (or published, for a replay). */
  at: z.number().finite(),
  platform: platformName,
  label: sentimentLabel,
  risks: z.array(z.object({ tag: riskTag })),
  /** The tracked keywords this comment matches. */
  keywords: z.array(z.string().min(1)).optional(),
  /** The comment's id, so the alert can link to it. */
  id: z.string().optional(),
  text: z.string().optional(),
});
export type SpikeEvent = z.input<typeof spikeEvent>;

const evidence = z.object({
  at: z.number(),
  id: z.string().optional(),
  text: z.string().optional(),
  label: sentimentLabel,
  tags: z.array(z.string()),
});
export type Evidence = z.infer<typeof evidence>;

const bucket = z.object({
  /** floor(at / bucketMs) */
  i: z.number().int(),
  n: z.number().int(),
  neg: z.number().int(),
  risky: z.number().int(),
  tags: z.record(z.string(), z.number().int()),
  evidence: z.array(evidence),
});
type Bucket = z.infer<typeof bucket>;

const stream = z.object({
  platform: z.string(),
  keyword: z.string().optional(),
  /** Newest bucket index seen: the window is (head - windowBuckets, head]. */
  head: z.number().int(),
  buckets: z.array(bucket),
  /** Decayed counts of everything older than the window. */
  base: z.object({ n: z.number(), neg: z.number(), risky: z.number(), i: z.number().int() }),
  armed: z.boolean(),
  lastAt: z.number(),
});
type Stream = z.infer<typeof stream>;

export const spikeSnapshot = z.object({
  version: z.literal(1),
  bucketMs: z.number().int().positive(),
  cooldownUntil: z.record(z.string(), z.number()),
  streams: z.array(stream),
});
export type SpikeSnapshot = z.infer<typeof spikeSnapshot>;

export interface SpikeStats {
  comments: number;
  negative: number;
  negativeShare: number;
  baselineNegativeShare: number;
  risky: number;
  riskyShare: number;
  baselineRiskyShare: number;
  /** Count per risk tag in the window. */
  tags: Record<string, number>;
}

export interface Alert {
  /** Epoch ms of the comment that tipped the window over. */
  at: number;
  platform: string;
  keyword?: string;
  kind: 'negative-share' | 'risk-tags';
  reason: string;
  stats: SpikeStats;
  /** The most recent negative or risky comments of the window, oldest first. */
  evidence: Evidence[];
}

export interface SpikeDetector {
  readonly config: SpikeConfig;
  push(event: SpikeEvent): Alert[];
  snapshot(): SpikeSnapshot;
  /** Memory in use, in items, to check it stays bounded. */
  size(): { streams: number; buckets: number; evidence: number };
}

const MINUTE = 60_000;

export function parseSpikeConfig(input: unknown): SpikeConfig {
  const parsed = spikeConfig.safeParse(input ?? {});
  if (parsed.success) return parsed.data;
  const issues = namedIssues(parsed.error);
  throw new CrisisInputError(`invalid spike config: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, issues);
}

const pct = (x: number) => (x > 0 && x < 0.005 ? '<1%' : `${Math.round(x * 100)}%`);

function describe(kind: Alert['kind'], s: SpikeStats, c: SpikeConfig, keyword?: string): string {
  const about = keyword ? (c.lang === 'fr' ? ` (mot-clé « ${keyword} »)` : ` (keyword "${keyword}")`) : '';
  const tags = Object.entries(s.tags)
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([t, n]) => `${t} ${n}`)
    .join(', ');
  if (c.lang === 'fr') {
    return kind === 'negative-share'
      ? `part négative ${pct(s.negativeShare)} sur les ${c.windowMinutes} dernières minutes contre ${pct(s.baselineNegativeShare)} d’habitude (${s.comments} commentaires)${about}`
      : `signaux de risque (${tags}) sur ${pct(s.riskyShare)} des commentaires des ${c.windowMinutes} dernières minutes contre ${pct(s.baselineRiskyShare)} d’habitude (${s.comments} commentaires)${about}`;
  }
  return kind === 'negative-share'
    ? `negative share ${pct(s.negativeShare)} over the last ${c.windowMinutes} min vs ${pct(s.baselineNegativeShare)} baseline (${s.comments} comments)${about}`
    : `risk tags (${tags}) on ${pct(s.riskyShare)} of comments over the last ${c.windowMinutes} min vs ${pct(s.baselineRiskyShare)} baseline (${s.comments} comments)${about}`;
}

export function createSpikeDetector(configInput: SpikeConfigInput = {}, snapshot?: unknown): SpikeDetector {
  const config = parseSpikeConfig(configInput);
  const bucketMs = config.bucketMinutes * MINUTE;
  const windowBuckets = config.windowMinutes / config.bucketMinutes;
  const halfLifeBuckets = (config.baselineHalfLifeHours * 60) / config.bucketMinutes;
  const counted = new Set<string>(config.riskTags);
  const streams = new Map<string, Stream>();
  const cooldownUntil = new Map<string, number>();

  if (snapshot !== undefined) restore(snapshot);

  function restore(raw: unknown): void {
    const parsed = spikeSnapshot.safeParse(raw);
    if (!parsed.success) {
      const issues = namedIssues(parsed.error);
      throw new CrisisInputError(`invalid spike detector snapshot: ${issues[0]?.path}: ${issues[0]?.message}`, issues);
    }
    const snap = parsed.data;
    for (const [platform, until] of Object.entries(snap.cooldownUntil)) cooldownUntil.set(platform, until);
    for (const s of snap.streams) {
      // Buckets of another size cannot be compared with this window: they count as history.
      if (snap.bucketMs !== bucketMs) {
        for (const b of s.buckets) fold(s, b);
        s.buckets = [];
        s.head = Math.floor(s.lastAt / bucketMs);
        s.base.i = s.head;
      }
      streams.set(keyOf(s.platform, s.keyword), s);
    }
  }

  function keyOf(platform: string, keyword?: string): string {
    return keyword === undefined ? platform : `${platform}\u0000${keyword}`;
  }

  function fold(s: Stream, b: Bucket): void {
    const decay = Math.pow(0.5, Math.max(0, b.i - s.base.i) / halfLifeBuckets);
    s.base = { n: s.base.n * decay + b.n, neg: s.base.neg * decay + b.neg, risky: s.base.risky * decay + b.risky, i: Math.max(b.i, s.base.i) };
  }

  function advance(s: Stream, head: number): void {
    if (head <= s.head) return;
    s.head = head;
    while (s.buckets.length && s.buckets[0]!.i <= head - windowBuckets) fold(s, s.buckets.shift()!);
  }

  function streamFor(platform: string, keyword: string | undefined, at: number): Stream {
    const key = keyOf(platform, keyword);
    let s = streams.get(key);
    if (s) return s;
    if (streams.size >= config.maxStreams) evictOne();
    const i = Math.floor(at / bucketMs);
    s = { platform, ...(keyword !== undefined ? { keyword } : {}), head: i, buckets: [], base: { n: 0, neg: 0, risky: 0, i }, armed: true, lastAt: at };
    streams.set(key, s);
    return s;
  }

  function evictOne(): void {
    let victim: [string, Stream] | undefined;
    for (const entry of streams) {
      const [, s] = entry;
      const rank = (x: Stream) => (x.keyword === undefined ? 1 : 0);
      if (!victim || rank(s) < rank(victim[1]) || (rank(s) === rank(victim[1]) && s.lastAt < victim[1].lastAt)) victim = entry;
    }
    if (victim) streams.delete(victim[0]);
  }

  function record(s: Stream, e: SpikeEvent, risky: string[]): boolean {
    const i = Math.floor(e.at / bucketMs);
    advance(s, i);
    s.lastAt = Math.max(s.lastAt, e.at);
    // Too late for the window: its bucket is already part of the baseline.
    if (i <= s.head - windowBuckets) return false;
    let pos = s.buckets.length;
    while (pos > 0 && s.buckets[pos - 1]!.i > i) pos--;
    let b = s.buckets[pos - 1];
    if (!b || b.i !== i) {
      b = { i, n: 0, neg: 0, risky: 0, tags: {}, evidence: [] };
      s.buckets.splice(pos, 0, b);
    }
    b.n++;
    const negative = e.label === 'negative';
    if (negative) b.neg++;
    if (risky.length) {
      b.risky++;
      for (const t of risky) b.tags[t] = (b.tags[t] ?? 0) + 1;
    }
    if ((negative || risky.length) && b.evidence.length < config.maxEvidence) {
      b.evidence.push({
        at: e.at,
        ...(e.id !== undefined ? { id: e.id } : {}),
        ...(e.text !== undefined ? { text: e.text.slice(0, config.evidenceChars) } : {}),
        label: e.label,
        tags: risky,
      });
    }
    return true;
  }

  function statsOf(s: Stream): SpikeStats {
    let n = 0;
    let neg = 0;
    let risky = 0;
    const tags: Record<string, number> = {};
    for (const b of s.buckets) {
      n += b.n;
      neg += b.neg;
      risky += b.risky;
      for (const [t, c] of Object.entries(b.tags)) tags[t] = (tags[t] ?? 0) + c;
    }
    const w = config.priorWeight;
    return {
      comments: n,
      negative: neg,
      negativeShare: n ? neg / n : 0,
      baselineNegativeShare: (s.base.neg + config.priorNegativeShare * w) / (s.base.n + w || 1),
      risky,
      riskyShare: n ? risky / n : 0,
      baselineRiskyShare: (s.base.risky + config.priorRiskShare * w) / (s.base.n + w || 1),
      tags,
    };
  }

  /** How far past its thresholds the stream is, or null when it is not in a spike. */
  function excess(st: SpikeStats): { kind: Alert['kind']; by: number } | null {
    if (st.comments < config.minVolume) return null;
    const negBy = st.negativeShare - st.baselineNegativeShare - config.negativeShareRise;
    const negative = negBy >= 0 && st.negativeShare >= config.minNegativeShare;
    const riskBy = st.riskyShare - st.baselineRiskyShare - config.riskShareRise;
    const risk = riskBy >= 0 && st.risky >= config.minRiskCount;
    if (negative && (!risk || negBy >= riskBy)) return { kind: 'negative-share', by: negBy };
    if (risk) return { kind: 'risk-tags', by: riskBy };
    return null;
  }

  /** The comments behind this kind of alert: negative ones for a negative share, tagged ones for risk. */
  function evidenceOf(s: Stream, kind: Alert['kind']): Evidence[] {
    const relevant = (ev: Evidence) => (kind === 'negative-share' ? ev.label === 'negative' : ev.tags.length > 0);
    const all: Evidence[] = [];
    for (let k = s.buckets.length - 1; k >= 0 && all.length < config.maxEvidence; k--) {
      const ev = s.buckets[k]!.evidence;
      for (let j = ev.length - 1; j >= 0 && all.length < config.maxEvidence; j--) if (relevant(ev[j]!)) all.push(ev[j]!);
    }
    return all.sort((a, b) => a.at - b.at);
  }

  function push(e: SpikeEvent): Alert[] {
    const risky = e.risks.length ? [...new Set(e.risks.map((r) => r.tag).filter((t) => counted.has(t)))] : [];
    const keywords = e.keywords?.length ? [...new Set(e.keywords.map((k) => k.trim().toLowerCase()).filter(Boolean))] : [];
    let best: { s: Stream; st: SpikeStats; kind: Alert['kind']; by: number } | undefined;
    const spiking: Stream[] = [];
    for (const keyword of [undefined, ...keywords]) {
      const s = streamFor(e.platform, keyword, e.at);
      if (!record(s, e, risky)) continue;
      const st = statsOf(s);
      const x = excess(st);
      if (!x) {
        s.armed = true;
        continue;
      }
      if (!s.armed) continue;
      spiking.push(s);
      // A keyword stream names the subject; it wins over the platform-wide stream when both spike.
      const specific = (c: Stream) => (c.keyword === undefined ? 0 : 1);
      if (!best || specific(s) > specific(best.s) || (specific(s) === specific(best.s) && x.by > best.by)) best = { s, st, ...x };
    }
    if (!best) return [];
    // Every stream that is spiking now is covered by this alert (or by the one the cooldown is for).
    for (const s of spiking) s.armed = false;
    if (e.at < (cooldownUntil.get(e.platform) ?? -Infinity)) return [];
    cooldownUntil.set(e.platform, e.at + config.cooldownMinutes * MINUTE);
    const { s, st, kind } = best;
    return [
      {
        at: e.at,
        platform: e.platform,
        ...(s.keyword !== undefined ? { keyword: s.keyword } : {}),
        kind,
        reason: describe(kind, st, config, s.keyword),
        stats: st,
        evidence: evidenceOf(s, kind),
      },
    ];
  }

  function snapshotOf(): SpikeSnapshot {
    return structuredClone({
      version: 1 as const,
      bucketMs,
      cooldownUntil: Object.fromEntries(cooldownUntil),
      streams: [...streams.values()],
    });
  }

  function size() {
    let buckets = 0;
    let ev = 0;
    for (const s of streams.values()) {
      buckets += s.buckets.length;
      for (const b of s.buckets) ev += b.evidence.length;
    }
    return { streams: streams.size, buckets, evidence: ev };
  }

  return { config, push, snapshot: snapshotOf, size };
}

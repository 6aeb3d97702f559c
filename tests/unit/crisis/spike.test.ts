import { describe, expect, it } from 'vitest';
import { createSpikeDetector, type Alert, type SpikeEvent } from '../../../lib/crisis/spike';
import { CrisisInputError } from '../../../lib/crisis/model';

const MIN = 60_000;
const T0 = Date.parse('2026-11-02T08:00:00Z');

/** A deterministic stream: `perMinute` comments a minute, every n-th one negative. */
function stream(opts: {
  from: number;
  minutes: number;
  perMinute?: number;
  negativeEvery?: number;
  platform?: string;
  keywords?: string[];
  risks?: SpikeEvent['risks'];
  text?: string;
}): SpikeEvent[] {
  const out: SpikeEvent[] = [];
  const per = opts.perMinute ?? 1;
  let k = 0;
  for (let m = 0; m < opts.minutes; m++) {
    for (let j = 0; j < per; j++) {
      k++;
      const negative = opts.negativeEvery ? k % opts.negativeEvery === 0 : false;
      out.push({
        at: opts.from + m * MIN + Math.floor((j * MIN) / per),
        platform: opts.platform ?? 'x',
        label: negative ? 'negative' : k % 3 === 0 ? 'positive' : 'neutral',
        risks: negative ? (opts.risks ?? []) : [],
        ...(opts.keywords ? { keywords: opts.keywords } : {}),
        id: `c${opts.from + m * MIN}-${j}`,
        text: negative ? (opts.text ?? 'arnaque, remboursez-moi') : 'merci',
      });
    }
  }
  return out;
}

function run(events: SpikeEvent[], detector = createSpikeDetector()): Alert[] {
  return events.sort((a, b) => a.at - b.at).flatMap((e) => detector.push(e));
}

const calm = () => stream({ from: T0, minutes: 8 * 60, negativeEvery: 10 });
const burst = (from: number, minutes = 20) => stream({ from, minutes, perMinute: 3, negativeEvery: 1 });

describe('spike detector', () => {
  it('stays silent over a calm day', () => {
    expect(run(calm())).toEqual([]);
  });

  it('raises exactly one alert for a burst of angry comments, with a readable reason and bounded evidence', () => {
    const alerts = run([...calm(), ...burst(T0 + 8 * 60 * MIN)]);
    expect(alerts).toHaveLength(1);
    const [a] = alerts;
    expect(a!.platform).toBe('x');
    expect(a!.kind).toBe('negative-share');
    expect(a!.at).toBeGreaterThanOrEqual(T0 + 8 * 60 * MIN);
    expect(a!.at).toBeLessThan(T0 + 8 * 60 * MIN + 15 * MIN);
    expect(a!.reason).toMatch(/^negative share \d+% over the last 30 min vs (9|10|11|12)% baseline \(\d+ comments\)$/);
    expect(a!.stats.comments).toBeGreaterThanOrEqual(20);
    expect(a!.evidence.length).toBeGreaterThan(0);
    expect(a!.evidence.length).toBeLessThanOrEqual(10);
    expect(a!.evidence.every((e) => e.label === 'negative' && e.text === 'arnaque, remboursez-moi')).toBe(true);
  });

  it('does not alert again while the same spike goes on for hours', () => {
    const alerts = run([...calm(), ...burst(T0 + 8 * 60 * MIN, 4 * 60)]);
    expect(alerts).toHaveLength(1);
  });

  it('does not alert on a handful of angry comments on a quiet day (minimum volume)', () => {
    const quiet = stream({ from: T0, minutes: 6 * 60, perMinute: 1 }).filter((_, i) => i % 20 === 0);
    const angry = stream({ from: T0 + 6 * 60 * MIN, minutes: 5, negativeEvery: 1 });
    expect(run([...quiet, ...angry])).toEqual([]);
  });

  it('holds a second wave inside the cooldown and reports one after it', () => {
    const start = T0 + 8 * 60 * MIN;
    const calmAfter = (from: number, minutes: number) => stream({ from, minutes, perMinute: 2, negativeEvery: 10 });
    // Wave, 40 calm minutes (the window drains and the stream re-arms), second wave 60 min after the first.
    const waves = [...burst(start, 15), ...calmAfter(start + 15 * MIN, 40), ...burst(start + 55 * MIN, 15)];
    expect(run([...calm(), ...waves])).toHaveLength(1);
    const later = [...burst(start, 15), ...calmAfter(start + 15 * MIN, 60), ...burst(start + 75 * MIN, 15)];
    const alerts = run([...calm(), ...later]);
    expect(alerts).toHaveLength(2);
    expect(alerts[1]!.at - alerts[0]!.at).toBeGreaterThanOrEqual(60 * MIN);
  });

  it('keeps a baseline per keyword: a habitually negative subject does not alert, a new one does', () => {
    const sav = (from: number, minutes: number) =>
      stream({ from, minutes, keywords: ['SAV'] }).map((e, i) => ({ ...e, label: (i * 9) % 20 < 9 ? ('negative' as const) : ('neutral' as const) }));
    const delivery = (from: number, minutes: number, negativeEvery: number) => stream({ from, minutes, keywords: ['livraison'], negativeEvery });
    const other = (from: number, minutes: number) => stream({ from, minutes, perMinute: 2, negativeEvery: 20 });
    const day = 8 * 60;
    const events = [
      ...sav(T0, day + 60),
      ...delivery(T0, day, 20),
      ...other(T0, day + 60),
      ...delivery(T0 + day * MIN, 60, 1).map((e, i) => (i % 10 < 7 ? e : { ...e, label: 'neutral' as const })),
    ];
    const alerts = run(events);
    // A subject never seen before is judged against the prior (15%): its 45% alerts once, while its baseline forms.
    const warmUp = alerts.filter((a) => a.at < T0 + 60 * MIN);
    expect(warmUp.map((a) => a.keyword)).toEqual(['sav']);
    // Once the baseline has formed, the same 45% is normal for "sav"; only "livraison" leaving its 5% alerts.
    const settled = alerts.filter((a) => a.at >= T0 + 60 * MIN);
    expect(settled).toHaveLength(1);
    expect(settled[0]!.keyword).toBe('livraison');
    expect(settled[0]!.at).toBeGreaterThanOrEqual(T0 + day * MIN);
    expect(settled[0]!.reason).toContain('(keyword "livraison")');
  });

  it('alerts on a rise of legal and threat risk tags even when labels stay neutral', () => {
    const start = T0 + 8 * 60 * MIN;
    const legal = stream({ from: start, minutes: 20, perMinute: 2 }).map((e, i) =>
      i % 3 === 0 ? { ...e, risks: [{ tag: 'legal' as const }], text: 'je porte plainte' } : e,
    );
    const alerts = run([...calm(), ...legal]);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.kind).toBe('risk-tags');
    expect(alerts[0]!.reason).toMatch(/^risk tags \(legal \d+\) on \d+% of comments/);
    expect(alerts[0]!.evidence[0]!.tags).toEqual(['legal']);
  });

  it('writes its reason in French when asked', () => {
    const alerts = run([...calm(), ...burst(T0 + 8 * 60 * MIN)], createSpikeDetector({ lang: 'fr' }));
    expect(alerts[0]!.reason).toMatch(/^part négative \d+% sur les 30 dernières minutes contre \d+% d’habitude/);
  });

  it('gives the same alerts after a snapshot and restore at any point (service worker restart)', () => {
    const events = [...calm(), ...burst(T0 + 8 * 60 * MIN, 90), ...stream({ from: T0 + 10 * 60 * MIN, minutes: 120, perMinute: 2, negativeEvery: 9 }), ...burst(T0 + 12 * 60 * MIN)].sort(
      (a, b) => a.at - b.at,
    );
    const reference = run([...events]);
    expect(reference).toHaveLength(2);
    for (const cut of [1, 200, 480, 500, 700, events.length - 5]) {
      const first = createSpikeDetector();
      const before = events.slice(0, cut).flatMap((e) => first.push(e));
      const revived = createSpikeDetector({}, JSON.parse(JSON.stringify(first.snapshot())));
      const after = events.slice(cut).flatMap((e) => revived.push(e));
      expect([...before, ...after]).toEqual(reference);
    }
  });

  it('keeps memory bounded however many keywords and days it sees', () => {
    const detector = createSpikeDetector({ maxStreams: 50 });
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let k = 0; k < 60_000; k++) {
      detector.push({
        at: T0 + k * 5_000,
        platform: ['x', 'facebook', 'youtube'][k % 3]!,
        label: rnd() < 0.3 ? 'negative' : 'neutral',
        risks: [],
        keywords: [`kw${Math.floor(rnd() * 1000)}`],
        text: 'x'.repeat(5_000),
      });
    }
    const size = detector.size();
    expect(size.streams).toBeLessThanOrEqual(50);
    expect(size.buckets).toBeLessThanOrEqual(50 * 6);
    expect(size.evidence).toBeLessThanOrEqual(size.buckets * 10);
    expect(JSON.stringify(detector.snapshot()).length).toBeLessThan(50 * 6 * 10 * 400);
  });

  it('ignores a comment too old for the window instead of counting it as a spike', () => {
    const detector = createSpikeDetector();
    for (const e of calm()) detector.push(e);
    const late = burst(T0, 10).flatMap((e) => detector.push(e));
    expect(late).toEqual([]);
  });

  it('refuses a bad config or a corrupted snapshot with the field named', () => {
    expect(() => createSpikeDetector({ windowMinutes: 32, bucketMinutes: 5 })).toThrow(/windowMinutes: windowMinutes must be a multiple of bucketMinutes/);
    expect(() => createSpikeDetector({ minVolume: 0 })).toThrow(CrisisInputError);
    expect(() => createSpikeDetector({}, { version: 1, bucketMs: 300000, cooldownUntil: {}, streams: [{ platform: 'x' }] })).toThrow(
      /snapshot: streams\.0\.head/,
    );
  });
});

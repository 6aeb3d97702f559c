/** Spike detector throughput: the background pushes every comment the tabs badge through it. */
import { createSpikeDetector, type SpikeEvent } from '../lib/crisis/spike';

export async function run(): Promise<Record<string, unknown>> {
  const platforms = ['x', 'facebook', 'instagram', 'youtube'];
  const events: SpikeEvent[] = [];
  const t0 = Date.parse('2026-11-14T00:00:00Z');
  for (let k = 0; k < 200_000; k++) {
    events.push({
      at: t0 + k * 1_000,
      platform: platforms[k % platforms.length]!,
      label: k % 7 === 0 ? 'negative' : k % 3 === 0 ? 'positive' : 'neutral',
      risks: k % 50 === 0 ? [{ tag: 'legal' }] : [],
      keywords: k % 4 === 0 ? [`kw${k % 40}`] : [],
      id: `c${k}`,
      text: 'Toujours pas reçu ma commande',
    });
  }
  const runs: number[] = [];
  for (let r = 0; r < 5; r++) {
    const detector = createSpikeDetector();
    const start = performance.now();
    for (const e of events) detector.push(e);
    runs.push(events.length / ((performance.now() - start) / 1000));
  }
  runs.sort((a, b) => a - b);
  const detector = createSpikeDetector();
  for (const e of events) detector.push(e);
  const snapshotStart = performance.now();
  const snapshot = JSON.stringify(detector.snapshot());
  return {
    eventsPerSecondMedian: Math.round(runs[2]!),
    events: events.length,
    snapshotBytes: snapshot.length,
    snapshotMs: Number((performance.now() - snapshotStart).toFixed(2)),
    budget: 'no DESIGN.md budget; must keep up with badging (sentiment ≥ 20,000 texts/s)',
  };
}

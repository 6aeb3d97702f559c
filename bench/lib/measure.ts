/** Median and p95 of `fn` over `runs` runs after `warmup` runs, in milliseconds. */
export function timeIt(fn: () => void, runs = 200, warmup = 20): { medianMs: number; p95Ms: number } {
  for (let i = 0; i < warmup; i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => Number(samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!.toFixed(4));
  return { medianMs: at(0.5), p95Ms: at(0.95) };
}

/** The middle sample (the lower of the two middle ones for an even count); NaN for none. */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)]! : NaN;
}

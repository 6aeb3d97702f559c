/**
 * A bench part that cannot hang the bench or take the others down with it: it gets a time limit,
 * and a part that throws or runs out of time is reported as failed, with why, in the JSON.
 */
export interface FailedPart {
  failed: true;
  error: string;
  afterMs: number;
  limitMs: number;
}

export async function bounded<T>(name: string, limitMs: number, run: (signal: AbortSignal) => Promise<T>): Promise<T | FailedPart> {
  const t0 = performance.now();
  const stop = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      stop.abort();
      reject(new Error(`${name} ran past its ${limitMs / 1000} s`));
    }, limitMs);
  });
  try {
    return await Promise.race([run(stop.signal), timeout]);
  } catch (err) {
    const error = err instanceof Error ? err.message.split('\n')[0]! : String(err);
    process.stderr.write(`bench: ${name} failed: ${error}\n`);
    return { failed: true, error, afterMs: Math.round(performance.now() - t0), limitMs };
  } finally {
    clearTimeout(timer);
  }
}

export const isFailed = (r: unknown): r is FailedPart => typeof r === 'object' && r !== null && (r as FailedPart).failed === true;

/**
 * Work queued to idle time in short slices, so that badging thousands of comments never makes a
 * long task. The clock is read after every item: a slice ends within a few milliseconds of its budget.
 * Everything queued dies with the signal.
 */
const SLICE_MS = 8;

type IdleDeadline = { timeRemaining(): number };
const requestIdle: (cb: (d: IdleDeadline) => void, opts: { timeout: number }) => unknown =
  typeof requestIdleCallback === 'function'
    ? (cb, opts) => requestIdleCallback(cb, opts)
    : (cb) => setTimeout(() => { const end = performance.now() + SLICE_MS; cb({ timeRemaining: () => end - performance.now() }); }, 1);

export function createIdleQueue<T>(work: (item: T) => void, signal: AbortSignal, after?: () => void) {
  let pending: T[] = [];
  let next = 0;
  let scheduled = false;

  const run = (deadline: IdleDeadline) => {
    scheduled = false;
    if (signal.aborted) return;
    // timeRemaining() is 0 when the callback was forced by its timeout; still do one short slice.
    const end = performance.now() + Math.min(Math.max(deadline.timeRemaining(), 4), SLICE_MS);
    while (next < pending.length && performance.now() < end) work(pending[next++]!);
    if (next >= pending.length) {
      pending = [];
      next = 0;
    }
    after?.();
    if (pending.length) schedule();
  };

  const schedule = () => {
    if (scheduled || signal.aborted) return;
    scheduled = true;
    requestIdle(run, { timeout: 200 });
  };

  return {
    push(items: T[]) {
      if (signal.aborted || items.length === 0) return;
      for (const item of items) pending.push(item);
      schedule();
    },
  };
}

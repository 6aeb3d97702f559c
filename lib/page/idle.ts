/**
 * Work queued to idle time in slices, so that badging thousands of comments never makes a long task.
 * Everything queued dies with the signal.
 */
const SLICE_MS = 8;

type IdleDeadline = { timeRemaining(): number };
const requestIdle: (cb: (d: IdleDeadline) => void, opts: { timeout: number }) => unknown =
  typeof requestIdleCallback === 'function'
    ? (cb, opts) => requestIdleCallback(cb, opts)
    : (cb) => setTimeout(() => { const end = performance.now() + SLICE_MS; cb({ timeRemaining: () => end - performance.now() }); }, 1);

export function createIdleQueue<T>(work: (items: T[]) => void, signal: AbortSignal, chunk = 50) {
  let pending: T[] = [];
  let scheduled = false;

  const run = (deadline: IdleDeadline) => {
    scheduled = false;
    if (signal.aborted) return;
    const started = performance.now();
    // timeRemaining() can be 0 when the callback was forced by its timeout; still do one slice.
    const budget = Math.min(Math.max(deadline.timeRemaining(), SLICE_MS), 40);
    while (pending.length && performance.now() - started < budget) {
      work(pending.splice(0, chunk));
    }
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
      pending.push(...items);
      schedule();
    },
    clear() {
      pending = [];
    },
    get size() {
      return pending.length;
    },
  };
}

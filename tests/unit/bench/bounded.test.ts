import { describe, expect, it } from 'vitest';
import { bounded, isFailed } from '../../../bench/lib/bounded';

describe('a bounded bench part', () => {
  it('gives back what the part measured', async () => {
    expect(await bounded('quick', 1000, async () => ({ medianMs: 3 }))).toEqual({ medianMs: 3 });
  });

  it('reports a part that throws as failed, with the first line of its error', async () => {
    const r = await bounded('scrolling', 1000, async () => {
      throw new Error('page.evaluate: Target page, context or browser has been closed\n    at scrollToEnd');
    });
    expect(r).toMatchObject({ failed: true, error: 'page.evaluate: Target page, context or browser has been closed', limitMs: 1000 });
  });

  it('stops waiting for a part that hangs, and tells it to stop', async () => {
    let aborted = false;
    const r = await bounded('stuck', 50, (signal) => {
      signal.addEventListener('abort', () => (aborted = true));
      return new Promise(() => {});
    });
    expect(isFailed(r)).toBe(true);
    expect(r).toMatchObject({ error: 'stuck ran past its 0.05 s' });
    expect(aborted).toBe(true);
  });
});

// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { perTurn } from '../../../lib/platforms/dom';

describe('perTurn', () => {
  const KEY = Symbol('test');
  it('works a value out once for a run of reads, again in the next turn or when its stamp changed', async () => {
    let built = 0;
    const get = (stamp: string) => perTurn(document, KEY, stamp, () => ++built);
    expect([get('a'), get('a'), get('a')]).toEqual([1, 1, 1]);
    // The caller changed the page within the run: a new stamp.
    expect(get('b')).toBe(2);
    await Promise.resolve();
    // The next turn: the platform may have re-rendered meanwhile.
    expect(get('b')).toBe(3);
    expect(perTurn(document, Symbol('other'), 'b', () => 'own')).toBe('own');
  });
});

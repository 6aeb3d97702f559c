import { describe, expect, it } from 'vitest';
import { isFling } from '../../../lib/page/near-view';

describe('isFling', () => {
  const SCREEN = 900;
  it.each([
    ['1,000 px in a frame', 1000, 16, true],
    ['3,000 px up in 50 ms', -3000, 50, true],
    ['just over four screens a second', 0.2 * SCREEN + 1, 50, true],
    ['four screens a second', 0.2 * SCREEN, 50, false],
    ['a reader’s scroll, 100 px in 50 ms', 100, 50, false],
    ['no move', 0, 50, false],
    ['no time', 500, 0, false],
  ] as const)('%s', (_, moved, ms, fling) => expect(isFling(moved, ms, SCREEN)).toBe(fling));
  it('says nothing of a screen of no height', () => expect(isFling(5000, 16, 0)).toBe(false));
});

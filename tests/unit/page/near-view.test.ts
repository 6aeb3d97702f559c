import { describe, expect, it } from 'vitest';
import { flingClock } from '../../../lib/page/near-view';

describe('flingClock', () => {
  const SCREEN = 900;
  const clock = () => {
    let t = 1000;
    const fling = flingClock(() => t);
    return { fling, at: (ms: number) => (t = ms) };
  };

  it('counts a scroll faster than four screens a second as a fling, until 120 ms after its last fast step', () => {
    const { fling, at } = clock();
    const page = {};
    fling.scrolled(page, 0, SCREEN);
    at(1016);
    // 1,000 px in one frame: about 69 screens a second.
    fling.scrolled(page, 1000, SCREEN);
    expect(fling.waitMs()).toBe(120);
    at(1100);
    expect(fling.waitMs()).toBe(36);
    at(1136);
    expect(fling.waitMs()).toBe(0);
  });

  it('does not count a reader’s scroll, a first step, a panel of no height or another panel’s position', () => {
    const { fling, at } = clock();
    const page = {};
    const pane = {};
    // A big first step says nothing: there is no previous position to measure it from.
    fling.scrolled(page, 50_000, SCREEN);
    expect(fling.waitMs()).toBe(0);
    // 100 px in 100 ms: about a screen a second.
    at(1100);
    fling.scrolled(page, 50_100, SCREEN);
    expect(fling.waitMs()).toBe(0);
    at(1116);
    fling.scrolled(page, 50_110, SCREEN);
    expect(fling.waitMs()).toBe(0);
    // A pane near the top of its own list is measured from its own position, not the page's.
    at(1116);
    fling.scrolled(pane, 10, SCREEN);
    at(1132);
    fling.scrolled(pane, 20, SCREEN);
    expect(fling.waitMs()).toBe(0);
    at(1148);
    fling.scrolled({}, 5_000, 0);
    expect(fling.waitMs()).toBe(0);
    // Just over four screens a second is a fling.
    at(1216);
    fling.scrolled(page, 50_110 + 0.4 * SCREEN + 10, SCREEN);
    expect(fling.waitMs()).toBe(120);
  });

  it('times the first step after a pause as one frame’s: a jump or the start of a fling, not a slow scroll', () => {
    const { fling, at } = clock();
    const page = {};
    fling.scrolled(page, 0, SCREEN);
    // Ten seconds later, 1,000 px in one step: measured over ten seconds it would be a tenth of a screen a second.
    at(11_000);
    fling.scrolled(page, 1000, SCREEN);
    expect(fling.waitMs()).toBe(120);
    // A wheel's first small step after a pause is no fling.
    at(12_000);
    fling.scrolled(page, 1040, SCREEN);
    expect(fling.waitMs()).toBe(0);
  });
});

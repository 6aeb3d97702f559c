/** classify() given loaded models (sentiment classes in LABELS order); index.ts binds it to the shipped artifact, the training script to candidates. */
import { extractFeatures, MAX_CHARS, newBuffer, type FeatureOptions } from './features';
import { identifyLanguage } from './langid';
import { LinearModel, softmax, type PackedLinear } from './linear';
import { findRisks, MAX_RISK_CHARS } from './risks';
import { fold } from './fold';
import { LABELS } from './metrics';
import type { SentimentResult } from './types';

/** The table for text in no supported language: the weights all six languages share. */
export const SHARED_TABLE = 'und';

/** Top softmax probability → chance the label is right, as points for linear interpolation. */
export interface Calibration {
  x: number[];
  y: number[];
}

export interface ModelArtifact {
  version: 2;
  options: FeatureOptions;
  /** One table per supported language, and SHARED_TABLE. */
  sentiment: Record<string, PackedLinear>;
  langid: PackedLinear;
  calibration: Calibration;
}

export interface LoadedModels {
  options: FeatureOptions;
  sentiment: Map<string, LinearModel>;
  langid: LinearModel;
  calibration: Calibration;
}

export function loadModels(artifact: ModelArtifact): LoadedModels {
  return {
    options: artifact.options,
    sentiment: new Map(Object.entries(artifact.sentiment).map(([lang, packed]) => [lang, new LinearModel(packed)])),
    langid: new LinearModel(artifact.langid),
    calibration: artifact.calibration,
  };
}

export function calibrated({ x, y }: Calibration, p: number): number {
  if (p <= x[0]!) return y[0]!;
  for (let i = 1; i < x.length; i++) if (p <= x[i]!) return y[i - 1]! + ((y[i]! - y[i - 1]!) * (p - x[i - 1]!)) / (x[i]! - x[i - 1]!);
  return y[y.length - 1]!;
}

/** Below this confidence one or two words that no hand-written list knows are neutral (a 0.53 "d'accord" is no praise). */
const UNJUDGED_BELOW = 0.6;
const featureBuf = newBuffer();
const langBuf = newBuffer();
const probs = new Float64Array(3);

/** The sentiment part only (no risk scan): what evaluation and training measure. `foldedText` as in extractFeatures. */
export function predictSentiment(models: LoadedModels, text: string, foldedText?: string): Omit<SentimentResult, 'risks'> {
  const guess = identifyLanguage(models.langid, text, langBuf, foldedText);
  const words = extractFeatures(text, models.options, featureBuf, foldedText);
  // Nothing to judge (empty, punctuation, control characters): neutral, and saying so.
  if (words === 0) return { label: 'neutral', score: 0, confidence: 0, lang: guess.lang };
  const table = models.sentiment.get(guess.lang) ?? models.sentiment.get(SHARED_TABLE)!;
  table.scores(featureBuf.idx, featureBuf.val, featureBuf.n, probs);
  const best = softmax(probs, 3);
  const round = (x: number) => Math.round(x * 1000) / 1000;
  // Text in another script is judged on its emoji and punctuation alone: the calibration, fitted on
  // the six languages, would overstate it.
  const confidence = round(calibrated(models.calibration, probs[best]!) * (guess.otherScript ? 0.5 : 1));
  // One or two words no hand-written list knows ("ok", "d'accord"), on which the model is not sure
  // (right less than 60 % of the time): no mood to report. The AFINN lists do not count: they score
  // "oui", which would make "Oui !" praise.
  const unjudged = words <= 2 && featureBuf.polar === 0 && confidence < UNJUDGED_BELOW;
  return {
    label: unjudged ? 'neutral' : LABELS[best]!,
    score: round(Math.max(-1, Math.min(1, probs[2]! - probs[0]!))),
    confidence,
    lang: guess.lang,
  };
}

export function classifyWith(models: LoadedModels, text: string): SentimentResult {
  const input = typeof text === 'string' ? text : '';
  // Folded once for the language, the features and the risk phrases, as far as the longest of them reads.
  const reach = Math.max(MAX_RISK_CHARS, MAX_CHARS);
  const folded = fold(input.length > reach ? input.slice(0, reach) : input);
  // A text that breaks one step (a regex engine giving up, as Firefox's did on a long address) gets an
  // unjudged result for that step: a throw here would fail the comment's whole batch, sent again and again.
  let sentiment: Omit<SentimentResult, 'risks'>;
  try {
    sentiment = predictSentiment(models, input, folded);
  } catch (err) {
    console.warn('[vigie] sentiment failed on a comment', err);
    sentiment = { label: 'neutral', score: 0, confidence: 0, lang: 'und' };
  }
  let risks: SentimentResult['risks'];
  try {
    risks = findRisks(input, folded);
  } catch (err) {
    console.warn('[vigie] risk scan failed on a comment', err);
    risks = [];
  }
  return { ...sentiment, risks };
}

/** classify() given loaded models (sentiment classes in LABELS order); index.ts binds it to the shipped artifact, the training script to candidates. */
import { extractFeatures, newBuffer, type FeatureOptions } from './features';
import { identifyLanguage, SUPPORTED_LANGS } from './langid';
import { LinearModel, softmax, type PackedLinear } from './linear';
import { findRisks } from './risks';
import { LABELS } from './metrics';
import type { SentimentResult } from './types';

export interface ModelArtifact {
  version: 1;
  options: FeatureOptions;
  sentiment: PackedLinear;
  langid: PackedLinear;
}

export interface LoadedModels {
  options: FeatureOptions;
  sentiment: LinearModel;
  langid: LinearModel;
}

export function loadModels(artifact: ModelArtifact): LoadedModels {
  return { options: artifact.options, sentiment: new LinearModel(artifact.sentiment), langid: new LinearModel(artifact.langid) };
}

const featureBuf = newBuffer();
const langBuf = newBuffer();
const probs = new Float64Array(3);
const supported = new Set<string>(SUPPORTED_LANGS);

/** The sentiment part only (no risk scan): what evaluation and training measure. */
export function predictSentiment(models: LoadedModels, text: string): Omit<SentimentResult, 'risks'> {
  const guess = identifyLanguage(models.langid, text, langBuf);
  const words = extractFeatures(text, models.options, featureBuf);
  // Nothing to judge (empty, punctuation, control characters): neutral, and saying so.
  if (words === 0) return { label: 'neutral', score: 0, confidence: 0, lang: guess.lang };
  models.sentiment.scores(featureBuf.idx, featureBuf.val, featureBuf.n, probs);
  const best = softmax(probs, 3);
  const label = LABELS[best]!;
  // 1/3 is a coin toss between three labels; a text of one or two words, or in an unsupported language, is judged on little.
  let confidence = Math.max(0, (probs[best]! - 1 / 3) * 1.5);
  if (words < 3) confidence *= 0.3 + 0.2 * words;
  if (!supported.has(guess.lang)) confidence *= 0.5;
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return { label, score: round(Math.max(-1, Math.min(1, probs[2]! - probs[0]!))), confidence: round(confidence), lang: guess.lang };
}

export function classifyWith(models: LoadedModels, text: string): SentimentResult {
  const input = typeof text === 'string' ? text : '';
  return { ...predictSentiment(models, input), risks: findRisks(input) };
}

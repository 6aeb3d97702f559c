/**
 * On-device sentiment and risk engine. `classify(text)` never throws: empty, huge, binary or
 * unsupported-language text gets a result with low confidence.
 */
import artifact from './model.json';
import { classifyWith, loadModels, type LoadedModels, type ModelArtifact } from './predict';
import type { SentimentResult } from './types';

export type { RiskFinding, RiskTag, SentimentLabel, SentimentResult } from './types';
export { riskTag, riskFinding, sentimentLabel, sentimentResult } from './types';
export { findRisks } from './risks';

let models: LoadedModels | undefined;

export function classify(text: string): SentimentResult {
  models ??= loadModels(artifact as ModelArtifact);
  return classifyWith(models, text);
}

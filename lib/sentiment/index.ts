/**
 * On-device sentiment and risk engine. `classify(text)` never throws: empty, huge, binary or
 * unsupported-language text gets a result with low confidence.
 */
import artifact from './model.json';
import { classifyWith, loadModels, type LoadedModels, type ModelArtifact } from './predict';
import type { SentimentResult } from './types';

// Types only: the zod schemas stay in ./types so the content script does not bundle zod.
export type { RiskFinding, RiskTag, SentimentLabel, SentimentResult } from './types';
export { findRisks } from './risks';

let models: LoadedModels | undefined;

export function classify(text: string): SentimentResult {
  models ??= loadModels(artifact as ModelArtifact);
  return classifyWith(models, text);
}

import { z } from 'zod';

export const sentimentLabel = z.enum(['negative', 'neutral', 'positive']);
export type SentimentLabel = z.infer<typeof sentimentLabel>;

export const riskTag = z.enum(['crisis', 'legal', 'insult', 'threat', 'churn', 'safety', 'personal-data']);
export type RiskTag = z.infer<typeof riskTag>;

export const riskFinding = z.object({
  tag: riskTag,
  /** UTF-16 offsets [start, end) of the words that raised the tag. */
  evidence: z.tuple([z.number().int(), z.number().int()]),
});
export type RiskFinding = z.infer<typeof riskFinding>;

export const sentimentResult = z.object({
  label: sentimentLabel,
  /** -1 (most negative) .. 1 (most positive). */
  score: z.number().min(-1).max(1),
  /** 0..1: how sure the model is of the label; low for unsupported languages and near-empty text. */
  confidence: z.number().min(0).max(1),
  /** ISO 639-1 code, or 'und' when unknown. */
  lang: z.string(),
  risks: z.array(riskFinding),
});
export type SentimentResult = z.infer<typeof sentimentResult>;

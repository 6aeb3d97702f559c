import { z } from 'zod';
import type { VoicePack } from '../voice/pack';
import { platformId } from '../platforms/schema';
import { riskFinding, sentimentLabel } from '../sentiment/types';
import type { TeamOrigin } from '../team/origin';

export const commentStatus = z.enum(['new', 'flagged', 'replied', 'ignored']);
export type CommentStatus = z.infer<typeof commentStatus>;

export const commentRecord = z.object({
  /** `${platform}:${nativeId}` */
  id: z.string(),
  platform: platformId,
  nativeId: z.string(),
  threadUrl: z.string(),
  permalink: z.string().optional(),
  parentId: z.string().optional(),
  /** A reply whose parent no page showed so far. */
  parentUnknown: z.literal(true).optional(),
  author: z.object({ name: z.string(), handle: z.string().optional() }),
  text: z.string(),
  lang: z.string(),
  sentiment: z.object({ label: sentimentLabel, score: z.number(), confidence: z.number() }),
  risks: z.array(riskFinding),
  publishedAt: z.string().optional(),
  firstSeenAt: z.number(),
  lastSeenAt: z.number(),
  status: commentStatus,
  flaggedAt: z.number().optional(),
  repliedAt: z.number().optional(),
  incidentId: z.string().optional(),
  /** 1 while the comment waits for the team (see needsAttention): the queue's index. */
  attention: z.union([z.literal(0), z.literal(1)]),
});
export type CommentRecord = z.infer<typeof commentRecord>;

/**
 * A comment is in the queue while nobody answered it and it calls for an answer: flagged by someone,
 * negative, or carrying a risk tag. Stored (as 0/1, IndexedDB cannot index booleans) so the queue and
 * the overdue count are index reads.
 */
export function needsAttention(c: Pick<CommentRecord, 'status' | 'sentiment' | 'risks'>): 0 | 1 {
  if (c.status === 'replied' || c.status === 'ignored') return 0;
  return c.status === 'flagged' || c.sentiment?.label === 'negative' || (c.risks?.length ?? 0) > 0 ? 1 : 0;
}

export const eventRecord = z.object({
  id: z.number().optional(),
  at: z.number(),
  type: z.string(),
  payload: z.unknown(),
});
export type EventRecord = z.infer<typeof eventRecord>;

export const brandRecord = z.object({
  id: z.string(),
  name: z.string().min(1).max(100),
  agents: z.array(z.object({ name: z.string().min(1), signature: z.string() })),
  address: z.enum(['vous', 'tu']),
  accounts: z.array(z.object({ platform: platformId, handle: z.string().min(1) })),
});
export type BrandRecord = z.infer<typeof brandRecord>;

/** How each platform adapter fared on the last pages it saw, for the popup's health view. */
/**
 * What went wrong reading a platform's page, as codes the popup words in the user's language:
 * `no-comments` on a page that should have some (its markup changed beyond what the adapter finds),
 * `unreadable` when comment nodes were found but none could be read (found: how many), `read-failed`
 * when reading some threw (count).
 */
export const healthProblem = z.discriminatedUnion('code', [
  z.object({ code: z.literal('no-comments') }),
  z.object({ code: z.literal('unreadable'), found: z.number().int().positive() }),
  z.object({ code: z.literal('read-failed'), count: z.number().int().positive() }),
]);
export type HealthProblem = z.infer<typeof healthProblem>;

export const healthRecord = z.object({
  platform: platformId,
  checkedAt: z.number(),
  url: z.string(),
  comments: z.number().int(),
  composers: z.number().int(),
  problems: z.array(healthProblem).max(10),
  /** Messages to the background tried again, and given up on, on this platform's pages: a background that keeps dying shows here. */
  retries: z.number().int().nonnegative().optional(),
  failures: z.number().int().nonnegative().optional(),
});
export type HealthRecord = z.infer<typeof healthRecord>;

/** A brand's voice pack as stored: the pack itself plus whether it is one of ours and in use (0/1: indexable). */
export type VoicePackRecord = VoicePack & { builtIn: boolean; active: 0 | 1; team?: TeamOrigin };

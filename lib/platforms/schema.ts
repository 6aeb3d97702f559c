/** Zod schemas for what crosses from a page to the background; kept out of types.ts so content scripts do not bundle zod. */
import { z } from 'zod';
import { COMMENT_LIMITS as L } from './comment-limits';

export const platformId = z.enum(['x', 'facebook', 'instagram', 'linkedin', 'youtube', 'tiktok', 'reddit', 'threads', 'bluesky', 'mastodon']);
export type PlatformId = z.infer<typeof platformId>;

/** What an adapter reads off one comment node; the page is hostile, so every field is bounded when it crosses to the background. */
export const extractedComment = z.object({
  platform: platformId,
  nativeId: z.string().min(1).max(L.id),
  author: z.object({ name: z.string().max(L.name), handle: z.string().max(L.name).optional() }),
  text: z.string().max(L.text),
  permalink: z.string().max(L.link).optional(),
  publishedAt: z.string().max(L.date).optional(),
  parentId: z.string().max(L.id).optional(),
  /** A reply whose parent the page does not show (only that it is a reply): no parent is made up for it. */
  parentUnknown: z.literal(true).optional(),
});
export type ExtractedComment = z.infer<typeof extractedComment>;


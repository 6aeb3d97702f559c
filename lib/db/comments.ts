import type { ExtractedComment } from '../platforms/types';
import { commentKey } from '../platforms/types';
import type { SentimentResult } from '../sentiment/types';
import { needsAttention, type CommentRecord, type CommentStatus } from './model';
import type { VigieDb } from './schema';

const withAttention = (row: CommentRecord): CommentRecord => ({ ...row, attention: needsAttention(row) });

export interface SeenComment {
  comment: ExtractedComment;
  threadUrl: string;
  sentiment: SentimentResult;
}

/**
 * Stores comments as the content scripts see them. A comment seen again keeps its status, first-seen
 * time and incident; its text follows edits.
 */
export async function recordSeen(db: VigieDb, seen: SeenComment[], now: number): Promise<CommentRecord[]> {
  return db.transaction('rw', db.comments, async () => {
    const ids = seen.map((s) => commentKey(s.comment));
    const existing = await db.comments.bulkGet(ids);
    const rows = seen.map(({ comment, threadUrl, sentiment }, i): CommentRecord => {
      const before = existing[i];
      return withAttention({
        ...before,
        id: ids[i]!,
        platform: comment.platform,
        nativeId: comment.nativeId,
        threadUrl: before?.threadUrl ?? threadUrl,
        permalink: comment.permalink ?? before?.permalink,
        parentId: comment.parentId ?? before?.parentId,
        author: comment.author,
        text: comment.text,
        lang: sentiment.lang,
        sentiment: { label: sentiment.label, score: sentiment.score, confidence: sentiment.confidence },
        risks: sentiment.risks,
        publishedAt: comment.publishedAt ?? before?.publishedAt,
        firstSeenAt: before?.firstSeenAt ?? now,
        lastSeenAt: now,
        status: before?.status ?? 'new',
        attention: 0,
      });
    });
    await db.comments.bulkPut(rows);
    return rows;
  });
}

export async function setStatus(db: VigieDb, id: string, status: CommentStatus, now: number): Promise<CommentRecord | undefined> {
  return db.transaction('rw', db.comments, async () => {
    const row = await db.comments.get(id);
    if (!row) return undefined;
    const next = withAttention({
      ...row,
      status,
      ...(status === 'flagged' ? { flaggedAt: row.flaggedAt ?? now } : {}),
      ...(status === 'replied' ? { repliedAt: now } : {}),
    });
    await db.comments.put(next);
    return next;
  });
}

/** Flagged comments, most recently flagged first. */
export function listFlagged(db: VigieDb, limit = 50): Promise<CommentRecord[]> {
  return db.comments
    .where('[status+firstSeenAt]')
    .between(['flagged', -Infinity], ['flagged', Infinity])
    .reverse()
    .limit(limit)
    .toArray();
}

export function getComment(db: VigieDb, id: string): Promise<CommentRecord | undefined> {
  return db.comments.get(id);
}

import { commentKey, type ExtractedComment } from '../platforms/types';
import type { SentimentResult } from '../sentiment/types';
import { needsAttention, type CommentRecord, type CommentStatus } from './model';
import type { VigieDb } from './schema';

const withAttention = (row: CommentRecord): CommentRecord => ({ ...row, attention: needsAttention(row) });

export interface SeenResult {
  rows: CommentRecord[];
  /** The rows seen for the first time: what the spike detector counts. */
  added: CommentRecord[];
}

/** A stored row's sentiment as the badge shows it. */
export const sentimentOf = (row: CommentRecord): SentimentResult => ({ ...row.sentiment, lang: row.lang, risks: row.risks });

/**
 * Stores comments as the content scripts see them. A comment seen again keeps its status, first-seen
 * time and incident, and is classified again only when its text changed (a scroll back up costs a
 * read, not a model run); its text follows edits.
 */
export async function recordSeen(db: VigieDb, seen: ExtractedComment[], threadUrl: string, classify: (text: string) => SentimentResult, now: number): Promise<SeenResult> {
  // One comment shown twice on a page (a quote, a re-render) is one sighting: the last copy wins.
  const comments = [...new Map(seen.map((c) => [commentKey(c), c])).values()];
  return db.transaction('rw', db.comments, async () => {
    const ids = comments.map(commentKey);
    const existing = await db.comments.bulkGet(ids);
    const added: CommentRecord[] = [];
    const rows = comments.map((comment, i): CommentRecord => {
      const before = existing[i];
      const sentiment = before && before.text === comment.text ? sentimentOf(before) : classify(comment.text);
      const row = withAttention({
        ...before,
        id: ids[i]!,
        platform: comment.platform,
        nativeId: comment.nativeId,
        threadUrl: before?.threadUrl ?? threadUrl,
        permalink: comment.permalink ?? before?.permalink,
        parentId: comment.parentId ?? before?.parentId,
        // Unknown until a page shows the parent (a thread opened on the reply itself).
        parentUnknown: comment.parentId ?? before?.parentId ? undefined : (comment.parentUnknown ?? before?.parentUnknown),
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
      if (!before) added.push(row);
      return row;
    });
    await db.comments.bulkPut(rows);
    return { rows, added };
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


/** What the background does for each message. Handlers get parsed requests only (see handle.ts). */
import { recordSeen, setStatus } from '../db/comments';
import { logEvent } from '../db/events';
import { reportHealth } from '../db/health';
import type { VigieDb } from '../db/schema';
import type { SentimentResult } from '../sentiment/types';
import { HandlerError, type Handlers } from './handle';

export interface HandlerDeps {
  db: VigieDb;
  classify(text: string): SentimentResult;
  now(): number;
  version: string;
}

export function createHandlers({ db, classify, now, version }: HandlerDeps): Handlers {
  return {
    async 'cs:comments-seen'({ comments, threadUrl }) {
      const seen = comments.map((comment) => ({ comment, threadUrl, sentiment: classify(comment.text) }));
      const rows = await recordSeen(db, seen, now());
      return { badges: rows.map((row, i) => ({ id: row.id, status: row.status, sentiment: seen[i]!.sentiment })) };
    },

    async 'cs:set-status'({ commentId, status }, sender) {
      const row = await setStatus(db, commentId, status, now());
      if (!row) throw new HandlerError('not-found', `no comment ${commentId}: it must be seen before it can be flagged`);
      await logEvent(db, `comment.${status}`, { commentId, tabUrl: sender.tab?.url }, now());
      return { id: row.id, status: row.status };
    },

    async 'cs:health'({ report }) {
      await reportHealth(db, { ...report, checkedAt: now() });
      return { stored: true };
    },

    async 'ui:ping'() {
      return { version };
    },
  };
}

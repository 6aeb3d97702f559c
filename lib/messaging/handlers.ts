/** What the background does for each message. Handlers get parsed requests only (see handle.ts). */
import type { Incident } from '../crisis/model';
import { recordSeen, sentimentOf } from '../db/comments';
import { escalateToIncident } from '../db/incidents';
import type { CommentRecord } from '../db/model';
import { getSetting } from '../db/settings';
import type { ExtractedComment } from '../platforms/types';
import { logEvent } from '../db/events';
import { reportHealth } from '../db/health';
import type { VigieDb } from '../db/schema';
import type { SentimentResult } from '../sentiment/types';
import type { TeamView } from '../team/view';
import type { SpellerLoader } from '../voice/dictionaries/index';
import type { TaggerLoader } from '../voice/tagger/index';
import { HandlerError, type Handlers } from './handle';
import { createReplyHandlers } from './reply-handlers';
import { changeStatus, createTeamHandlers, type TeamHooks } from './team-handlers';

export interface HandlerDeps {
  db: VigieDb;
  classify(text: string): SentimentResult;
  now(): number;
  version: string;
  /** The spelling dictionaries' loader (lib/voice/dictionaries), for voice checks. */
  spellers?: SpellerLoader;
  /** The part-of-speech taggers' loader (lib/voice/tagger), for the voice checks' sequence rules. */
  taggers?: TaggerLoader;
  /** The team workspace, when the background runs one; its views are added to badges. */
  team?: TeamHooks & { views(ids: string[]): Promise<Map<string, TeamView>> };
  /** Side effects the background runs after a change: page-state mirror, spike detector, webhooks. */
  effects: {
    commentsSeen(rows: CommentRecord[]): Promise<void>;
    incidentChanged(incident: Incident, created: boolean): Promise<void>;
    settingsChanged(): Promise<void>;
    /** A new round of attempts for a team notification, the first one now; undefined when there is no such delivery. */
    retryWebhook(deliveryId: string): Promise<{ status: 'pending' | 'delivered' | 'failed'; attempts: number; lastError?: string } | undefined>;
  };
}

export function createHandlers({ db, classify, now, version, effects, team, spellers, taggers }: HandlerDeps): Handlers {
  const seenNow = async (comments: ExtractedComment[], threadUrl: string) => {
    const { rows, added } = await recordSeen(db, comments, threadUrl, classify, now());
    // Only comments seen for the first time feed the spike detector: a scroll back up is not a new complaint.
    await effects.commentsSeen(added);
    return rows;
  };
  return {
    ...createReplyHandlers({ db, classify, now, ...(spellers ? { spellers } : {}), ...(taggers ? { taggers } : {}) }),
    ...createTeamHandlers({ db, now, ...(team ? { team } : {}) }),

    async 'cs:comments-seen'({ comments, threadUrl }) {
      const rows = await seenNow(comments, threadUrl);
      const views = await team?.views(rows.map((r) => r.id));
      return {
        badges: rows.map((row) => {
          const view = views?.get(row.id);
          return { id: row.id, status: row.status, sentiment: sentimentOf(row), ...(view ? { team: view } : {}) };
        }),
      };
    },

    async 'cs:set-status'({ commentId, status }, sender) {
      const { row, team: view } = await changeStatus({ db, now, ...(team ? { team } : {}) }, commentId, status, sender.tab?.url);
      return { id: row.id, status: row.status, ...(view ? { team: view } : {}) };
    },

    async 'cs:health'({ report }) {
      await reportHealth(db, { ...report, checkedAt: now() });
      return { stored: true };
    },

    async 'cs:escalate'({ comment, escalation }, sender) {
      if (comment) await seenNow([comment], escalation.threadUrl ?? sender.tab?.url ?? '');
      const playbook = await getSetting(db, 'playbook');
      const { incident, created } = await escalateToIncident(db, escalation, playbook, new Date(now()));
      await logEvent(db, created ? 'incident.opened' : 'incident.escalated', { incidentId: incident.id, commentId: escalation.commentId }, now());
      // An escalated comment is flagged for the team too: someone must answer it.
      const row = escalation.commentId ? await db.comments.get(escalation.commentId) : undefined;
      if (row && team) await team.act('flag', row, { reason: incident.title });
      await effects.incidentChanged(incident, created);
      return { incidentId: incident.id, title: incident.title, severity: incident.severity, created };
    },

    async 'ui:ping'() {
      return { version };
    },

    async 'ui:settings-changed'() {
      await effects.settingsChanged();
      return { published: true };
    },

    async 'ui:incident-changed'({ incidentId }) {
      const incident = await db.incidents.get(incidentId);
      if (!incident) throw new HandlerError('not-found', `no incident ${incidentId}`);
      await effects.incidentChanged(incident, false);
      return { published: true };
    },

    async 'ui:webhook-retry'({ deliveryId }) {
      const d = await effects.retryWebhook(deliveryId);
      if (!d) throw new HandlerError('not-found', `no webhook delivery ${deliveryId}`);
      return { status: d.status, attempts: d.attempts, ...(d.lastError ? { lastError: d.lastError } : {}) };
    },
  };
}

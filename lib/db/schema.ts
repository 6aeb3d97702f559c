/**
 * The one Dexie database, in the extension's origin. Every version stays here: Dexie upgrades an old
 * database step by step through them, and data changes live in each version's upgrade().
 * Only the background and the extension pages open it; content scripts go through messages.
 */
import Dexie, { type EntityTable } from 'dexie';
import type { Clip, Incident, TimelineEntry } from '../crisis/model';
import type { Template } from '../templates/model';
import { rebuildTallies, TALLIES, talliesMiddleware, type TallyRow } from './tallies';
import { needsAttention, type BrandRecord, type CommentRecord, type EventRecord, type HealthProblem, type HealthRecord, type VoicePackRecord } from './model';
import type { MemberRecord, TeamCommentRecord, TeamNotice, OutboxRecord, QuarantineRecord } from '../team/local';

export type VigieDb = Dexie & {
  comments: EntityTable<CommentRecord, 'id'>;
  templates: EntityTable<Template, 'id'>;
  voicePacks: EntityTable<VoicePackRecord, 'id'>;
  incidents: EntityTable<Incident, 'id'>;
  timeline: EntityTable<TimelineEntry, 'id'>;
  clips: EntityTable<Clip, 'id'>;
  events: EntityTable<EventRecord, 'id'>;
  brands: EntityTable<BrandRecord, 'id'>;
  settings: EntityTable<{ key: string; value: unknown }, 'key'>;
  health: EntityTable<HealthRecord, 'platform'>;
  tallies: EntityTable<TallyRow, 'key'>;
  teamComments: EntityTable<TeamCommentRecord, 'id'>;
  teamOutbox: EntityTable<OutboxRecord, 'seq'>;
  teamQuarantine: EntityTable<QuarantineRecord, 'id'>;
  teamNotices: EntityTable<TeamNotice, 'id'>;
  members: EntityTable<MemberRecord, 'name'>;
  teamMeta: EntityTable<{ key: string; value: unknown }, 'key'>;
};

export const DB_NAME = 'vigie';

export function defineVersions(db: Dexie): void {
  // Version 1: the data model of DESIGN.md.
  db.version(1).stores({
    comments: 'id, platform, status, firstSeenAt, [platform+firstSeenAt], incidentId',
    templates: 'id, name, folder, *tags',
    voicePacks: 'id, brandId, active',
    incidents: 'id, status, createdAt',
    timeline: '++id, incidentId, [incidentId+at]',
    clips: 'id, incidentId',
    events: '++id, at, type',
    brands: 'id, name',
    settings: 'key',
  });
  // Version 2: the popup counts today's rows and the side panel reads its queue (flagged, or negative or
  // risky and unanswered, oldest first) from indexes alone, so they stay fast at 100,000 comments;
  // adapters report their health; lastSeenAt tells a live thread from a stale one.
  db.version(2)
    .stores({
      comments:
        'id, platform, status, firstSeenAt, [platform+firstSeenAt], incidentId, [status+firstSeenAt], [sentiment.label+firstSeenAt], [attention+firstSeenAt], [attention+platform+firstSeenAt], repliedAt',
      health: 'platform',
    })
    .upgrade((tx) =>
      tx
        .table('comments')
        .toCollection()
        .modify((c: Partial<CommentRecord>) => {
          c.lastSeenAt ??= c.firstSeenAt ?? Date.now();
          c.sentiment ??= { label: 'neutral', score: 0, confidence: 0 };
          c.risks ??= [];
          c.attention = needsAttention(c as CommentRecord);
        }),
    );
  // Version 3: running counts of the comments (lib/db/tallies.ts), so the popup reads a few rows
  // instead of counting index ranges. An upgrade's own writes to comments bypass the tallies'
  // middleware: every version that changes comments must end with rebuildTallies, as this one does.
  db.version(3)
    .stores({ [TALLIES]: 'key' })
    .upgrade(rebuildTallies);
  // Version 4: the team workspace (lib/team). What teammates did to comments, one row per comment;
  // the writes waiting for the server, in order; documents refused on arrival; what the user must be
  // told (a claim lost to a colleague, a write the server refused); the workspace's members.
  db.version(4).stores({
    teamComments: 'id, updatedAt',
    teamOutbox: '++seq, docId',
    teamQuarantine: 'id, at',
    teamNotices: '++id, at',
    members: 'name',
    teamMeta: 'key',
  });
  // Version 5: a platform's health problems are codes the popup words in the user's language; version 4
  // stored them as English sentences, shown as such in the French popup.
  db.version(5).upgrade((tx) =>
    tx
      .table('health')
      .toCollection()
      .modify((h: { problems: unknown[] }) => {
        h.problems = h.problems.map(problemFromSentence).filter((p): p is HealthProblem => p !== null);
      }),
  );
}

/** A version 4 problem sentence (lib/page/runtime.ts wrote exactly these three) as its code. */
function problemFromSentence(problem: unknown): HealthProblem | null {
  if (typeof problem !== 'string') return null;
  if (problem === 'no comments found on a page that should have some') return { code: 'no-comments' };
  const unreadable = /^(\d+) comment nodes found but none could be read$/.exec(problem);
  if (unreadable) return { code: 'unreadable', found: Number(unreadable[1]) };
  const failed = /^reading (\d+) comment nodes failed$/.exec(problem);
  return failed ? { code: 'read-failed', count: Number(failed[1]) } : null;
}

export function openDb(name = DB_NAME): VigieDb {
  const db = new Dexie(name) as VigieDb;
  defineVersions(db);
  db.use(talliesMiddleware);
  return db;
}

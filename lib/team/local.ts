/**
 * The team workspace as this device keeps it in Dexie: the only code that touches the team tables.
 * The server's documents arrive through lib/team/apply; the user's own actions are written here
 * first (the UI shows them at once) together with the outbox entry that carries them to the server.
 */
import type { CommentDocType, Role, SharedComment, TeamDoc } from './docs';
import type { VigieDb } from '../db/schema';

export interface Act {
  by: string;
  at: number;
}

/** What the team did to one comment, as the badge and the queue show it. */
export interface TeamCommentRecord {
  id: string;
  comment: SharedComment;
  flag?: Act & { reason?: string };
  claim?: Act & { expiresAt: number };
  answer?: Act & { templateId?: string };
  aside?: Act;
  updatedAt: number;
}

/** A write waiting for the server, in the order it was made. */
export interface OutboxRecord {
  seq?: number;
  docId: string;
  doc: TeamDoc;
  attempts: number;
  lastError?: string;
  createdAt: number;
}

/** A document from the server that failed validation: listed in the options page, never applied. */
export interface QuarantineRecord {
  id: string;
  at: number;
  reason: string;
  excerpt: string;
}

export type NoticeKind = 'lost' | 'refused' | 'quarantined';

/** What the user must be told: a claim or answer a colleague made first, a write the server refused. */
export interface TeamNotice {
  id?: number;
  at: number;
  kind: NoticeKind;
  docId: string;
  /** The colleague who got there first (lost), the server's reason (refused), the validation error. */
  detail: string;
  commentId?: string;
}

export interface MemberRecord {
  name: string;
  displayName: string;
  role: Role;
  active: boolean;
}

/** Team tables, for the transactions that write them together with comments or templates. */
export const teamTables = (db: VigieDb) => [db.teamComments, db.teamOutbox, db.teamQuarantine, db.teamNotices, db.members, db.teamMeta];

export type CommentPart = CommentDocType;

/** The part of a comment's team row that a document of this kind sets. */
export function partOf(doc: Extract<TeamDoc, { type: CommentDocType }>): NonNullable<TeamCommentRecord[CommentPart]> {
  const act = { by: doc.by, at: doc.at };
  switch (doc.type) {
    case 'flag':
      return doc.reason ? { ...act, reason: doc.reason } : act;
    case 'claim':
      return { ...act, expiresAt: doc.expiresAt };
    case 'answer':
      return doc.templateId ? { ...act, templateId: doc.templateId } : act;
    case 'aside':
      return act;
  }
}

/** Sets (or, with undefined, clears) one part of a comment's team row; a row with no part left is deleted. */
export async function setCommentPart(
  db: VigieDb,
  commentId: string,
  comment: SharedComment | undefined,
  part: CommentPart,
  value: TeamCommentRecord[CommentPart] | undefined,
  now: number,
): Promise<TeamCommentRecord | undefined> {
  const row = await db.teamComments.get(commentId);
  const base = row ?? (comment ? { id: commentId, comment, updatedAt: now } : undefined);
  if (!base) return undefined;
  const next = { ...base, ...(comment ? { comment } : {}), updatedAt: now } as TeamCommentRecord;
  if (value) Object.assign(next, { [part]: value });
  else delete next[part];
  if (!next.flag && !next.claim && !next.answer && !next.aside) {
    await db.teamComments.delete(commentId);
    return undefined;
  }
  await db.teamComments.put(next);
  return next;
}


export const pendingCount = (db: VigieDb) => db.teamOutbox.count();
export const listNotices = (db: VigieDb, limit = 20) => db.teamNotices.orderBy('at').reverse().limit(limit).toArray();
export const listQuarantine = (db: VigieDb) => db.teamQuarantine.orderBy('at').reverse().toArray();

/** Leaving the workspace: the team's rows and what it published go; the user's own comments, templates and settings stay. */
export async function clearTeam(db: VigieDb): Promise<void> {
  await db.transaction('rw', [db.templates, db.voicePacks, ...teamTables(db)], async () => {
    await Promise.all(teamTables(db).map((t) => t.clear()));
    // What the team published goes too: a lead's lock must not outlive the workspace it came from.
    await db.templates.filter((t) => t.team !== undefined).delete();
    await db.voicePacks.filter((p) => p.team !== undefined).delete();
  });
}

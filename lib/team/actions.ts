/**
 * The user's own team actions: each becomes a document for the server and, in the same
 * transaction, the local state the UI shows at once (the badge says "you are answering" before the
 * server has answered). The engine's outbox carries the document; if the server decides otherwise
 * (a colleague was first, the role forbids it), the engine rolls the local state back.
 */
import type { BrandRecord, CommentRecord } from '../db/model';
import type { VigieDb } from '../db/schema';
import type { Template } from '../templates/model';
import type { VoicePack } from '../voice/pack';
import { CLAIM_MINUTES, DOC_VERSION, docId, type CommentDocType, type DocOf, type SharedComment, type TeamDoc } from './docs';
import { incidentFingerprint, publishedKey } from './apply';
import { partOf, setCommentPart, teamTables, type TeamCommentRecord } from './local';

/** What teammates get of a stored comment: enough to find and answer it, no sentiment. */
export function sharedCommentOf(c: CommentRecord): SharedComment {
  return {
    platform: c.platform,
    nativeId: c.nativeId,
    threadUrl: c.threadUrl.slice(0, 2_000),
    author: c.author,
    text: c.text.slice(0, 2_000),
    ...(c.permalink ? { permalink: c.permalink } : {}),
    ...(c.publishedAt ? { publishedAt: c.publishedAt } : {}),
    ...(c.parentId ? { parentId: c.parentId } : {}),
  };
}

/** Queues a document, replacing a write of the same document still waiting (the newest is what counts). */
async function enqueue(db: VigieDb, doc: TeamDoc, now: number): Promise<void> {
  await db.teamOutbox.where('docId').equals(doc._id).delete();
  await db.teamOutbox.add({ docId: doc._id, doc, attempts: 0, createdAt: now });
}

export interface CommentAction {
  kind: CommentDocType;
  comment: CommentRecord;
  me: string;
  now: number;
  reason?: string;
  templateId?: string;
  /** Withdraw it (release a claim, unflag). */
  withdraw?: boolean;
}

export async function recordCommentAction(db: VigieDb, a: CommentAction): Promise<TeamCommentRecord | undefined> {
  const commentId = a.comment.id;
  const comment = sharedCommentOf(a.comment);
  const common = { _id: docId.comment(a.kind, commentId), v: DOC_VERSION, by: a.me, at: a.now, commentId, comment };
  const doc = ((): DocOf<CommentDocType> => {
    switch (a.kind) {
      case 'flag':
        return { ...common, type: 'flag', ...(a.reason ? { reason: a.reason } : {}) };
      case 'claim':
        return { ...common, type: 'claim', expiresAt: a.now + CLAIM_MINUTES * 60_000 };
      case 'answer':
        return { ...common, type: 'answer', ...(a.templateId ? { templateId: a.templateId } : {}) };
      case 'aside':
        return { ...common, type: 'aside' };
    }
  })();
  return db.transaction('rw', teamTables(db), async () => {
    const row = await db.teamComments.get(commentId);
    const held = row?.[a.kind];
    // A claim or answer someone else holds is theirs: nothing to send, the badge already says who.
    const theirs = held && held.by !== a.me && !(a.kind === 'claim' && row?.claim && row.claim.expiresAt < a.now);
    if (theirs) return row;
    if (a.withdraw) {
      if (!held) return row;
      await enqueue(db, { ...doc, _deleted: true }, a.now);
      return setCommentPart(db, commentId, comment, a.kind, undefined, a.now);
    }
    await enqueue(db, doc, a.now);
    const next = await setCommentPart(db, commentId, comment, a.kind, partOf(doc), a.now);
    // Answered or set aside: the claim has done its job.
    if ((a.kind === 'answer' || a.kind === 'aside') && row?.claim?.by === a.me) {
      await enqueue(db, { ...docOfClaim(row, a.me, a.now), _deleted: true }, a.now);
      return setCommentPart(db, commentId, comment, 'claim', undefined, a.now);
    }
    return next;
  });
}

function docOfClaim(row: TeamCommentRecord, me: string, now: number): DocOf<'claim'> {
  return { _id: docId.comment('claim', row.id), v: DOC_VERSION, type: 'claim', by: me, at: now, commentId: row.id, comment: row.comment, expiresAt: now };
}

/**
 * Publishing sends the stored template or pack as it is; it becomes the team's (its `team` origin
 * set) when the server's copy comes back, so a refused publish leaves a local one untouched.
 */
export async function publishTemplate(db: VigieDb, t: Template, me: string, now: number, locked = t.team?.locked ?? false): Promise<void> {
  const { usageCount: _u, lastUsedAt: _l, team: _t, ...shared } = t;
  await db.transaction('rw', teamTables(db), () => enqueue(db, { _id: docId.template(t.id), v: DOC_VERSION, type: 'template', by: me, at: now, locked, template: shared }, now));
}

/** A lead's brand (or its removal, `withdraw`) and response targets, for the whole team. */
export async function publishBrand(db: VigieDb, brand: BrandRecord, me: string, now: number, withdraw = false): Promise<void> {
  const doc: TeamDoc = { _id: docId.brand(brand.id), v: DOC_VERSION, type: 'brand', by: me, at: now, brand, ...(withdraw ? { _deleted: true as const } : {}) };
  await db.transaction('rw', teamTables(db), () => enqueue(db, doc, now));
}

export async function publishTargets(db: VigieDb, targets: Record<string, unknown>, me: string, now: number): Promise<void> {
  await db.transaction('rw', teamTables(db), () => enqueue(db, { _id: docId.targets, v: DOC_VERSION, type: 'targets', by: me, at: now, targets }, now));
}

export async function publishPlaybook(db: VigieDb, playbook: Record<string, unknown>, me: string, now: number): Promise<void> {
  await db.transaction('rw', teamTables(db), () => enqueue(db, { _id: docId.playbook, v: DOC_VERSION, type: 'playbook', by: me, at: now, playbook }, now));
}

export async function publishPack(db: VigieDb, pack: VoicePack, me: string, now: number, lock: { locked: boolean; lockedRules: string[] }): Promise<void> {
  await db.transaction('rw', teamTables(db), () => enqueue(db, { _id: docId.voicePack(pack.id), v: DOC_VERSION, type: 'voicePack', by: me, at: now, ...lock, pack }, now));
}

/**
 * Shares what changed of an incident since this device last sent or received it: the incident
 * (title, severity, status, roles), each tick that moved, each new timeline entry, each newly
 * linked comment and clip. Called after every local change of the incident.
 */
export async function publishIncident(db: VigieDb, incidentId: string, me: string, now: number): Promise<number> {
  return db.transaction('rw', [db.incidents, db.timeline, db.comments, db.clips, ...teamTables(db)], async () => {
    const incident = await db.incidents.get(incidentId);
    if (!incident) return 0;
    const base = { v: DOC_VERSION, by: me, at: now } as const;
    const docs: TeamDoc[] = [];
    const changed = async (id: string, value: unknown) => {
      const key = publishedKey(id);
      if ((await db.teamMeta.get(key))?.value === value) return false;
      await db.teamMeta.put({ key, value });
      return true;
    };
    const incidentDocId = docId.incident(incident.id);
    if (await changed(incidentDocId, incidentFingerprint(incident))) docs.push({ ...base, _id: incidentDocId, type: 'incident', incident });
    for (const item of incident.checklist) {
      const id = docId.tick(incident.id, item.id);
      if (await changed(id, item.done)) docs.push({ ...base, _id: id, type: 'tick', incidentId: incident.id, itemId: item.id, done: item.done });
    }
    const entries = await db.timeline.where('incidentId').equals(incident.id).filter((e) => !e.teamId).toArray();
    for (const e of entries) {
      const id = docId.timeline(incident.id, globalThis.crypto.randomUUID());
      const { id: _local, teamId: _t, incidentId: _i, by, ...entry } = e;
      await db.timeline.update(e.id!, { teamId: id });
      docs.push({ ...base, by: me, _id: id, type: 'timeline', incidentId: incident.id, entry: { ...entry, ...(by ? { by } : {}) } });
    }
    for (const c of await db.comments.where('incidentId').equals(incident.id).toArray()) {
      const id = docId.link(incident.id, c.id);
      if (await changed(id, true)) docs.push({ ...base, _id: id, type: 'link', incidentId: incident.id, commentId: c.id, comment: sharedCommentOf(c) });
    }
    for (const clip of await db.clips.where('incidentId').equals(incident.id).toArray()) {
      const id = docId.clip(clip.id);
      if (await changed(id, true)) docs.push({ ...base, _id: id, type: 'clip', incidentId: incident.id, clip });
    }
    for (const doc of docs) await enqueue(db, doc, now);
    return docs.length;
  });
}

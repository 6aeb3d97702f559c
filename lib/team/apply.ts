/**
 * The server's documents, as they arrive in the local replica, made into what this device shows:
 * a teammate's flag puts the comment in the queue, an answer takes it out, a published template
 * reaches the picker. Every document is untrusted: validated first, quarantined when invalid,
 * never allowed to stop the others.
 */
import { clip as clipSchema, incident as incidentSchema, timelineEntry } from '../crisis/model';
import { recordSeen } from '../db/comments';
import { brandRecord, needsAttention, type CommentRecord } from '../db/model';
import { parseSetting } from '../settings/schema';
import type { VigieDb } from '../db/schema';
import { parsePack } from '../voice/pack';
import { template as templateSchema } from '../templates/model';
import type { SentimentResult } from '../sentiment/types';
import { commentDocTypes, isCommentDoc, teamDoc, type CommentDocType, type DocOf, type SharedComment, type TeamDoc } from './docs';
import { partOf, teamTables, type TeamCommentRecord } from './local';

export interface ApplyDeps {
  classify(text: string): SentimentResult;
  now(): number;
}

/** One entry of the replica's changes feed. */
export interface Change {
  id: string;
  deleted?: boolean;
  doc?: unknown;
}

export interface Applied {
  /** Comments whose team state changed: their badges on open pages are told. */
  comments: string[];
  /** Incidents a teammate changed: crisis mode and the banner follow. */
  incidents: string[];
  quarantined: string[];
}

/** What this device last sent or received of a shared incident part, so a change is published once and never echoed. */
export const publishedKey = (docId: string) => `pub:${docId}`;

const excerptOf = (doc: unknown) => {
  try {
    return JSON.stringify(doc).slice(0, 300);
  } catch {
    return String(doc).slice(0, 300);
  }
};

function describe(error: { issues: { path: PropertyKey[]; message: string }[] }): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.map(String).join('.') || '(document)'}: ${i.message}`)
    .join('; ');
}

/** A deletion carries no reliable body: its kind is read from the id (`claim:x:123` is a claim). */
function deletedKind(id: string): { type: string; key: string } | undefined {
  const at = id.indexOf(':');
  return at > 0 ? { type: id.slice(0, at), key: id.slice(at + 1) } : undefined;
}

/**
 * Applies a batch in one transaction: either all of it and the checkpoint, or nothing. Comment
 * documents, nearly all of a workspace, are applied together (one read and one write of each table
 * per batch), and in any order: a replica may hold a comment's answer before its flag.
 */
export async function applyChanges(db: VigieDb, changes: Change[], deps: ApplyDeps, checkpoint?: { key: string; value: unknown }): Promise<Applied> {
  const applied: Applied = { comments: [], incidents: [], quarantined: [] };
  await db.transaction('rw', [db.comments, db.templates, db.voicePacks, db.incidents, db.timeline, db.clips, db.brands, db.settings, ...teamTables(db)], async () => {
    const onComments: CommentChange[] = [];
    const valid: string[] = [];
    for (const change of changes) {
      if (change.id.startsWith('_design/')) continue;
      const kind = change.deleted ? deletedKind(change.id) : undefined;
      if (kind && isCommentType(kind.type)) {
        onComments.push({ commentId: kind.key, type: kind.type });
        valid.push(change.id);
      } else if (change.deleted) {
        await applyDeletion(db, change.id);
        valid.push(change.id);
      } else {
        // Checked synchronously: a long run of awaits without a database call would lose Dexie's transaction.
        const checked = checkDoc(change);
        if ('problem' in checked) {
          await quarantine(db, change.id, checked.problem, change.doc, deps, applied);
          continue;
        }
        const doc = checked.doc;
        valid.push(change.id);
        if (isCommentDoc(doc)) {
          if (doc._id !== `${doc.type}:${doc.commentId}`) {
            await quarantine(db, change.id, `a ${doc.type} of ${doc.commentId} must have the id ${doc.type}:${doc.commentId}`, change.doc, deps, applied);
            valid.pop();
          } else onComments.push({ commentId: doc.commentId, type: doc.type, doc });
          continue;
        }
        const problem = await applyValid(db, doc, deps, applied);
        if (problem) {
          await quarantine(db, change.id, problem, change.doc, deps, applied);
          valid.pop();
        }
      }
    }
    applied.comments.push(...(await applyCommentChanges(db, onComments, deps)));
    // A document quarantined before and valid now (fixed on the server) leaves the quarantine.
    const quarantined = new Set(await db.teamQuarantine.toCollection().primaryKeys());
    const cleared = valid.filter((id) => quarantined.has(id));
    if (cleared.length) await db.teamQuarantine.bulkDelete(cleared);
    if (checkpoint) await db.teamMeta.put(checkpoint);
  });
  return applied;
}

const isCommentType = (type: string): type is CommentDocType => (commentDocTypes as readonly string[]).includes(type);

/** One comment document, or its withdrawal (no doc), in the order the replica gave them. */
interface CommentChange {
  commentId: string;
  type: CommentDocType;
  doc?: DocOf<CommentDocType>;
}

/**
 * The team rows of the batch's comments, then the comments this device keeps: a teammate's flag
 * puts an unseen comment in the queue (unless it is already answered or set aside), and the
 * comment's status follows the team row as a whole, whatever order its documents came in.
 */
async function applyCommentChanges(db: VigieDb, changes: CommentChange[], deps: ApplyDeps): Promise<string[]> {
  if (changes.length === 0) return [];
  const now = deps.now();
  const ids = [...new Set(changes.map((c) => c.commentId))];
  const [stored, locals] = await Promise.all([db.teamComments.bulkGet(ids), db.comments.bulkGet(ids)]);
  const rows = new Map(ids.map((id, i) => [id, stored[i]]));
  for (const c of changes) {
    const before = rows.get(c.commentId);
    const base = before ?? (c.doc ? { id: c.commentId, comment: c.doc.comment, updatedAt: now } : undefined);
    if (!base) continue;
    const next: TeamCommentRecord = { ...base, ...(c.doc ? { comment: c.doc.comment } : {}), updatedAt: now };
    if (c.doc) Object.assign(next, { [c.type]: partOf(c.doc) });
    else delete next[c.type];
    rows.set(c.commentId, next.flag || next.claim || next.answer || next.aside ? next : undefined);
  }
  const gone = ids.filter((id) => !rows.get(id));
  await db.teamComments.bulkPut(ids.flatMap((id) => rows.get(id) ?? []));
  if (gone.length) await db.teamComments.bulkDelete(gone);

  // Flagged comments this browser never showed, grouped by thread (recordSeen takes one thread at a time).
  const unseen = new Map<string, SharedComment[]>();
  ids.forEach((id, i) => {
    const row = rows.get(id);
    if (locals[i] || !row?.flag || row.answer || row.aside) return;
    unseen.set(row.comment.threadUrl, [...(unseen.get(row.comment.threadUrl) ?? []), row.comment]);
  });
  const added = new Map<string, CommentRecord>();
  for (const [threadUrl, comments] of unseen) for (const r of (await recordSeen(db, comments, threadUrl, deps.classify, now)).rows) added.set(r.id, r);

  const changed: CommentRecord[] = [];
  ids.forEach((id, i) => {
    const local = locals[i] ?? added.get(id);
    const row = rows.get(id);
    if (!local || !row) return;
    const next = statusFromTeam(local, row, Boolean(added.get(id)));
    if (next !== local) changed.push(next);
  });
  if (changed.length) await db.comments.bulkPut(changed);
  return ids;
}

/** What the team did decides the comment's status here: answered, else set aside, else flagged. */
function statusFromTeam(local: CommentRecord, row: TeamCommentRecord, added: boolean): CommentRecord {
  let next = local;
  if (row.answer && local.status !== 'replied') next = { ...local, status: 'replied', repliedAt: row.answer.at };
  else if (!row.answer && row.aside && local.status !== 'replied' && local.status !== 'ignored') next = { ...local, status: 'ignored' };
  else if (!row.answer && !row.aside && row.flag && local.status === 'new') next = { ...local, status: 'flagged', flaggedAt: local.flaggedAt ?? row.flag.at };
  // The response clock of a comment a teammate flagged starts when the team first saw it.
  if (added && row.flag && row.flag.at < next.firstSeenAt) next = { ...next, firstSeenAt: row.flag.at };
  return next === local ? local : { ...next, attention: needsAttention(next) };
}

async function quarantine(db: VigieDb, id: string, reason: string, doc: unknown, deps: ApplyDeps, applied: Applied) {
  const at = deps.now();
  await db.teamQuarantine.put({ id, at, reason, excerpt: excerptOf(doc) });
  await db.teamNotices.add({ at, kind: 'quarantined', docId: id, detail: reason });
  applied.quarantined.push(id);
}

/** The document if its envelope is valid and its id matches, or why not. */
function checkDoc(change: Change): { doc: TeamDoc } | { problem: string } {
  const parsed = teamDoc.safeParse(change.doc);
  if (!parsed.success) return { problem: describe(parsed.error) };
  if (parsed.data._id !== change.id) return { problem: `_id ${parsed.data._id} does not match the change's id` };
  return { doc: parsed.data };
}

/** Returns why the document cannot be used, when its envelope was fine but its content is not. */
async function applyValid(db: VigieDb, doc: TeamDoc, deps: ApplyDeps, applied: Applied): Promise<string | undefined> {
  switch (doc.type) {
    case 'member':
      await db.members.put({ name: doc.name, displayName: doc.displayName, role: doc.role, active: doc.active });
      return;
    case 'flag':
    case 'claim':
    case 'answer':
    case 'aside':
      // Applied with the batch's other comment documents (applyCommentChanges).
      return;
    case 'template': {
      const t = templateSchema.safeParse({ ...doc.template, team: undefined });
      if (!t.success) return `template: ${describe(t.error)}`;
      if (doc._id !== `template:${t.data.id}`) return `a template with id ${t.data.id} must have the id template:${t.data.id}`;
      const stored = await db.templates.get(t.data.id);
      await db.templates.put({
        ...t.data,
        usageCount: stored?.usageCount ?? 0,
        lastUsedAt: stored?.lastUsedAt ?? null,
        team: { by: doc.by, at: doc.at, locked: doc.locked },
      });
      return;
    }
    case 'voicePack': {
      const p = parsePack(doc.pack);
      if (!p.ok) return `voice pack: ${p.errors.slice(0, 3).map((e) => `${e.path.join('.') || '(pack)'}: ${e.message}`).join('; ')}`;
      if (doc._id !== `voicePack:${p.pack.id}`) return `a pack with id ${p.pack.id} must have the id voicePack:${p.pack.id}`;
      const stored = await db.voicePacks.get(p.pack.id);
      if (stored?.builtIn) return `"${p.pack.id}" is a built-in pack's id`;
      const { brandId: _brand, ...pack } = p.pack;
      await db.voicePacks.put({
        ...pack,
        ...(p.pack.brandId ? { brandId: p.pack.brandId } : {}),
        builtIn: false,
        // A locked pack is on for everyone: nobody but a lead may pause it.
        active: doc.locked ? 1 : (stored?.active ?? 1),
        team: { by: doc.by, at: doc.at, locked: doc.locked, lockedRules: doc.lockedRules },
      });
      return;
    }
    case 'brand': {
      const b = brandRecord.safeParse(doc.brand);
      if (!b.success) return `brand: ${describe(b.error)}`;
      if (doc._id !== `brand:${b.data.id}`) return `a brand with id ${b.data.id} must have the id brand:${b.data.id}`;
      await db.brands.put(b.data);
      return;
    }
    case 'targets':
      if (doc._id !== 'targets:response') return 'response targets must have the id targets:response';
      return applySetting(db, 'responseTargets', doc.targets);
    case 'playbook':
      if (doc._id !== 'playbook:team') return 'the playbook must have the id playbook:team';
      return applySetting(db, 'playbook', doc.playbook);
    case 'incident':
    case 'tick':
    case 'timeline':
    case 'link':
    case 'clip': {
      const problem = await applyIncidentDoc(db, doc, deps);
      if (!problem) applied.incidents.push(doc.type === 'incident' ? String(doc.incident.id) : doc.incidentId);
      return problem;
    }
  }
}

/** A team setting replaces this device's only when it parses: the one in force stays otherwise. */
async function applySetting(db: VigieDb, key: 'responseTargets' | 'playbook', value: unknown): Promise<string | undefined> {
  try {
    await db.settings.put({ key, value: parseSetting(key, value) });
  } catch (e) {
    return `${key}: ${(e as Error).message}`;
  }
  return undefined;
}

async function applyIncidentDoc(db: VigieDb, doc: DocOf<'incident' | 'tick' | 'timeline' | 'link' | 'clip'>, deps: ApplyDeps): Promise<string | undefined> {
  switch (doc.type) {
    case 'incident': {
      const parsed = incidentSchema.safeParse(doc.incident);
      if (!parsed.success) return `incident: ${describe(parsed.error)}`;
      if (doc._id !== `incident:${parsed.data.id}`) return `an incident with id ${parsed.data.id} must have the id incident:${parsed.data.id}`;
      // Ticks are their own documents: what this device knows of each item stays.
      const local = await db.incidents.get(parsed.data.id);
      const ticks = new Map(local?.checklist.map((i) => [i.id, i]));
      await db.incidents.put({ ...parsed.data, checklist: parsed.data.checklist.map((i) => ticks.get(i.id) ?? i) });
      await db.teamMeta.put({ key: publishedKey(doc._id), value: incidentFingerprint(parsed.data) });
      return;
    }
    case 'tick': {
      const local = await db.incidents.get(doc.incidentId);
      if (local) {
        const checklist = local.checklist.map((i) =>
          i.id === doc.itemId ? { ...i, done: doc.done, ...(doc.done ? { doneAt: new Date(doc.at).toISOString(), doneBy: doc.by } : { doneAt: undefined, doneBy: undefined }) } : i,
        );
        await db.incidents.put({ ...local, checklist });
      }
      await db.teamMeta.put({ key: publishedKey(doc._id), value: doc.done });
      return;
    }
    case 'timeline': {
      const parsed = timelineEntry.safeParse({ ...doc.entry, incidentId: doc.incidentId, by: doc.by, teamId: doc._id, id: undefined });
      if (!parsed.success) return `timeline entry: ${describe(parsed.error)}`;
      const known = await db.timeline.where('incidentId').equals(doc.incidentId).filter((e) => e.teamId === doc._id).count();
      if (!known) await db.timeline.add(parsed.data);
      return;
    }
    case 'link': {
      if (!(await db.comments.get(doc.commentId))) await recordSeen(db, [doc.comment], doc.comment.threadUrl, deps.classify, deps.now());
      const row = (await db.comments.get(doc.commentId))!;
      if (!row.incidentId || row.status === 'new') {
        const next = { ...row, incidentId: row.incidentId ?? doc.incidentId, status: row.status === 'new' ? ('flagged' as const) : row.status, flaggedAt: row.flaggedAt ?? doc.at };
        await db.comments.put({ ...next, attention: needsAttention(next) });
      }
      await db.teamMeta.put({ key: publishedKey(doc._id), value: true });
      return;
    }
    case 'clip': {
      const parsed = clipSchema.safeParse(doc.clip);
      if (!parsed.success) return `clip: ${describe(parsed.error)}`;
      await db.clips.put(parsed.data);
      await db.teamMeta.put({ key: publishedKey(doc._id), value: true });
      return;
    }
  }
}

/** An incident as it is shared, without the checklist's ticks (their own documents): what "changed" compares. */
export function incidentFingerprint(i: { checklist: { id: string; text: string }[] } & Record<string, unknown>): string {
  const { checklist, ...rest } = i;
  return JSON.stringify({ ...rest, checklist: checklist.map(({ id, text }) => ({ id, text })) });
}

async function applyDeletion(db: VigieDb, id: string): Promise<void> {
  const kind = deletedKind(id);
  if (!kind) return;
  if (kind.type === 'template') {
    const stored = await db.templates.get(kind.key);
    if (stored?.team) await db.templates.delete(kind.key);
  } else if (kind.type === 'voicePack') {
    const stored = await db.voicePacks.get(kind.key);
    if (stored?.team) await db.voicePacks.delete(kind.key);
  } else if (kind.type === 'member') {
    await db.members.delete(kind.key);
  } else if (kind.type === 'brand') {
    await db.brands.delete(kind.key);
  }
}

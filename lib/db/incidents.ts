/** Incidents, their timeline and clips. Every change writes its timeline entry in the same transaction. */
import {
  escalate,
  timelineEntry,
  setSeverity,
  setStatus as setIncidentStatus,
  tickChecklist,
  type Clip,
  type EscalationInput,
  type Incident,
  type IncidentStatus,
  type Severity,
  type TimelineEntry,
} from '../crisis/model';
import type { Playbook } from '../crisis/playbooks';
import type { IncidentBundle } from '../crisis/report';
import { needsAttention } from './model';
import type { VigieDb } from './schema';

export class IncidentNotFound extends Error {
  constructor(id: string) {
    super(`no incident ${id}`);
  }
}

/** Incidents still being handled (open or monitoring), most severe first, then newest. */
export async function listActiveIncidents(db: VigieDb): Promise<Incident[]> {
  const rows = await db.incidents.where('status').anyOf('open', 'monitoring').toArray();
  return rows.sort((a, b) => b.severity - a.severity || b.createdAt.localeCompare(a.createdAt));
}

export const listIncidents = (db: VigieDb) => db.incidents.orderBy('createdAt').reverse().toArray();

/**
 * Escalates a comment or thread: attaches to the open incident of the same thread or topic, or opens
 * one from the playbook. One transaction, so two tabs escalating the same thread give one incident.
 */
export async function escalateToIncident(db: VigieDb, input: EscalationInput, playbook: Playbook, now: Date): Promise<{ incident: Incident; created: boolean }> {
  return db.transaction('rw', [db.incidents, db.timeline, db.comments], async () => {
    const active = await listActiveIncidents(db);
    const { incident, timeline, created } = escalate(active, input, playbook, now);
    await db.incidents.put(incident);
    await db.timeline.bulkAdd(timeline);
    if (input.commentId) {
      const comment = await db.comments.get(input.commentId);
      if (comment) {
        const next = { ...comment, status: 'flagged' as const, flaggedAt: comment.flaggedAt ?? now.getTime(), incidentId: comment.incidentId ?? incident.id };
        await db.comments.put({ ...next, attention: needsAttention(next) });
      }
    }
    return { incident, created };
  });
}

async function update(db: VigieDb, id: string, change: (i: Incident) => { incident: Incident; entry: TimelineEntry }): Promise<Incident> {
  return db.transaction('rw', [db.incidents, db.timeline], async () => {
    const current = await db.incidents.get(id);
    if (!current) throw new IncidentNotFound(id);
    const { incident, entry } = change(current);
    await db.incidents.put(incident);
    await db.timeline.add(entry);
    return incident;
  });
}

export const tickItem = (db: VigieDb, id: string, itemId: string, done: boolean, now: Date, by?: string) =>
  update(db, id, (i) => tickChecklist(i, itemId, done, now, by));

export const changeStatus = (db: VigieDb, id: string, status: IncidentStatus, now: Date, by?: string) =>
  update(db, id, (i) => setIncidentStatus(i, status, now, by));

export const changeSeverity = (db: VigieDb, id: string, level: Severity, now: Date, by?: string) =>
  update(db, id, (i) => setSeverity(i, level, now, by));

export async function addNote(db: VigieDb, incidentId: string, text: string, now: Date): Promise<void> {
  if (!(await db.incidents.get(incidentId))) throw new IncidentNotFound(incidentId);
  await db.timeline.add({ incidentId, at: now.toISOString(), kind: 'note', text: text.slice(0, 5000) });
}

export async function addClip(db: VigieDb, clip: Clip): Promise<void> {
  await db.transaction('rw', [db.incidents, db.clips, db.timeline], async () => {
    if (!(await db.incidents.get(clip.incidentId))) throw new IncidentNotFound(clip.incidentId);
    await db.clips.put(clip);
    await db.timeline.add({ incidentId: clip.incidentId, at: clip.capturedAt, kind: 'clip', text: clip.title, ref: clip.url });
  });
}

export const timelineOf = (db: VigieDb, incidentId: string) =>
  db.timeline.where('[incidentId+at]').between([incidentId, ''], [incidentId, '\uffff']).toArray();

/** Everything the report needs, with comments as they were captured. */
export async function loadBundle(db: VigieDb, incidentId: string): Promise<IncidentBundle> {
  const incident = await db.incidents.get(incidentId);
  if (!incident) throw new IncidentNotFound(incidentId);
  const [timeline, comments, clips] = await Promise.all([
    timelineOf(db, incidentId),
    db.comments.where('incidentId').equals(incidentId).toArray(),
    db.clips.where('incidentId').equals(incidentId).toArray(),
  ]);
  return {
    incident,
    timeline,
    clips,
    comments: comments.map((c) => ({
      id: c.id,
      platform: c.platform,
      author: c.author,
      text: c.text,
      ...(c.permalink ? { permalink: c.permalink } : {}),
      sentiment: { label: c.sentiment.label, score: c.sentiment.score },
      firstSeenAt: new Date(c.firstSeenAt).toISOString(),
      ...(c.repliedAt ? { repliedAt: new Date(c.repliedAt).toISOString() } : {}),
    })),
  };
}

/** An automatic entry (alert, webhook outcome) on an incident's timeline; false when the incident is gone. */
export async function appendTimeline(db: VigieDb, entry: TimelineEntry): Promise<boolean> {
  const valid = timelineEntry.parse(entry);
  return db.transaction('rw', [db.incidents, db.timeline], async () => {
    if (!(await db.incidents.get(valid.incidentId))) return false;
    await db.timeline.add(valid);
    return true;
  });
}

/**
 * Who holds a playbook role (empty person: nobody). The owner is whoever holds the first role, so the
 * incident always names one person to ask.
 */
export function withRole(incident: Incident, role: string, person: string, leadRole: string): Incident {
  const name = person.trim().slice(0, 200);
  const roles = [...incident.roles.filter((r) => r.role !== role), ...(name ? [{ role, person: name }] : [])];
  const lead = roles.find((r) => r.role === leadRole)?.person;
  const { owner: _owner, ...rest } = incident;
  return { ...rest, roles, ...(lead ? { owner: lead } : {}) };
}

export async function assignRole(db: VigieDb, id: string, role: { id: string; label: string }, person: string, leadRole: string, now: Date, by?: string): Promise<Incident> {
  return db.transaction('rw', [db.incidents, db.timeline], async () => {
    const current = await db.incidents.get(id);
    if (!current) throw new IncidentNotFound(id);
    const next = withRole(current, role.id, person, leadRole);
    await db.incidents.put(next);
    await db.timeline.add({ incidentId: id, at: now.toISOString(), kind: 'note', text: `${role.label}: ${person.trim() || '—'}${by ? ` (${by})` : ''}`, ref: `role:${role.id}` });
    return next;
  });
}

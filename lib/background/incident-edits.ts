/**
 * Incident changes that lib/db/incidents.ts does not cover yet (automatic timeline entries, roles),
 * written the same way: one transaction, a timeline entry with every change.
 */
import { timelineEntry, type Incident, type TimelineEntry } from '../crisis/model';
import { IncidentNotFound } from '../db/incidents';
import type { VigieDb } from '../db/schema';

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

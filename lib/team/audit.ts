/**
 * The workspace's audit: every shared document with who wrote it and when, as the local replica
 * holds them (the current revision of each: timeline entries keep an incident's history, and
 * comment actions are one document each). Exported as CSV for the lead.
 */
import { serializeCsv } from '../templates/csv';
import { teamDoc, type TeamDoc } from './docs';

export interface AuditRow {
  at: number;
  by: string;
  type: string;
  id: string;
  action: 'written' | 'withdrawn';
  what: string;
}

const cut = (s: string, n = 120) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

function describe(doc: TeamDoc): string {
  switch (doc.type) {
    case 'member':
      return `${doc.displayName} (${doc.role}${doc.active ? '' : ', inactive'})`;
    case 'flag':
    case 'claim':
    case 'answer':
    case 'aside':
      return `${doc.comment.author.name}: ${cut(doc.comment.text)}${doc.type === 'flag' && doc.reason ? ` (${doc.reason})` : ''}`;
    case 'template':
      return `${String(doc.template.name ?? doc._id)}${doc.locked ? ' (locked)' : ''}`;
    case 'voicePack':
      return `${String(doc.pack.name ?? doc._id)}${doc.locked ? ' (locked)' : ''}`;
    case 'incident':
      return `${String(doc.incident.title ?? '')} · severity ${String(doc.incident.severity ?? '?')} · ${String(doc.incident.status ?? '?')}`;
    case 'tick':
      return `${doc.itemId}: ${doc.done ? 'done' : 'not done'}`;
    case 'timeline':
      return `${String(doc.entry.kind ?? '')}: ${cut(String(doc.entry.text ?? ''))}`;
    case 'link':
      return `${doc.comment.author.name}: ${cut(doc.comment.text)}`;
    case 'clip':
      return String(doc.clip.title ?? doc.clip.url ?? '');
    case 'brand':
      return String(doc.brand.name ?? doc._id);
    case 'targets':
      return `${String(doc.targets.defaultHours ?? '?')} h by default`;
    case 'playbook':
      return `version ${String(doc.playbook.version ?? '?')}`;
  }
}

/** Valid documents only (quarantined ones are listed in the options page), newest first. */
export function auditRows(raw: readonly unknown[]): AuditRow[] {
  const rows: AuditRow[] = [];
  for (const r of raw) {
    const parsed = teamDoc.safeParse(r);
    if (!parsed.success) continue;
    const doc = parsed.data;
    rows.push({ at: doc.at, by: doc.by, type: doc.type, id: doc._id, action: doc._deleted ? 'withdrawn' : 'written', what: describe(doc) });
  }
  return rows.sort((a, b) => b.at - a.at || a.id.localeCompare(b.id));
}

/** A cell a spreadsheet would run as a formula (page text can start with "="): kept as text. */
const inert = (cell: string) => (/^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell);

export function auditCsv(rows: readonly AuditRow[]): string {
  return serializeCsv([
    ['at', 'by', 'type', 'action', 'id', 'what'],
    ...rows.map((r) => [new Date(r.at).toISOString(), r.by, r.type, r.action, r.id, r.what].map(inert)),
  ]);
}

import type { Incident } from '../crisis/model';
import type { VigieDb } from './schema';

/** Incidents still being handled (open or monitoring), most severe first, then newest. */
export async function listActiveIncidents(db: VigieDb): Promise<Incident[]> {
  const rows = await db.incidents.where('status').anyOf('open', 'monitoring').toArray();
  return rows.sort((a, b) => b.severity - a.severity || b.createdAt.localeCompare(a.createdAt));
}

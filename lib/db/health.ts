import type { HealthRecord } from './model';
import type { VigieDb } from './schema';

export async function reportHealth(db: VigieDb, report: HealthRecord): Promise<void> {
  await db.health.put(report);
}

export function listHealth(db: VigieDb): Promise<HealthRecord[]> {
  return db.health.toArray();
}

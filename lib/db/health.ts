import type { HealthRecord } from './model';
import type { VigieDb } from './schema';

export type HealthReport = Omit<HealthRecord, 'retries' | 'failures'> & { transport?: { retries: number; failures: number } };

/** The adapter's findings replace the last ones; the transport counts add up across pages and tabs. */
export async function reportHealth(db: VigieDb, report: HealthReport): Promise<void> {
  const { transport, ...rest } = report;
  await db.transaction('rw', db.health, async () => {
    const previous = await db.health.get(report.platform);
    await db.health.put({
      ...rest,
      retries: (previous?.retries ?? 0) + (transport?.retries ?? 0),
      failures: (previous?.failures ?? 0) + (transport?.failures ?? 0),
    });
  });
}

export function listHealth(db: VigieDb): Promise<HealthRecord[]> {
  return db.health.toArray();
}

/**
 * What a spike alert does: it is kept for the evidence page, logged, noted on the lead incident's
 * timeline, shown as a browser notification, and sent to the team's webhook.
 */
import { z } from 'zod';
import type { Alert } from '../crisis/spike';
import { logEvent } from '../db/events';
import { appendTimeline, listActiveIncidents } from '../db/incidents';
import type { VigieDb } from '../db/schema';
import type { KeyValueStore } from './kv';

export const ALERTS_KEY = 'vigie:spike-alerts';
const KEEP_ALERTS = 30;

export const storedAlert = z.object({
  id: z.string(),
  at: z.number(),
  platform: z.string(),
  keyword: z.string().optional(),
  kind: z.enum(['negative-share', 'risk-tags']),
  reason: z.string(),
  stats: z.object({
    comments: z.number(),
    negative: z.number(),
    negativeShare: z.number(),
    baselineNegativeShare: z.number(),
    risky: z.number(),
    riskyShare: z.number(),
    baselineRiskyShare: z.number(),
    tags: z.record(z.string(), z.number()),
  }),
  evidence: z.array(z.object({ at: z.number(), id: z.string().optional(), text: z.string().optional(), label: z.string(), tags: z.array(z.string()) })),
  incidentId: z.string().optional(),
});
export type StoredAlert = z.infer<typeof storedAlert>;

export const alertId = (a: Pick<Alert, 'at' | 'platform' | 'keyword'>) => `${a.at}-${a.platform}${a.keyword ? `-${encodeURIComponent(a.keyword)}` : ''}`;

export function parseAlerts(raw: unknown): StoredAlert[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((r) => {
    const parsed = storedAlert.safeParse(r);
    return parsed.success ? [parsed.data] : [];
  });
}

export interface AlertDeps {
  db: VigieDb;
  store: KeyValueStore;
  notify(id: string, title: string, message: string): Promise<void>;
  /** Sends the alert to the webhook without waiting for the delivery. */
  tellTeam(alert: Alert): void;
  title(alert: Alert): string;
}

export async function raiseAlert(deps: AlertDeps, alert: Alert): Promise<StoredAlert> {
  const id = alertId(alert);
  const lead = (await listActiveIncidents(deps.db))[0];
  const stored: StoredAlert = {
    id,
    at: alert.at,
    platform: alert.platform,
    ...(alert.keyword ? { keyword: alert.keyword } : {}),
    kind: alert.kind,
    reason: alert.reason,
    stats: alert.stats,
    evidence: alert.evidence,
    ...(lead ? { incidentId: lead.id } : {}),
  };
  const kept = parseAlerts(await deps.store.get(ALERTS_KEY)).filter((a) => a.id !== id);
  await deps.store.set(ALERTS_KEY, [stored, ...kept].slice(0, KEEP_ALERTS));
  await logEvent(deps.db, 'spike.alert', { id, platform: alert.platform, keyword: alert.keyword, kind: alert.kind, reason: alert.reason, evidence: alert.evidence.map((e) => e.id) }, alert.at);
  if (lead) await appendTimeline(deps.db, { incidentId: lead.id, at: new Date(alert.at).toISOString(), kind: 'alert', text: alert.reason.slice(0, 5_000), ref: id });
  await deps.notify(id, deps.title(alert), alert.reason);
  deps.tellTeam(alert);
  return stored;
}

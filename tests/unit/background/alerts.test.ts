import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ALERTS_KEY, parseAlerts, raiseAlert } from '../../../lib/background/alerts';
import { memoryStore } from '../../../lib/background/kv';
import { defaultPlaybook } from '../../../lib/crisis/playbooks';
import type { Alert } from '../../../lib/crisis/spike';
import { appendTimeline, escalateToIncident, timelineOf } from '../../../lib/db/incidents';
import { openDb, type VigieDb } from '../../../lib/db/schema';

let db: VigieDb;
beforeEach(async () => {
  db = openDb(`vigie-alerts-${Math.random()}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

const alert: Alert = {
  at: Date.parse('2026-11-21T09:30:00Z'),
  platform: 'x',
  keyword: 'voltix',
  kind: 'negative-share',
  reason: 'negative share 72% over the last 30 min vs 15% baseline (25 comments) (keyword "voltix")',
  stats: { comments: 25, negative: 18, negativeShare: 0.72, baselineNegativeShare: 0.15, risky: 2, riskyShare: 0.08, baselineRiskyShare: 0.02, tags: { crisis: 2 } },
  evidence: [{ at: Date.parse('2026-11-21T09:29:00Z'), id: 'x:42', text: 'Mon chargeur Voltix a fondu', label: 'negative', tags: ['safety'] }],
};

function deps(store = memoryStore()) {
  const notified: { id: string; title: string; message: string }[] = [];
  const told: Alert[] = [];
  return {
    notified,
    told,
    store,
    deps: { db, store, title: (a: Alert) => `Spike on ${a.platform}`, notify: async (id: string, title: string, message: string) => void notified.push({ id, title, message }), tellTeam: (a: Alert) => void told.push(a) },
  };
}

describe('raising a spike alert', () => {
  it('notifies with the reason, logs it, keeps the evidence and tells the team, with no incident to note it on', async () => {
    const { deps: d, notified, told, store } = deps();
    const stored = await raiseAlert(d, alert);
    expect(notified).toEqual([{ id: stored.id, title: 'Spike on x', message: alert.reason }]);
    expect(told).toEqual([alert]);
    expect(parseAlerts(store.data.get(ALERTS_KEY))).toEqual([stored]);
    expect(stored.incidentId).toBeUndefined();
    expect(await db.events.where('type').equals('spike.alert').toArray()).toMatchObject([{ at: alert.at, payload: { id: stored.id, platform: 'x', keyword: 'voltix', evidence: ['x:42'] } }]);
    expect(await db.timeline.count()).toBe(0);
  });

  it('writes an alert entry on the lead incident (the most severe one being handled)', async () => {
    const now = new Date('2026-11-21T08:00:00Z');
    const minor = await escalateToIncident(db, { platform: 'x', topic: 'livraison', severity: 1, category: 'other' }, defaultPlaybook, now);
    const major = await escalateToIncident(db, { platform: 'x', topic: 'voltix', severity: 3, category: 'product-safety' }, defaultPlaybook, now);
    const stored = await raiseAlert(deps().deps, alert);
    expect(stored.incidentId).toBe(major.incident.id);
    const entries = await timelineOf(db, major.incident.id);
    expect(entries.filter((e) => e.kind === 'alert')).toMatchObject([{ text: alert.reason, ref: stored.id, at: '2026-11-21T09:30:00.000Z' }]);
    expect((await timelineOf(db, minor.incident.id)).some((e) => e.kind === 'alert')).toBe(false);
  });

  it('keeps the 30 latest alerts, newest first, and the same alert once', async () => {
    const { deps: d, store } = deps();
    for (let k = 0; k < 35; k++) await raiseAlert(d, { ...alert, at: alert.at + k * 60_000 });
    await raiseAlert(d, { ...alert, at: alert.at + 34 * 60_000 });
    const kept = parseAlerts(store.data.get(ALERTS_KEY));
    expect(kept).toHaveLength(30);
    expect(kept[0]!.at).toBe(alert.at + 34 * 60_000);
    expect(new Set(kept.map((a) => a.id)).size).toBe(30);
  });
});

describe('appendTimeline', () => {
  it('refuses an entry that breaks the timeline schema, and skips a deleted incident', async () => {
    await expect(appendTimeline(db, { incidentId: 'x', at: 'yesterday', kind: 'alert', text: 'a' })).rejects.toThrow();
    expect(await appendTimeline(db, { incidentId: 'gone', at: new Date().toISOString(), kind: 'alert', text: 'a' })).toBe(false);
    expect(await db.timeline.count()).toBe(0);
  });
});

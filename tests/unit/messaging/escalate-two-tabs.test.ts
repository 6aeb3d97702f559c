/**
 * Two tabs, one incident: two escalations of the same thread dispatched to the background's
 * `cs:escalate` handler at the same time (each tab escalating its own comment) open exactly one
 * incident, which links both comments. The second case is the one that needs escalateToIncident's
 * single transaction (without it, both read "no open incident" and each opens one); in the first,
 * storing the carried comment first happens to put the two escalations one after the other.
 */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type VigieDb } from '../../../lib/db/schema';
import { createDispatcher } from '../../../lib/messaging/handle';
import { createHandlers } from '../../../lib/messaging/handlers';
import type { SentimentResult } from '../../../lib/sentiment/types';

const EXT = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${EXT}/`;
const THREAD = 'https://x.com/vigie_demo/status/1';
const tab = (id: number) => ({ id: EXT, tab: { id, url: THREAD } });
const classify = (): SentimentResult => ({ label: 'negative', score: -0.8, confidence: 0.9, lang: 'fr', risks: [] });

let db: VigieDb;
let dispatch: ReturnType<typeof createDispatcher>;
let changed: [string, boolean][];
beforeEach(async () => {
  changed = [];
  db = openDb(`vigie-two-tabs-${Math.random()}`);
  await db.open();
  const effects = {
    commentsSeen: async () => {},
    incidentChanged: async (i: { id: string }, created: boolean) => void changed.push([i.id, created]),
    settingsChanged: async () => {},
    retryWebhook: async () => undefined,
  };
  dispatch = createDispatcher(createHandlers({ db, classify, now: () => Date.parse('2026-11-14T14:00:00Z'), version: '0.1.0', effects }), EXT, ORIGIN);
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

/** What a tab sends when its user escalates comment `nativeId` of the thread. */
const escalation = (nativeId: string, text: string, severity: number) => ({
  type: 'cs:escalate',
  comment: { platform: 'x', nativeId, author: { name: `Auteur ${nativeId}` }, text },
  escalation: { platform: 'x', threadUrl: THREAD, severity, category: 'reputation', commentId: `x:${nativeId}`, commentText: text, lang: 'fr' },
});

describe('two tabs, one incident', () => {
  it('two escalations of the same thread at the same time open exactly one incident with both comments', async () => {
    const [a, b] = await Promise.all([
      dispatch(escalation('2', 'C’est une arnaque', 2), tab(1)),
      dispatch(escalation('3', 'Je porte plainte', 3), tab(2)),
    ]);
    await expectOneIncident(a, b);
  });

  it('the same, for comments both tabs had already reported (nothing stored first, so the two escalations race from their first step)', async () => {
    for (const [id, text] of [['2', 'C’est une arnaque'], ['3', 'Je porte plainte']] as const)
      await dispatch({ type: 'cs:comments-seen', threadUrl: THREAD, comments: [escalation(id, text, 2).comment] }, tab(1));
    const bare = (id: string, text: string, severity: number) => ({ type: 'cs:escalate', escalation: escalation(id, text, severity).escalation });
    const [a, b] = await Promise.all([
      dispatch(bare('2', 'C’est une arnaque', 2), tab(1)),
      dispatch(bare('3', 'Je porte plainte', 3), tab(2)),
    ]);
    await expectOneIncident(a, b);
  });
});

type Answer = Awaited<ReturnType<typeof dispatch>>;

async function expectOneIncident(a: Answer, b: Answer) {
  expect(a.ok && b.ok).toBe(true);
  const incidents = await db.incidents.toArray();
  expect(incidents).toHaveLength(1);
  const incident = incidents[0]!;
  if (!a.ok || !b.ok) throw new Error('unreachable');
  const [da, db2] = [a.data, b.data] as { incidentId: string; created: boolean }[];
  expect([da!.incidentId, db2!.incidentId]).toEqual([incident.id, incident.id]);
  expect([da!.created, db2!.created].sort()).toEqual([false, true]);
  expect(incident.severity).toBe(3);

  const linked = await db.timeline.where('incidentId').equals(incident.id).filter((e) => e.kind === 'comment-linked').toArray();
  expect(linked.map((e) => e.ref).sort()).toEqual(['x:2', 'x:3']);
  for (const id of ['x:2', 'x:3']) expect(await db.comments.get(id)).toMatchObject({ status: 'flagged', incidentId: incident.id });
  expect(changed.map(([id]) => id)).toEqual([incident.id, incident.id]);
}

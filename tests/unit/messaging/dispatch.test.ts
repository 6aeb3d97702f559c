import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type VigieDb } from '../../../lib/db/schema';
import { createDispatcher } from '../../../lib/messaging/handle';
import { createHandlers } from '../../../lib/messaging/handlers';
import { seedDefaults } from '../../../lib/db/seed';
import type { SentimentResult } from '../../../lib/sentiment/types';

const EXT = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${EXT}/`;
const fromX = { id: EXT, tab: { id: 1, url: 'https://x.com/vigie_demo/status/1' } };
const fromPopup = { id: EXT, url: `${ORIGIN}popup.html` };

const classify = (text: string): SentimentResult => ({ label: text.includes('arnaque') ? 'negative' : 'neutral', score: 0, confidence: 0.5, lang: 'fr', risks: [] });

let seenByDetector: string[];
let changed: [string, boolean][];
let db: VigieDb;
let dispatch: ReturnType<typeof createDispatcher>;
beforeEach(async () => {
  seenByDetector = [];
  changed = [];
  db = openDb(`vigie-msg-${Math.random()}`);
  await db.open();
  dispatch = createDispatcher(createHandlers({ db, classify, now: () => 42, version: '0.1.0', effects: { commentsSeen: async (rows) => void seenByDetector.push(...rows.map((r) => r.id)), incidentChanged: async (i, created) => void changed.push([i.id, created]), settingsChanged: async () => {}, retryWebhook: async (id) => (id === 'd1' ? { status: 'delivered' as const, attempts: 2 } : undefined) } }), EXT, ORIGIN);
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

const seen = (overrides: Record<string, unknown> = {}) => ({
  type: 'cs:comments-seen',
  threadUrl: 'https://x.com/vigie_demo/status/1',
  comments: [{ platform: 'x', nativeId: '2', author: { name: 'Marie' }, text: 'arnaque', ...overrides }],
});

describe('background message dispatch', () => {
  it('stores comments seen by a content script and answers their badges', async () => {
    const answer = await dispatch(seen(), fromX);
    expect(answer).toEqual({ ok: true, data: { badges: [{ id: 'x:2', status: 'new', sentiment: expect.objectContaining({ label: 'negative' }) }] } });
    expect(await db.comments.get('x:2')).toMatchObject({ firstSeenAt: 42, text: 'arnaque' });
  });

  it('rejects a message of the wrong shape with the field at fault, and writes nothing', async () => {
    const answer = await dispatch(seen({ nativeId: '' }), fromX);
    expect(answer).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(!answer.ok && answer.error.message).toContain('comments.0.nativeId');
    expect(await db.comments.count()).toBe(0);
  });

  it('rejects an unknown type', async () => {
    expect(await dispatch({ type: 'cs:drop-tables' }, fromX)).toMatchObject({ ok: false, error: { code: 'unknown-type' } });
    expect(await dispatch('not even an object', fromX)).toMatchObject({ ok: false, error: { code: 'unknown-type' } });
    expect(await dispatch({ type: 'toString' }, fromX)).toMatchObject({ ok: false, error: { code: 'unknown-type' } });
  });

  it('rejects other senders: another extension, an unsupported site, a page posing as the popup', async () => {
    expect(await dispatch(seen(), { ...fromX, id: 'otherextension' })).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    expect(await dispatch(seen(), { id: EXT, tab: { url: 'https://evil.example/x.com' } })).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    expect(await dispatch(seen(), { id: EXT, tab: { url: 'http://x.com/home' } })).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    expect(await dispatch({ type: 'ui:ping' }, fromX)).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    expect(await db.comments.count()).toBe(0);
  });

  it('answers ui messages from extension pages', async () => {
    expect(await dispatch({ type: 'ui:ping' }, fromPopup)).toEqual({ ok: true, data: { version: '0.1.0' } });
  });

  it('flags a stored comment, logs it, and refuses to flag one never seen', async () => {
    await dispatch(seen(), fromX);
    expect(await dispatch({ type: 'cs:set-status', commentId: 'x:2', status: 'flagged' }, fromX)).toEqual({ ok: true, data: { id: 'x:2', status: 'flagged' } });
    expect(await db.comments.get('x:2')).toMatchObject({ status: 'flagged', flaggedAt: 42 });
    expect(await db.events.where('type').equals('comment.flagged').count()).toBe(1);
    expect(await dispatch({ type: 'cs:set-status', commentId: 'x:999', status: 'flagged' }, fromX)).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('feeds only first sightings to the spike detector', async () => {
    await dispatch(seen(), fromX);
    await dispatch(seen(), fromX);
    expect(seenByDetector).toEqual(['x:2']);
  });

  it('escalates a comment: one incident for two escalations of the same thread, the comment flagged and linked', async () => {
    const escalation = { platform: 'x', threadUrl: 'https://x.com/vigie_demo/status/1', severity: 2, category: 'reputation', commentId: 'x:2', commentText: 'arnaque', lang: 'fr' };
    const comment = { platform: 'x', nativeId: '2', author: { name: 'Marie' }, text: 'arnaque' };
    const first = await dispatch({ type: 'cs:escalate', comment, escalation }, fromX);
    const second = await dispatch({ type: 'cs:escalate', escalation: { ...escalation, threadUrl: 'https://twitter.com/other_name/status/1?s=20', severity: 3 } }, fromX);
    expect(first).toMatchObject({ ok: true, data: { created: true, severity: 2 } });
    expect(second).toMatchObject({ ok: true, data: { created: false, severity: 3 } });
    expect(await db.incidents.count()).toBe(1);
    const incident = (await db.incidents.toArray())[0]!;
    expect(incident.checklist.length).toBeGreaterThan(5);
    expect(await db.comments.get('x:2')).toMatchObject({ status: 'flagged', incidentId: incident.id, attention: 1 });
    expect(changed).toEqual([[incident.id, true], [incident.id, false]]);
  });

  it('refuses an escalation without severity, naming the field, and opens nothing', async () => {
    const answer = await dispatch({ type: 'cs:escalate', escalation: { platform: 'x', threadUrl: 'https://x.com/a/status/1', category: 'reputation' } }, fromX);
    expect(answer).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(!answer.ok && answer.error.message).toContain('escalation.severity');
    expect(await db.incidents.count()).toBe(0);
  });

  it('retries a team notification from an extension page, and names an unknown delivery', async () => {
    expect(await dispatch({ type: 'ui:webhook-retry', deliveryId: 'd1' }, fromPopup)).toEqual({ ok: true, data: { status: 'delivered', attempts: 2 } });
    expect(await dispatch({ type: 'ui:webhook-retry', deliveryId: 'nope' }, fromPopup)).toMatchObject({ ok: false, error: { code: 'not-found', message: 'no webhook delivery nope' } });
  });

  it("greets the author of the comment answered, but nobody by name under the page account's own post", async () => {
    await seedDefaults(db);
    await dispatch(seen({ nativeId: '2', author: { name: 'Marie Dupont', handle: '@marie_dpt' } }), fromX);
    await dispatch(seen({ nativeId: '3', author: { name: 'Vigie Démo', handle: '@Vigie_Demo' } }), fromX);
    const greeting = async (commentId: string) => {
      const answer = await dispatch({ type: 'cs:template-render', templateId: 'starter-delay', platform: 'facebook', commentId, fields: { deliveryDate: '2026-11-25' }, account: 'vigie_demo' }, fromX);
      if (!answer.ok) throw new Error(answer.error.message);
      return (answer.data as { text: string }).text.split(',')[0];
    };
    expect(await greeting('x:2')).toBe('Bonjour Marie');
    expect(await greeting('x:3')).toBe('Bonjour [prénom]');
  });
});

import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type VigieDb } from '../../../lib/db/schema';
import { createDispatcher } from '../../../lib/messaging/handle';
import { createHandlers } from '../../../lib/messaging/handlers';
import type { SentimentResult } from '../../../lib/sentiment/types';

const EXT = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${EXT}/`;
const fromX = { id: EXT, tab: { id: 1, url: 'https://x.com/vigie_demo/status/1' } };
const fromPopup = { id: EXT, url: `${ORIGIN}popup.html` };

const classify = (text: string): SentimentResult => ({ label: text.includes('arnaque') ? 'negative' : 'neutral', score: 0, confidence: 0.5, lang: 'fr', risks: [] });

let db: VigieDb;
let dispatch: ReturnType<typeof createDispatcher>;
beforeEach(async () => {
  db = openDb(`vigie-msg-${Math.random()}`);
  await db.open();
  dispatch = createDispatcher(createHandlers({ db, classify, now: () => 42, version: '0.1.0' }), EXT, ORIGIN);
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
});

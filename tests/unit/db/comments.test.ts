import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listFlagged, recordSeen, setStatus } from '../../../lib/db/comments';
import { openDb, type VigieDb } from '../../../lib/db/schema';
import type { ExtractedComment } from '../../../lib/platforms/types';
import type { SentimentResult } from '../../../lib/sentiment/types';

let db: VigieDb;
beforeEach(async () => {
  db = openDb(`vigie-test-${Math.random()}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

const comment = (nativeId: string, text = 'Bonjour'): ExtractedComment => ({ platform: 'x', nativeId, author: { name: 'Marie', handle: '@marie' }, text });
const negative: SentimentResult = { label: 'negative', score: -0.8, confidence: 0.9, lang: 'fr', risks: [{ tag: 'crisis', evidence: [0, 7] }] };

describe('comments repository', () => {
  it('stores a seen comment as new, with its sentiment and risks', async () => {
    await recordSeen(db, [comment('1', 'arnaque')], 'https://x.com/a/status/1', () => negative, 1000);
    expect(await db.comments.get('x:1')).toMatchObject({ status: 'new', firstSeenAt: 1000, lang: 'fr', sentiment: { label: 'negative' }, risks: [{ tag: 'crisis' }] });
  });

  it('keeps status and first-seen time when a comment is seen again, and follows edits', async () => {
    await recordSeen(db, [comment('1')], 'u', () => negative, 1000);
    await setStatus(db, 'x:1', 'flagged', 1500);
    await recordSeen(db, [comment('1', 'Bonjour (modifié)')], 'other', () => negative, 2000);
    expect(await db.comments.get('x:1')).toMatchObject({ status: 'flagged', flaggedAt: 1500, firstSeenAt: 1000, lastSeenAt: 2000, text: 'Bonjour (modifié)', threadUrl: 'u' });
  });

  it('classifies a comment seen again only when its text changed, and reports first sightings', async () => {
    const texts: string[] = [];
    const classify = (text: string) => (texts.push(text), negative);
    const first = await recordSeen(db, [comment('1', 'a'), comment('2', 'b')], 'u', classify, 1000);
    const again = await recordSeen(db, [comment('1', 'a'), comment('2', 'b (modifié)'), comment('3', 'c')], 'u', classify, 2000);
    expect(texts).toEqual(['a', 'b', 'b (modifié)', 'c']);
    expect(first.added.map((r) => r.id)).toEqual(['x:1', 'x:2']);
    expect(again.added.map((r) => r.id)).toEqual(['x:3']);
    expect(again.rows.map((r) => r.risks)).toEqual([negative.risks, negative.risks, negative.risks]);
  });

  it('keeps a reply’s parent unknown until a page shows it, and a known parent when another page shows none', async () => {
    await recordSeen(db, [{ ...comment('3'), parentUnknown: true }], 'u', () => negative, 1000);
    expect(await db.comments.get('x:3')).toMatchObject({ parentUnknown: true });
    await recordSeen(db, [{ ...comment('3'), parentId: '2' }], 'u', () => negative, 2000);
    const shown = await db.comments.get('x:3');
    expect(shown).toMatchObject({ parentId: '2' });
    expect(shown!.parentUnknown).toBeUndefined();
    await recordSeen(db, [{ ...comment('3'), parentUnknown: true }], 'u', () => negative, 3000);
    const again = await db.comments.get('x:3');
    expect(again).toMatchObject({ parentId: '2' });
    expect(again!.parentUnknown).toBeUndefined();
  });

  it('lists flagged comments only', async () => {
    await recordSeen(db, ['1', '2', '3'].map((id) => comment(id)), 'u', () => negative, 1000);
    await setStatus(db, 'x:2', 'flagged', 1100);
    expect((await listFlagged(db)).map((c) => c.id)).toEqual(['x:2']);
  });

  it('answers undefined for an unknown comment and writes nothing', async () => {
    expect(await setStatus(db, 'x:nope', 'flagged', 1)).toBeUndefined();
    expect(await db.comments.count()).toBe(0);
  });
});

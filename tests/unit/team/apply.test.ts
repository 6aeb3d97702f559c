/** The mapping both ways: server documents into this device's tables, the user's actions into documents. */
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { recordSeen } from '../../../lib/db/comments';
import { openDb, type VigieDb } from '../../../lib/db/schema';
import { publishTemplate, recordCommentAction, sharedCommentOf } from '../../../lib/team/actions';
import { applyChanges } from '../../../lib/team/apply';
import { clearTeam } from '../../../lib/team/local';
import { DOC_VERSION } from '../../../lib/team/docs';
import { defaultPlaybook } from '../../../lib/crisis/playbooks';
import type { SentimentResult } from '../../../lib/sentiment/types';

const NOW = 1_796_000_000_000;
const classify = (text: string): SentimentResult => ({ label: /arnaque/.test(text) ? 'negative' : 'neutral', score: 0, confidence: 0.9, lang: 'fr', risks: [] });
const deps = { classify, now: () => NOW };
const comment = { platform: 'x' as const, nativeId: '42', author: { name: 'Marie' }, text: 'C’est une arnaque', threadUrl: 'https://x.com/a/status/1', permalink: 'https://x.com/marie/status/42' };
const env = (type: string, id: string, by = 'tom', at = NOW - 1_000) => ({ _id: id, type, v: DOC_VERSION, by, at });
const onComment = (type: string, by?: string) => ({ ...env(type, `${type}:x:42`, by), commentId: 'x:42', comment });
const template = { id: 'tpl-1', name: 'Excuses', bodies: { fr: 'Bonjour {{author.firstName}}, toutes nos excuses.' }, createdAt: 1, updatedAt: 1 };

let db: VigieDb;
let n = 0;
beforeEach(() => {
  db = openDb(`team-apply-${++n}`);
});

describe('server documents into this device', () => {
  it('a flag puts a comment nobody here saw into the queue, classified here', async () => {
    const applied = await applyChanges(db, [{ id: 'flag:x:42', doc: { ...onComment('flag'), reason: 'arnaque' } }], deps);
    expect(applied.comments).toEqual(['x:42']);
    expect(await db.comments.get('x:42')).toMatchObject({ status: 'flagged', attention: 1, sentiment: { label: 'negative' }, author: { name: 'Marie' } });
    expect(await db.teamComments.get('x:42')).toMatchObject({ flag: { by: 'tom', reason: 'arnaque' } });
  });

  it.each([
    ['answer', 'replied'],
    ['aside', 'ignored'],
    ['claim', 'new'],
  ])('a teammate’s %s leaves a comment seen here %s', async (type, status) => {
    await recordSeen(db, [comment], comment.threadUrl, classify, NOW - 5_000);
    await applyChanges(db, [{ id: `${type}:x:42`, doc: { ...onComment(type, 'lea'), ...(type === 'claim' ? { expiresAt: NOW + 60_000 } : {}) } }], deps);
    expect((await db.comments.get('x:42'))!.status).toBe(status);
    expect((await db.teamComments.get('x:42'))![type as 'answer']).toMatchObject({ by: 'lea' });
  });

  it.each([
    ['in one batch', true],
    ['in two batches', false],
  ])('an answer that arrives before its flag (%s) keeps the comment out of the queue', async (_how, together) => {
    const answer = { id: 'answer:x:42', doc: onComment('answer', 'lea') };
    const flag = { id: 'flag:x:42', doc: onComment('flag', 'tom') };
    if (together) await applyChanges(db, [answer, flag], deps);
    else {
      await applyChanges(db, [answer], deps);
      await applyChanges(db, [flag], deps);
    }
    expect(await db.comments.get('x:42')).toBeUndefined();
    // Seen here too: answered, whatever the order.
    const other = openDb(`team-apply-${++n}`);
    await recordSeen(other, [comment], comment.threadUrl, classify, NOW - 5_000);
    await applyChanges(other, together ? [answer, flag] : [answer], deps);
    if (!together) await applyChanges(other, [flag], deps);
    expect(await other.comments.get('x:42')).toMatchObject({ status: 'replied', attention: 0, repliedAt: NOW - 1_000 });
  });

  it('a flagged comment never seen here is due from when the team flagged it', async () => {
    await applyChanges(db, [{ id: 'flag:x:42', doc: { ...onComment('flag'), at: NOW - 3_600_000 } }], deps);
    expect((await db.comments.get('x:42'))!.firstSeenAt).toBe(NOW - 3_600_000);
  });

  it('an answer or aside for a comment never seen here adds nothing to the queue', async () => {
    await applyChanges(db, [{ id: 'answer:x:42', doc: onComment('answer', 'lea') }], deps);
    expect(await db.comments.get('x:42')).toBeUndefined();
    expect((await db.teamComments.get('x:42'))?.answer?.by).toBe('lea');
  });

  it('a withdrawal clears its part, and the row goes with the last part', async () => {
    await applyChanges(db, [{ id: 'claim:x:42', doc: { ...onComment('claim', 'lea'), expiresAt: NOW + 60_000 } }], deps);
    await applyChanges(db, [{ id: 'claim:x:42', deleted: true, doc: { ...onComment('claim', 'lea'), _deleted: true } }], deps);
    expect(await db.teamComments.get('x:42')).toBeUndefined();
  });

  it('a published template reaches the picker with its origin, keeping the use counts made here', async () => {
    await db.templates.put({ ...template, brandId: null, folder: '', tags: [], platformVariants: {}, fields: [], usageCount: 7, lastUsedAt: 5 });
    await applyChanges(db, [{ id: 'template:tpl-1', doc: { ...env('template', 'template:tpl-1', 'ines'), locked: true, template: { ...template, name: 'Excuses (équipe)' } } }], deps);
    expect(await db.templates.get('tpl-1')).toMatchObject({ name: 'Excuses (équipe)', usageCount: 7, lastUsedAt: 5, team: { by: 'ines', locked: true } });
  });

  it.each([
    ['an unknown type', { ...env('poll', 'poll:1') }, /type/],
    ['a flag without its comment', { ...env('flag', 'flag:x:1'), commentId: 'x:1' }, /comment/],
    ['a flag under another comment’s id', { ...onComment('flag'), _id: 'flag:x:43' }, /must have the id flag:x:42/],
    ['a template whose body uses an unknown variable', { ...env('template', 'template:tpl-1'), locked: false, template: { ...template, bodies: { fr: '{{nope}}' } } }, /nope/],
    ['a wrong schema version', { ...onComment('flag'), v: 2 }, /v/],
    ['page text where a number is due', { ...onComment('flag'), at: '<img src=x onerror=alert(1)>' }, /at/],
  ])('%s is quarantined with its reason and changes nothing', async (_what, doc, reason) => {
    const applied = await applyChanges(db, [{ id: doc._id, doc }, { id: 'member:sam', doc: { ...env('member', 'member:sam', 'sam'), name: 'sam', displayName: 'Sam', role: 'cm', active: true } }], deps);
    expect(applied.quarantined).toEqual([doc._id]);
    const [q] = await db.teamQuarantine.toArray();
    expect(q!.id).toBe(doc._id);
    expect(q!.reason).toMatch(reason);
    expect(await db.comments.count()).toBe(0);
    // The next document of the batch still applied.
    expect(await db.members.get('sam')).toMatchObject({ displayName: 'Sam' });
  });

  it("a lead's brand and response targets apply here; a brand's withdrawal removes it", async () => {
    const brand = { id: 'b1', name: 'Maison Lune', agents: [{ name: 'Julie', signature: 'Julie, service client' }], address: 'tu', accounts: [{ platform: 'x', handle: '@maisonlune' }] };
    await applyChanges(db, [
      { id: 'brand:b1', doc: { ...env('brand', 'brand:b1', 'ines'), brand } },
      { id: 'targets:response', doc: { ...env('targets', 'targets:response', 'ines'), targets: { defaultHours: 4, perPlatform: { x: 1 } } } },
    ], deps);
    expect(await db.brands.get('b1')).toEqual(brand);
    expect((await db.settings.get('responseTargets'))?.value).toEqual({ defaultHours: 4, perPlatform: { x: 1 } });
    await applyChanges(db, [{ id: 'brand:b1', deleted: true, doc: { ...env('brand', 'brand:b1', 'ines'), _deleted: true, brand } }], deps);
    expect(await db.brands.get('b1')).toBeUndefined();
  });

  it('the team playbook replaces this device’s; one that does not parse is quarantined', async () => {
    const playbook = { ...defaultPlaybook, version: defaultPlaybook.version + 3 };
    await applyChanges(db, [{ id: 'playbook:team', doc: { ...env('playbook', 'playbook:team', 'lea'), playbook } }], deps);
    expect((await db.settings.get('playbook'))?.value).toEqual(playbook);
    const applied = await applyChanges(db, [{ id: 'playbook:team', doc: { ...env('playbook', 'playbook:team', 'lea'), playbook: { steps: 'none' } } }], deps);
    expect(applied.quarantined).toEqual(['playbook:team']);
    expect((await db.settings.get('playbook'))?.value).toEqual(playbook);
  });

  it('response targets that do not parse are quarantined and the ones in force stay', async () => {
    await db.settings.put({ key: 'responseTargets', value: { defaultHours: 24, perPlatform: {} } });
    const applied = await applyChanges(db, [{ id: 'targets:response', doc: { ...env('targets', 'targets:response', 'ines'), targets: { defaultHours: -3 } } }], deps);
    expect(applied.quarantined).toEqual(['targets:response']);
    expect((await db.settings.get('responseTargets'))?.value).toEqual({ defaultHours: 24, perPlatform: {} });
  });

  it('a batch of 1,000 documents applies in one transaction (the engine drains the replica 1,000 at a time)', async () => {
    const changes = Array.from({ length: 1_000 }, (_, i) => {
      const id = `x:7${i}`;
      return { id: `flag:${id}`, doc: { ...env('flag', `flag:${id}`), commentId: id, comment: { ...comment, nativeId: `7${i}`, threadUrl: `https://x.com/a/status/${i % 9}` } } };
    });
    const applied = await applyChanges(db, changes, deps, { key: 'replica-seq', value: 1_000 });
    expect(applied.comments).toHaveLength(1_000);
    expect(await db.teamComments.count()).toBe(1_000);
    expect(await db.comments.where('status').equals('flagged').count()).toBe(1_000);
    expect((await db.teamMeta.get('replica-seq'))?.value).toBe(1_000);
  });

  it('the checkpoint is written with the batch, so a stopped worker resumes after it', async () => {
    await applyChanges(db, [{ id: 'flag:x:42', doc: onComment('flag') }], deps, { key: 'replica-seq', value: 17 });
    expect((await db.teamMeta.get('replica-seq'))?.value).toBe(17);
  });
});

describe('the user’s actions into documents', () => {
  it('a claim is queued with its expiry, shown at once, and not sent over a teammate’s', async () => {
    const { rows } = await recordSeen(db, [comment], comment.threadUrl, classify, NOW);
    await recordCommentAction(db, { kind: 'claim', comment: rows[0]!, me: 'lea', now: NOW });
    const [queued] = await db.teamOutbox.toArray();
    expect(queued!.doc).toEqual({ _id: 'claim:x:42', v: 1, type: 'claim', by: 'lea', at: NOW, commentId: 'x:42', comment: sharedCommentOf(rows[0]!), expiresAt: NOW + 15 * 60_000 });
    expect(queued!.doc).not.toHaveProperty('comment.sentiment');
    expect((await db.teamComments.get('x:42'))?.claim?.by).toBe('lea');

    // Zoé's browser already knows Léa holds it: nothing is queued.
    const other = openDb(`team-apply-${++n}`);
    await applyChanges(other, [{ id: 'claim:x:42', doc: { ...onComment('claim', 'lea'), expiresAt: NOW + 60_000 } }], deps);
    const { rows: seenThere } = await recordSeen(other, [comment], comment.threadUrl, classify, NOW);
    await recordCommentAction(other, { kind: 'claim', comment: seenThere[0]!, me: 'zoe', now: NOW });
    expect(await other.teamOutbox.count()).toBe(0);
  });

  it('answering releases one’s own claim: the answer and the withdrawal are queued in order', async () => {
    const { rows } = await recordSeen(db, [comment], comment.threadUrl, classify, NOW);
    await recordCommentAction(db, { kind: 'claim', comment: rows[0]!, me: 'lea', now: NOW });
    await recordCommentAction(db, { kind: 'answer', comment: rows[0]!, me: 'lea', now: NOW + 1 });
    const docs = (await db.teamOutbox.orderBy('seq').toArray()).map((o) => [o.doc._id, Boolean((o.doc as { _deleted?: boolean })._deleted)]);
    expect(docs).toEqual([
      ['answer:x:42', false],
      ['claim:x:42', true],
    ]);
    expect(await db.teamComments.get('x:42')).toMatchObject({ answer: { by: 'lea' } });
    expect((await db.teamComments.get('x:42'))!.claim).toBeUndefined();
  });

  it('publishing a template sends it without this device’s use counts, and leaves the local one alone until the server has it', async () => {
    const stored = { ...template, brandId: null, folder: '', tags: [], platformVariants: {}, fields: [], usageCount: 3, lastUsedAt: 9 };
    await db.templates.put(stored);
    await publishTemplate(db, stored, 'ines', NOW, true);
    const [queued] = await db.teamOutbox.toArray();
    expect(queued!.doc).toMatchObject({ _id: 'template:tpl-1', type: 'template', by: 'ines', locked: true });
    expect((queued!.doc as { template: object }).template).not.toHaveProperty('usageCount');
    expect((await db.templates.get('tpl-1'))!.team).toBeUndefined();
  });
});

describe('leaving the workspace', () => {
  it('takes the team’s rows and what it published, and keeps the user’s own templates and packs', async () => {
    const own = { ...template, id: 'mine', brandId: null, folder: '', tags: [], platformVariants: {}, fields: [], usageCount: 0, lastUsedAt: null };
    await db.templates.bulkPut([own, { ...own, id: 'tpl-1', team: { by: 'ines', at: 1, locked: true } }]);
    const pack = { format: 'vigie-voice-pack' as const, version: 1 as const, name: 'p', lang: 'fr', vocabulary: [], rules: [], builtIn: false, active: 1 as const };
    await db.voicePacks.bulkPut([{ ...pack, id: 'own-pack' }, { ...pack, id: 'team-pack', team: { by: 'ines', at: 1, locked: true } }]);
    await applyChanges(db, [{ id: 'flag:x:42', doc: onComment('flag') }], deps);
    await clearTeam(db);
    expect((await db.templates.toArray()).map((t) => t.id)).toEqual(['mine']);
    expect((await db.voicePacks.toArray()).map((p) => p.id)).toEqual(['own-pack']);
    expect(await db.teamComments.count()).toBe(0);
    // The comment stays: it is this user's now, as any comment seen here.
    expect(await db.comments.get('x:42')).toBeDefined();
  });
});


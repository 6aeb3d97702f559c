/**
 * The team engine against a real CouchDB-protocol server (pouchdb-server on 127.0.0.1, started
 * here), with several "browsers" (a Dexie database and a PouchDB replica each) in one process.
 */
import 'fake-indexeddb/auto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTeamServer, type TeamServer } from '../../../scripts/team-server';
import { recordSeen } from '../../../lib/db/comments';
import { savePack } from '../../../lib/db/voicePacks';
import { openDb, type VigieDb } from '../../../lib/db/schema';
import { publishBrand, publishIncident, recordCommentAction, publishPack } from '../../../lib/team/actions';
import { changeSeverity, escalateToIncident, tickItem } from '../../../lib/db/incidents';
import { defaultPlaybook } from '../../../lib/crisis/playbooks';
import { addMember, initWorkspace, removeMember } from '../../../lib/team/admin';
import { DESIGN_ID, DESIGN_VERSION, DOC_VERSION, type Role } from '../../../lib/team/docs';
import { createEngine, type Engine, type TeamStatus } from '../../../lib/team/engine';
import type { SentimentResult } from '../../../lib/sentiment/types';
import { memoryPouch, remoteAs } from './pouch';

const WS = 'acme-support';
const classify = (text: string): SentimentResult => ({ label: /nul|honte/i.test(text) ? 'negative' : 'neutral', score: 0, confidence: 0.9, lang: 'fr', risks: [] });
const COMMENT = {
  platform: 'x' as const,
  nativeId: '1850000000000000002',
  author: { name: 'Marie', handle: '@marie' },
  text: 'Service client nul, trois semaines sans réponse',
  permalink: 'https://x.com/marie/status/1850000000000000002',
};
const ID = 'x:1850000000000000002';

let server: TeamServer;
const passwords = new Map<string, string>();
let n = 0;

interface Member {
  name: string;
  db: VigieDb;
  engine: Engine;
  statuses: TeamStatus[];
  changed: string[];
}

const started: Member[] = [];

async function member(name: string, opts: { server?: string } = {}): Promise<Member> {
  const db = openDb(`team-engine-${name}-${++n}`);
  const m: Member = { name, db, statuses: [], changed: [], engine: undefined as unknown as Engine };
  m.engine = createEngine({
    db,
    pouch: memoryPouch(),
    connection: { server: opts.server ?? server.url, workspace: WS, user: name, password: passwords.get(name)! },
    fetch,
    classify,
    now: Date.now,
    heartbeatMs: 2_000,
    onStatus: (s) => m.statuses.push(s),
    onComments: (ids) => m.changed.push(...ids),
  });
  started.push(m);
  return m;
}

const adminRemote = () => remoteAs(`${server.url}/${WS}`, server.adminUser, server.adminPassword);

async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean, what: string, ms = 8_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (ok(v)) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function seen(db: VigieDb) {
  const { rows } = await recordSeen(db, [COMMENT], 'https://x.com/marie/status/1850000000000000002', classify, Date.now());
  return rows[0]!;
}

beforeAll(async () => {
  server = await startTeamServer();
  const auth = { server: server.url, user: server.adminUser, password: server.adminPassword };
  await initWorkspace(auth, WS);
  const team: [string, Role][] = [
    ['lea', 'cm'],
    ['zoe', 'cm'],
    ['tom', 'moderator'],
    ['theo', 'trainee'],
    ['ines', 'lead'],
  ];
  for (const [name, role] of team) {
    const { password } = await addMember(auth, WS, { name, role, displayName: name[0]!.toUpperCase() + name.slice(1) });
    passwords.set(name, password!);
  }
}, 30_000);

// Each test's browsers stop with the test, and the server only once their requests have settled: a
// request still in flight when the server goes would fail after the test, unhandled.
afterEach(async () => {
  await Promise.all(started.splice(0).map((m) => m.engine.stop()));
});
afterAll(async () => {
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  await server?.stop();
});

describe('team engine', () => {
  it('connects with the role the server gives, and refuses a wrong password clearly', async () => {
    const tom = await member('tom');
    await tom.engine.start();
    expect(tom.engine.status()).toMatchObject({ state: 'connected', role: 'moderator' });

    passwords.set('nobody', 'wrong');
    const intruder = await member('nobody');
    await intruder.engine.start();
    expect(intruder.engine.status()).toMatchObject({ state: 'refused', message: 'wrong user name or password for nobody' });
  });

  it('a password with accents connects (basic auth in UTF-8)', async () => {
    await addMember({ server: server.url, user: server.adminUser, password: server.adminPassword }, WS, { name: 'eve', role: 'cm', password: 'pâté-cœur-€' });
    passwords.set('eve', 'pâté-cœur-€');
    const eve = await member('eve');
    await eve.engine.start();
    expect(eve.engine.status()).toMatchObject({ state: 'connected', role: 'cm' });
  });

  it("a moderator's flag reaches a community manager who never saw the comment: in her queue, with who flagged", async () => {
    const tom = await member('tom');
    const lea = await member('lea');
    await Promise.all([tom.engine.start(), lea.engine.start()]);
    const row = await seen(tom.db);
    await recordCommentAction(tom.db, { kind: 'flag', comment: row, me: 'tom', now: Date.now(), reason: 'client en colère' });
    await tom.engine.flush();
    expect(await tom.db.teamOutbox.count()).toBe(0);

    const team = await until(() => lea.db.teamComments.get(ID), (r) => r?.flag?.by === 'tom', 'the flag on Léa’s side');
    expect(team!.flag!.reason).toBe('client en colère');
    const local = await lea.db.comments.get(ID);
    expect(local).toMatchObject({ status: 'flagged', attention: 1, text: COMMENT.text, author: { name: 'Marie' } });
    expect(lea.changed).toContain(ID);
    // Members arrive too: the badge can say "Tom", not "tom".
    expect((await lea.db.members.get('tom'))?.displayName).toBe('Tom');
  });

  it('a second flag of the same comment agrees with the first: nobody is told they lost', async () => {
    const lea = await member('lea');
    await lea.engine.start();
    const row = await seen(lea.db);
    await recordCommentAction(lea.db, { kind: 'flag', comment: row, me: 'lea', now: Date.now() });
    await lea.engine.flush();
    expect(await lea.db.teamOutbox.count()).toBe(0);
    expect(await lea.db.teamNotices.count()).toBe(0);
    expect((await lea.db.teamComments.get(ID))?.flag?.by).toBe('tom');
  });

  it('two community managers claim the same comment at once: exactly one holds it, the other is told who', async () => {
    const lea = await member('lea');
    const zoe = await member('zoe');
    await Promise.all([lea.engine.start(), zoe.engine.start()]);
    const [a, b] = await Promise.all([seen(lea.db), seen(zoe.db)]);
    const now = Date.now();
    await Promise.all([
      recordCommentAction(lea.db, { kind: 'claim', comment: a, me: 'lea', now }),
      recordCommentAction(zoe.db, { kind: 'claim', comment: b, me: 'zoe', now }),
    ]);
    await Promise.all([lea.engine.flush(), zoe.engine.flush()]);

    const onServer = await adminRemote().get(`claim:${ID}`);
    const winner = onServer.by as string;
    const loser = winner === 'lea' ? zoe : lea;
    expect(['lea', 'zoe']).toContain(winner);
    expect(onServer._rev).toMatch(/^1-/);
    const notices = await loser.db.teamNotices.toArray();
    expect(notices).toEqual([expect.objectContaining({ kind: 'lost', detail: winner, commentId: ID })]);
    expect((await loser.db.teamComments.get(ID))?.claim?.by).toBe(winner);
    const holder = winner === 'lea' ? lea : zoe;
    expect(await holder.db.teamNotices.count()).toBe(0);
  });

  it("a trainee's pack publish is refused by the server with its reason; the trainee's own pack stays as it was", async () => {
    const theo = await member('theo');
    await theo.engine.start();
    const pack = { format: 'vigie-voice-pack' as const, version: 1 as const, id: 'acme-ton', name: 'Ton Acme', lang: 'fr', vocabulary: ['Acme'], rules: [] };
    expect(await savePack(theo.db, pack)).toMatchObject({ ok: true });
    await publishPack(theo.db, pack, 'theo', Date.now(), { locked: false, lockedRules: [] });
    await theo.engine.flush();
    expect(await theo.db.teamOutbox.count()).toBe(0);
    const [notice] = await theo.db.teamNotices.toArray();
    expect(notice).toMatchObject({ kind: 'refused', docId: 'voicePack:acme-ton' });
    expect(notice!.detail).toMatch(/trainee/);
    expect(await theo.db.voicePacks.get('acme-ton')).toMatchObject({ vocabulary: ['Acme'], active: 1 });
    expect((await theo.db.voicePacks.get('acme-ton'))!.team).toBeUndefined();
    await expect(adminRemote().get('voicePack:acme-ton')).rejects.toMatchObject({ status: 404 });
  });

  it("a brand publish the server refuses leaves the user's own brand in place", async () => {
    const theo = await member('theo');
    await theo.engine.start();
    const brand = { id: 'b-theo', name: 'Maison Lune', agents: [], address: 'vous' as const, accounts: [] };
    await theo.db.brands.put(brand);
    await publishBrand(theo.db, brand, 'theo', Date.now());
    await theo.engine.flush();
    expect((await theo.db.teamNotices.toArray()).map((n) => n.kind)).toEqual(['refused']);
    expect(await theo.db.brands.get('b-theo')).toEqual(brand);
  });

  it("a lead's locked pack reaches everyone switched on; a trainee's forced edit of it is refused and the lead's rules come back", async () => {
    const ines = await member('ines');
    const theo = await member('theo');
    await Promise.all([ines.engine.start(), theo.engine.start()]);
    const rule = { id: 'acme.no-mp', kind: 'existence' as const, severity: 'error' as const, message: 'Pas de « MP »', explanation: 'On écrit « message privé ».', tokens: ['MP'], ignoreCase: true, nonword: false };
    const pack = { format: 'vigie-voice-pack' as const, version: 1 as const, id: 'acme-lock', name: 'Acme verrouillé', lang: 'fr', vocabulary: [], rules: [rule] };
    await publishPack(ines.db, pack, 'ines', Date.now(), { locked: true, lockedRules: ['acme.no-mp'] });
    await ines.engine.flush();
    const got = await until(() => theo.db.voicePacks.get('acme-lock'), (p) => p?.team?.locked === true, 'the locked pack on the trainee side');
    expect(got).toMatchObject({ active: 1, team: { by: 'ines', lockedRules: ['acme.no-mp'] } });

    await theo.db.voicePacks.update('acme-lock', { rules: [] });
    await publishPack(theo.db, { ...pack, rules: [] }, 'theo', Date.now() + 1, { locked: true, lockedRules: [] });
    await theo.engine.flush();
    expect((await theo.db.teamNotices.toArray()).map((n) => n.kind)).toContain('refused');
    expect((await theo.db.voicePacks.get('acme-lock'))!.rules.map((r) => r.id)).toEqual(['acme.no-mp']);
  });

  it('an answer made while the server is unreachable waits in the outbox and lands once it is back', async () => {
    const offline = await member('lea', { server: 'http://127.0.0.1:9' });
    await offline.engine.start();
    expect(offline.engine.status().state).toBe('offline');
    const row = await seen(offline.db);
    await recordCommentAction(offline.db, { kind: 'answer', comment: row, me: 'lea', now: Date.now() });
    await offline.engine.flush();
    expect(await offline.db.teamOutbox.count()).toBe(1);
    expect((await offline.db.teamComments.get(ID))?.answer?.by).toBe('lea');
    await offline.engine.stop();

    // The same browser, the server reachable again (a new worker life reads the same Dexie).
    const back = createEngine({
      db: offline.db,
      pouch: memoryPouch(),
      connection: { server: server.url, workspace: WS, user: 'lea', password: passwords.get('lea')! },
      fetch,
      classify,
      now: Date.now,
      onStatus: () => {},
      onComments: () => {},
    });
    started.push({ ...offline, engine: back });
    await back.start();
    await until(() => offline.db.teamOutbox.count(), (c) => c === 0, 'the outbox to empty');
    expect(await adminRemote().get(`answer:${ID}`)).toMatchObject({ by: 'lea', type: 'answer' });
  });

  it('a write that reached the server before the worker died is not repeated or reported as lost', async () => {
    const zoe = await member('zoe');
    await zoe.engine.start();
    const row = await seen(zoe.db);
    await recordCommentAction(zoe.db, { kind: 'aside', comment: row, me: 'zoe', now: Date.now() });
    const [queued] = await zoe.db.teamOutbox.toArray();
    // The PUT went through, then the worker stopped before the outbox entry was removed.
    await remoteAs(`${server.url}/${WS}`, 'zoe', passwords.get('zoe')!).put(queued!.doc);
    await zoe.engine.flush();
    expect(await zoe.db.teamOutbox.count()).toBe(0);
    expect(await zoe.db.teamNotices.count()).toBe(0);
    expect((await adminRemote().get(`aside:${ID}`))._rev).toMatch(/^1-/);
  });

  it('an incident travels whole: the incident, its timeline with who did what, its comment, and a tick made elsewhere', async () => {
    const lea = await member('lea');
    const zoe = await member('zoe');
    const tom = await member('tom');
    await Promise.all([lea.engine.start(), zoe.engine.start(), tom.engine.start()]);
    const row = await seen(lea.db);
    const { incident } = await escalateToIncident(
      lea.db,
      { platform: 'x', threadUrl: 'https://x.com/marie/status/1850000000000000002', severity: 3, category: 'product-safety', commentId: row.id, commentText: row.text, lang: 'fr' },
      defaultPlaybook,
      new Date(),
    );
    expect(await publishIncident(lea.db, incident.id, 'lea', Date.now())).toBeGreaterThan(2);
    await lea.engine.flush();
    // Nothing changed since: nothing is sent twice.
    expect(await publishIncident(lea.db, incident.id, 'lea', Date.now())).toBe(0);

    const got = await until(() => zoe.db.incidents.get(incident.id), (i) => i?.severity === 3, 'the incident on Zoé’s side');
    expect(got!.title).toBe(incident.title);
    const entries = await until(() => zoe.db.timeline.where('incidentId').equals(incident.id).toArray(), (t) => t.length >= 1, 'the timeline');
    expect(entries.every((e) => e.by === 'lea' && e.teamId?.startsWith(`timeline:${incident.id}:`))).toBe(true);
    const linked = await until(() => zoe.db.comments.get(ID), (c) => c?.incidentId === incident.id, 'the linked comment');
    expect(linked!.status).toBe('flagged');

    const item = got!.checklist[0]!;
    await tickItem(zoe.db, incident.id, item.id, true, new Date(), 'zoe');
    await publishIncident(zoe.db, incident.id, 'zoe', Date.now());
    await zoe.engine.flush();
    const ticked = await until(() => lea.db.incidents.get(incident.id), (i) => i?.checklist[0]?.done === true, 'the tick on Léa’s side');
    expect(ticked!.checklist[0]!.doneBy).toBe('zoe');
    // The tick's own timeline entry came along, attributed.
    await until(() => lea.db.timeline.where('incidentId').equals(incident.id).filter((e) => e.by === 'zoe').count(), (n) => n >= 1, 'Zoé’s timeline entry');

    // A moderator opens incidents but does not edit them: the server refuses, and his copy comes back to the server's.
    await until(() => tom.db.incidents.get(incident.id), (i) => i !== undefined, 'the incident on Tom’s side');
    await changeSeverity(tom.db, incident.id, 1, new Date(), 'tom');
    await publishIncident(tom.db, incident.id, 'tom', Date.now() + 5);
    await tom.engine.flush();
    expect((await tom.db.teamNotices.toArray()).find((n) => n.docId === `incident:${incident.id}`)).toMatchObject({ kind: 'refused' });
    expect((await tom.db.incidents.get(incident.id))!.severity).toBe(3);
    expect(((await adminRemote().get(`incident:${incident.id}`)).incident as { severity: number }).severity).toBe(3);
  });

  it('a malformed document on the server is quarantined and the rest still syncs', async () => {
    const admin = adminRemote();
    await admin.put({ _id: 'flag:x:999', type: 'flag', v: DOC_VERSION, by: 'tom', at: Date.now(), commentId: 'x:999' });
    await admin.put({ _id: 'member:sam', type: 'member', v: DOC_VERSION, by: 'sam', at: Date.now(), name: 'sam', displayName: 'Sam', role: 'cm', active: true });
    const ines = await member('ines');
    await ines.engine.start();
    await until(() => ines.db.members.get('sam'), (m) => m?.displayName === 'Sam', 'the valid document after the bad one');
    const [bad] = await until(() => ines.db.teamQuarantine.toArray(), (q) => q.length === 1, 'the quarantine');
    expect(bad).toMatchObject({ id: 'flag:x:999' });
    expect(bad!.reason).toMatch(/comment/);
    expect(await ines.db.teamComments.get('x:999')).toBeUndefined();
    expect(await ines.db.comments.get('x:999')).toBeUndefined();
  });

  it('a revoked member is told so, and keeps what is on the device', async () => {
    const theo = await member('theo');
    const row = await seen(theo.db);
    await recordCommentAction(theo.db, { kind: 'answer', comment: row, me: 'theo', now: Date.now() });
    await removeMember({ server: server.url, user: server.adminUser, password: server.adminPassword }, WS, 'theo');
    await theo.engine.start();
    expect(theo.engine.status()).toMatchObject({ state: 'refused', message: 'theo is no longer a member of acme-support: ask a lead' });
    expect(await theo.db.comments.get(ID)).toBeDefined();
    expect(await theo.db.teamOutbox.count()).toBe(1);
  });

  it('a workspace whose rules are newer than this Vigie asks for an update and syncs nothing', async () => {
    const admin = adminRemote();
    const design = await admin.get(DESIGN_ID);
    await admin.put({ ...design, vigie_version: DESIGN_VERSION + 1 });
    const lea = await member('lea');
    await lea.engine.start();
    expect(lea.engine.status()).toMatchObject({ state: 'outdated' });
    expect(lea.engine.status().message).toContain(`version ${DESIGN_VERSION + 1}`);
    expect(await lea.db.teamComments.count()).toBe(0);
  });
});

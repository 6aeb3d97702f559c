import { runInNewContext } from 'node:vm';
import { parse } from 'acorn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, basic, initWorkspace } from '../../../lib/team/admin';
import { buildDesignDoc, buildSecurity } from '../../../lib/team/design';
import { DESIGN_ID, DESIGN_VERSION, docTypes, type Role } from '../../../lib/team/docs';
import { startTeamServer, type TeamServer } from '../../../scripts/team-server';

const DB = 'acme';
const source = buildDesignDoc(DB).validate_doc_update;

/** The text the server gets, evaluated in a bare context: no Node globals it could lean on by accident. */
const validate = runInNewContext(`(${source})`) as (newDoc: object, oldDoc: object | null, userCtx: object, secObj?: object) => void;

type Outcome = 'ok' | { kind: 'forbidden' | 'unauthorized'; message: string };

function outcome(newDoc: object, oldDoc: object | null, userCtx: object): Outcome {
  try {
    validate(newDoc, oldDoc, userCtx, buildSecurity(DB));
    return 'ok';
  } catch (err) {
    const e = err as { forbidden?: string; unauthorized?: string };
    if (e.forbidden !== undefined) return { kind: 'forbidden', message: e.forbidden };
    if (e.unauthorized !== undefined) return { kind: 'unauthorized', message: e.unauthorized };
    throw err;
  }
}

const people = { lead: 'lea', cm: 'carl', moderator: 'mo', trainee: 'tina' } satisfies Record<Role, string>;
const ctx = (role: Role, extra: string[] = []) => ({ name: people[role], roles: [`${DB}.${role}`, ...extra], db: DB });

const now = Date.now();
const comment = { platform: 'x', nativeId: '1', author: { name: 'Marie', handle: '@marie' }, text: 'où est ma commande ?', threadUrl: 'https://x.com/a/status/1' };
const onComment = (type: string) => ({ _id: `${type}:x:1`, commentId: 'x:1', comment });
const docs = {
  member: (by: string) => ({ _id: 'member:newbie', type: 'member', v: 1, by, at: now, name: 'newbie', displayName: 'Newbie', role: 'cm', active: true }),
  flag: (by: string) => ({ ...onComment('flag'), type: 'flag', v: 1, by, at: now, reason: 'threat' }),
  claim: (by: string, expiresAt = now + 15 * 60_000) => ({ ...onComment('claim'), type: 'claim', v: 1, by, at: now, expiresAt }),
  answer: (by: string) => ({ ...onComment('answer'), type: 'answer', v: 1, by, at: now }),
  aside: (by: string) => ({ ...onComment('aside'), type: 'aside', v: 1, by, at: now }),
  template: (by: string, extra: object = {}) => ({ _id: 'template:t1', type: 'template', v: 1, by, at: now, template: { name: 'Hi' }, locked: false, ...extra }),
  voicePack: (by: string, extra: object = {}) => ({ _id: 'voicePack:p1', type: 'voicePack', v: 1, by, at: now, pack: {}, locked: false, lockedRules: [], ...extra }),
  incident: (by: string) => ({ _id: 'incident:i1', type: 'incident', v: 1, by, at: now, incident: { id: 'i1', title: 'Rappel produit' } }),
  tick: (by: string) => ({ _id: 'tick:i1:notify', type: 'tick', v: 1, by, at: now, incidentId: 'i1', itemId: 'notify', done: true }),
  timeline: (by: string) => ({ _id: 'timeline:i1:u1', type: 'timeline', v: 1, by, at: now, incidentId: 'i1', entry: { kind: 'note', text: 'Appel au fournisseur' } }),
  link: (by: string) => ({ _id: 'link:i1:x:1', type: 'link', v: 1, by, at: now, incidentId: 'i1', commentId: 'x:1', comment }),
  brand: (by: string) => ({ _id: 'brand:b1', type: 'brand', v: 1, by, at: now, brand: { id: 'b1', name: 'Maison Lune' } }),
  playbook: (by: string) => ({ _id: 'playbook:team', type: 'playbook', v: 1, by, at: now, playbook: { version: 2 } }),
  targets: (by: string) => ({ _id: 'targets:response', type: 'targets', v: 1, by, at: now, targets: { defaultHours: 24, perPlatform: {} } }),
  clip: (by: string) => ({ _id: 'clip:c1', type: 'clip', v: 1, by, at: now, incidentId: 'i1', clip: { id: 'c1', title: 'Article' } }),
};
const deletion = (doc: { _id: string; type: string }, by: string) => ({ _id: doc._id, _rev: '2-x', _deleted: true, type: doc.type, by, at: now + 1 });
const refused = (message: string, kind: 'forbidden' | 'unauthorized' = 'forbidden') => ({ kind, message: expect.stringContaining(message) });

describe('validate_doc_update source', () => {
  it('is ES5 that evaluates to a function, as SpiderMonkey and pouchdb-server need', () => {
    expect(() => parse(`(${source})`, { ecmaVersion: 5 })).not.toThrow();
    expect(() => parse(`(${source.replace('var DB', 'let DB')})`, { ecmaVersion: 5 })).toThrow();
    expect(typeof validate).toBe('function');
  });

  it('has a rule for every document type in docs.ts (the tables below cover them all)', () => {
    expect(Object.keys(docs).sort()).toEqual([...docTypes].sort());
  });

  it('is stored with its version and id', () => {
    expect(buildDesignDoc(DB)).toMatchObject({ _id: DESIGN_ID, vigie_version: DESIGN_VERSION });
  });
});

describe('creating each document type, for each role', () => {
  const table: [Role, keyof typeof docs, Outcome][] = [
    ['lead', 'member', 'ok'],
    ['cm', 'member', refused('only a lead can add or change members')],
    ['moderator', 'member', refused('only a lead can add or change members')],
    ['trainee', 'member', refused('only a lead can add or change members')],
    ['lead', 'flag', 'ok'],
    ['cm', 'flag', 'ok'],
    ['moderator', 'flag', 'ok'],
    ['trainee', 'flag', 'ok'],
    ['lead', 'claim', 'ok'],
    ['cm', 'claim', 'ok'],
    ['moderator', 'claim', refused('a moderator cannot claim comments')],
    ['trainee', 'claim', 'ok'],
    ['lead', 'answer', 'ok'],
    ['cm', 'answer', 'ok'],
    ['moderator', 'answer', refused('a moderator cannot mark comments answered')],
    ['trainee', 'answer', 'ok'],
    ['lead', 'aside', 'ok'],
    ['cm', 'aside', 'ok'],
    ['moderator', 'aside', refused('a moderator cannot set comments aside')],
    ['trainee', 'aside', 'ok'],
    ['lead', 'template', 'ok'],
    ['cm', 'template', 'ok'],
    ['moderator', 'template', refused('a moderator cannot publish or change templates')],
    ['trainee', 'template', refused('a trainee cannot publish or change templates')],
    ['lead', 'voicePack', 'ok'],
    ['cm', 'voicePack', 'ok'],
    ['moderator', 'voicePack', refused('a moderator cannot publish or change voice packs')],
    ['trainee', 'voicePack', refused('a trainee cannot publish or change voice packs')],
    ['lead', 'incident', 'ok'],
    ['cm', 'incident', 'ok'],
    ['moderator', 'incident', 'ok'],
    ['trainee', 'incident', 'ok'],
    ['lead', 'tick', 'ok'],
    ['cm', 'tick', 'ok'],
    ['moderator', 'tick', refused('a moderator cannot tick an incident checklist')],
    ['trainee', 'tick', 'ok'],
    ['lead', 'timeline', 'ok'],
    ['cm', 'timeline', 'ok'],
    ['moderator', 'timeline', 'ok'],
    ['trainee', 'timeline', 'ok'],
    ['lead', 'link', 'ok'],
    ['moderator', 'link', 'ok'],
    ['lead', 'clip', 'ok'],
    ['moderator', 'clip', 'ok'],
    ['lead', 'brand', 'ok'],
    ['cm', 'brand', refused('only a lead can set brands')],
    ['trainee', 'brand', refused('only a lead can set brands')],
    ['lead', 'targets', 'ok'],
    ['cm', 'targets', refused('only a lead can set response targets')],
    ['moderator', 'targets', refused('only a lead can set response targets')],
    ['lead', 'playbook', 'ok'],
    ['cm', 'playbook', 'ok'],
    ['moderator', 'playbook', refused('a moderator cannot change the crisis playbook')],
    ['trainee', 'playbook', refused('a trainee cannot change the crisis playbook')],
  ];
  it.each(table)('%s creates a %s: %o', (role, type, expected) => {
    expect(outcome(docs[type](people[role]), null, ctx(role))).toEqual(expected);
  });
});

describe('changing and deleting what exists', () => {
  const expired = now - 60_000;
  const soon = Date.UTC(new Date(now).getUTCFullYear() + 1, 0, 1, 14, 2);
  const table: [string, object, object | null, { name: string | null; roles: string[]; db?: string }, Outcome][] = [
    ['the flag author edits it', docs.flag('mo'), docs.flag('mo'), ctx('moderator'), 'ok'],
    ['a cm edits a moderator flag', docs.flag('carl'), docs.flag('mo'), ctx('cm'), 'ok'],
    ['a lead deletes a flag', deletion(docs.flag('mo'), 'lea'), docs.flag('mo'), ctx('lead'), 'ok'],
    ['a trainee edits someone else\'s flag', docs.flag('tina'), docs.flag('mo'), ctx('trainee'), refused('the flag by mo can only be changed by mo, a lead or a community manager')],
    ['a trainee deletes someone else\'s flag', deletion(docs.flag('mo'), 'tina'), docs.flag('mo'), ctx('trainee'), refused('the flag by mo can only be changed by mo')],

    ['a cm takes a live claim', docs.claim('carl'), docs.claim('tina', soon), ctx('cm'), refused("the claim on @marie's comment is held by tina until 14:02 UTC")],
    ['a cm deletes a live claim', deletion(docs.claim('tina'), 'carl'), docs.claim('tina', soon), ctx('cm'), refused('is held by tina until 14:02 UTC')],
    ['a cm takes an expired claim', docs.claim('carl'), docs.claim('tina', expired), ctx('cm'), 'ok'],
    ['a lead takes a live claim', docs.claim('lea'), docs.claim('tina'), ctx('lead'), 'ok'],
    ['the holder renews the claim while typing', { ...docs.claim('tina', now + 20 * 60_000), at: now + 5 * 60_000 }, docs.claim('tina'), ctx('trainee'), 'ok'],
    ['a claim for an hour', docs.claim('carl', now + 60 * 60_000), null, ctx('cm'), refused('a claim lasts at most 15 min from now, by the server clock')],
    ['a claim from a clock 2 min ahead', { ...docs.claim('carl', now + 17 * 60_000), at: now + 2 * 60_000 }, null, ctx('cm'), 'ok'],
    ['a flag dated an hour ahead', { ...docs.flag('mo'), at: now + 60 * 60_000 }, null, ctx('moderator'), refused('at is 60 min ahead of the server clock')],
    ['a flag made offline yesterday, sent now', { ...docs.flag('mo'), at: now - 24 * 3_600_000 }, null, ctx('moderator'), 'ok'],
    ['a claim made offline an hour ago, long expired', { ...docs.claim('carl', now - 45 * 60_000), at: now - 60 * 60_000 }, null, ctx('cm'), 'ok'],
    ['the holder releases the claim', deletion(docs.claim('tina'), 'tina'), docs.claim('tina'), ctx('trainee'), 'ok'],
    ['a moderator clears an expired claim', deletion(docs.claim('tina'), 'mo'), docs.claim('tina', expired), ctx('moderator'), 'ok'],
    ['a moderator clears a live claim', deletion(docs.claim('tina'), 'mo'), docs.claim('tina', soon), ctx('moderator'), refused('is held by tina')],
    ['a moderator takes an expired claim', docs.claim('mo'), docs.claim('tina', expired), ctx('moderator'), refused('a moderator cannot claim comments')],
    ['a claim without expiry', { ...docs.claim('carl'), expiresAt: undefined }, null, ctx('cm'), refused('a claim needs expiresAt')],
    ['a claim again after its deletion', docs.claim('carl'), { ...deletion(docs.claim('tina'), 'tina'), _deleted: true }, ctx('cm'), 'ok'],

    ['the answerer edits the answer', docs.answer('carl'), docs.answer('carl'), ctx('cm'), refused("@marie's comment was answered by carl; only a lead can change an answer")],
    ['the answerer deletes the answer', deletion(docs.answer('carl'), 'carl'), docs.answer('carl'), ctx('cm'), refused('only a lead can change an answer')],
    ['a lead corrects an answer', docs.answer('lea'), docs.answer('carl'), ctx('lead'), 'ok'],
    ['a lead deletes an answer', deletion(docs.answer('carl'), 'lea'), docs.answer('carl'), ctx('lead'), 'ok'],

    ['a trainee undoes a cm\'s set-aside', deletion(docs.aside('carl'), 'tina'), docs.aside('carl'), ctx('trainee'), 'ok'],
    ['a moderator undoes a set-aside', deletion(docs.aside('carl'), 'mo'), docs.aside('carl'), ctx('moderator'), refused('a moderator cannot set comments aside')],

    ['a cm edits an unlocked template', docs.template('carl'), docs.template('lea'), ctx('cm'), 'ok'],
    ['a cm deletes an unlocked template', deletion(docs.template('lea'), 'carl'), docs.template('lea'), ctx('cm'), 'ok'],
    ['a cm edits a locked template', docs.template('carl', { locked: true }), docs.template('lea', { locked: true }), ctx('cm'), refused('this template is locked: only a lead can change it')],
    ['a cm unlocks a template', docs.template('carl'), docs.template('lea', { locked: true }), ctx('cm'), refused('is locked')],
    ['a cm deletes a locked template', deletion(docs.template('lea'), 'carl'), docs.template('lea', { locked: true }), ctx('cm'), refused('is locked')],
    ['a cm locks a template', docs.template('carl', { locked: true }), docs.template('lea'), ctx('cm'), refused('only a lead can lock or unlock templates')],
    ['a cm publishes a locked template', docs.template('carl', { locked: true }), null, ctx('cm'), refused('only a lead can lock or unlock templates')],
    ['a lead locks a template', docs.template('lea', { locked: true }), docs.template('carl'), ctx('lead'), 'ok'],
    ['a lead edits a locked pack', docs.voicePack('lea', { locked: true, pack: { x: 1 } }), docs.voicePack('lea', { locked: true }), ctx('lead'), 'ok'],
    ['a trainee deletes a template', deletion(docs.template('lea'), 'tina'), docs.template('lea'), ctx('trainee'), refused('a trainee cannot publish or change templates')],
    ['a cm edits a pack, its locked rules kept (in another order)', docs.voicePack('carl', { pack: { x: 1 }, lockedRules: ['b', 'a'] }), docs.voicePack('lea', { lockedRules: ['a', 'b'] }), ctx('cm'), 'ok'],
    ['a cm unlocks a pack rule', docs.voicePack('carl', { lockedRules: ['a'] }), docs.voicePack('lea', { lockedRules: ['a', 'b'] }), ctx('cm'), refused('only a lead can lock or unlock voice-pack rules')],
    ['a cm locks a pack rule on a pack without the field', docs.voicePack('carl', { lockedRules: ['a'] }), { ...docs.voicePack('lea'), lockedRules: undefined }, ctx('cm'), refused('only a lead can lock or unlock voice-pack rules')],
    ['a cm sends lockedRules that is not a list', docs.voicePack('carl', { lockedRules: 'a' }), docs.voicePack('lea'), ctx('cm'), refused('lockedRules must be a list of rule ids')],
    ['a lead locks pack rules', docs.voicePack('lea', { lockedRules: ['a'] }), docs.voicePack('carl'), ctx('lead'), 'ok'],

    ['a lead renames a member under another id', { ...docs.member('lea'), name: 'other' }, null, ctx('lead'), refused('a member document is named member:<its name>')],
  ];
  it.each(table)('%s', (_what, newDoc, oldDoc, userCtx, expected) => {
    expect(outcome(newDoc, oldDoc, userCtx)).toEqual(expected);
  });
});

describe('who is writing, and the envelope', () => {
  const table: [string, object, object | null, { name: string | null; roles: string[]; db?: string }, Outcome][] = [
    ['a server admin writes anything, as anyone', { _id: DESIGN_ID, validate_doc_update: 'function () {}' }, null, { name: 'root', roles: ['_admin'], db: DB }, 'ok'],
    ['a server admin writes a member by its own name', docs.member('newbie'), null, { name: 'root', roles: ['_admin'], db: DB }, 'ok'],
    ['someone with no role here', docs.flag('eve'), null, { name: 'eve', roles: ['beta.lead'], db: DB }, refused('eve is not a member of the workspace acme', 'unauthorized')],
    ['nobody logged in', docs.flag('eve'), null, { name: null, roles: [], db: DB }, refused('this user is not a member of the workspace acme', 'unauthorized')],
    ['a role of another workspace does not lift a trainee', docs.template('tina'), null, ctx('trainee', ['beta.lead']), refused('a trainee cannot publish or change templates')],
    ['a moderator who is also a cm claims', docs.claim('mo'), null, { name: 'mo', roles: [`${DB}.moderator`, `${DB}.cm`], db: DB }, 'ok'],
    ['without userCtx.db (pouchdb-server) the built-in name counts', docs.flag('carl'), null, { name: 'carl', roles: [`${DB}.cm`] }, 'ok'],
    ['with userCtx.db, the database\'s own name counts', docs.flag('carl'), null, { name: 'carl', roles: [`${DB}.cm`], db: 'beta' }, refused('not a member of the workspace beta', 'unauthorized')],
    ['a lead writes the design document', { _id: DESIGN_ID, validate_doc_update: 'function () {}' }, null, ctx('lead'), refused('only a server admin can change the design document')],
    ['an unknown type', { _id: 'poll:1', type: 'poll', v: 1, by: 'lea', at: now }, null, ctx('lead'), refused('unknown document type "poll"')],
    ['an incident under another incident\'s id', { ...docs.incident('carl'), _id: 'incident:i2' }, null, ctx('cm'), refused('an incident document is named incident:<its id>')],
    ['a moderator changes an incident', docs.incident('mo'), docs.incident('carl'), ctx('moderator'), refused('a moderator can open incidents but not change them')],
    ['a cm changes an incident', docs.incident('carl'), docs.incident('mo'), ctx('cm'), 'ok'],
    ['a lead edits a timeline entry', docs.timeline('lea'), docs.timeline('carl'), ctx('lead'), refused('timeline entries cannot be changed or removed')],
    ['a lead removes a timeline entry', deletion(docs.timeline('carl'), 'lea'), docs.timeline('carl'), ctx('lead'), refused('timeline entries cannot be changed or removed')],
    ['a moderator records a severity change', { ...docs.timeline('mo'), entry: { kind: 'severity', text: '3 → 1' } }, null, ctx('moderator'), refused('a moderator cannot record a severity change on an incident')],
    ['a moderator changes a link', docs.link('mo'), docs.link('carl'), ctx('moderator'), refused('a moderator cannot change incident links')],
    ['no type at all', { _id: 'x', v: 1, by: 'lea', at: now }, null, ctx('lead'), refused('unknown document type "undefined"')],
    ['a flag turned into a claim', { ...docs.claim('carl'), _id: 'flag:x:1' }, docs.flag('carl'), ctx('cm'), refused('a flag cannot become a claim')],
    ['a flag under a claim\'s id', { ...docs.flag('mo'), _id: 'claim:x:1' }, null, ctx('moderator'), refused('a flag id starts with "flag:"')],
    ['a newer schema version', { ...docs.flag('carl'), v: 2 }, null, ctx('cm'), refused('this flag has schema version 2; the workspace expects 1 (update Vigie)')],
    ['written in someone else\'s name', docs.flag('lea'), null, ctx('cm'), refused('by must be carl')],
    ['no time', { ...docs.flag('carl'), at: 'now' }, null, ctx('cm'), refused('at must be a time in milliseconds')],
    ['a plain DELETE (no type, by, at)', { _id: 'flag:x:1', _rev: '2-x', _deleted: true }, docs.flag('carl'), ctx('cm'), refused('a deletion carries type, by and at')],
    ['a deletion in someone else\'s name', deletion(docs.flag('carl'), 'lea'), docs.flag('carl'), ctx('cm'), refused('by must be carl')],
  ];
  it.each(table)('%s', (_what, newDoc, oldDoc, userCtx, expected) => {
    expect(outcome(newDoc, oldDoc, userCtx)).toEqual(expected);
  });
});

describe('against a real pouchdb-server', () => {
  let server: TeamServer;
  let password: Record<'lea' | 'tina' | 'carl' | 'eve', string>;
  const auth = () => ({ server: server.url, user: server.adminUser, password: server.adminPassword });
  const as = (user: keyof typeof password) => ({ authorization: basic(user, password[user]), 'content-type': 'application/json' });
  const admin = () => ({ authorization: basic(server.adminUser, server.adminPassword), 'content-type': 'application/json' });

  async function http(method: string, path: string, headers: Record<string, string>, body?: unknown) {
    const res = await fetch(`${server.url}/${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: res.status, body: (await res.json()) as Record<string, unknown>, cookie: res.headers.get('set-cookie') };
  }
  const exists = async (id: string) => (await http('GET', `${DB}/${encodeURIComponent(id)}`, admin())).status === 200;

  beforeAll(async () => {
    server = await startTeamServer();
    await initWorkspace(auth(), DB);
    const lea = await addMember(auth(), DB, { name: 'lea', role: 'lead', displayName: 'Léa Martin' });
    const tina = await addMember(auth(), DB, { name: 'tina', role: 'trainee' });
    const carl = await addMember(auth(), DB, { name: 'carl', role: 'cm' });
    const eve = await addMember(auth(), DB, { name: 'eve', role: 'cm' });
    password = { lea: lea.password!, tina: tina.password!, carl: carl.password!, eve: eve.password! };
    // eve keeps her login but loses her role: a revoked member.
    const user = (await http('GET', '_users/org.couchdb.user:eve', admin())).body;
    expect((await http('PUT', '_users/org.couchdb.user:eve', admin(), { ...user, roles: [] })).status).toBe(201);
  });
  afterAll(() => server?.stop());

  it('refuses a trainee\'s template with 403 and keeps the lead\'s', async () => {
    const trainee = await http('PUT', `${DB}/template:t1`, as('tina'), docs.template('tina'));
    expect(trainee).toMatchObject({ status: 403, body: { error: 'forbidden', reason: 'a trainee cannot publish or change templates' } });
    expect(await exists('template:t1')).toBe(false);
    expect((await http('PUT', `${DB}/template:t1`, as('lea'), docs.template('lea'))).status).toBe(201);
    expect(await exists('template:t1')).toBe(true);
  });

  it("judges a write's time by the server's own clock: a claim for a day is refused with 403", async () => {
    const long = await http('PUT', `${DB}/claim:x:9`, as('carl'), { ...docs.claim('carl', Date.now() + 24 * 3_600_000), _id: 'claim:x:9', commentId: 'x:9' });
    expect(long).toMatchObject({ status: 403, body: { error: 'forbidden', reason: 'a claim lasts at most 15 min from now, by the server clock' } });
    expect(await exists('claim:x:9')).toBe(false);
  });

  it('keeps the first claim: a second PUT of the same id without its revision is a 409', async () => {
    expect((await http('PUT', `${DB}/claim:x:1`, as('tina'), docs.claim('tina'))).status).toBe(201);
    expect((await http('PUT', `${DB}/claim:x:1`, as('lea'), docs.claim('lea'))).status).toBe(409);
    // pouchdb-server runs the rules before the conflict check: a community manager's second claim is
    // refused by them (403, naming the holder) where CouchDB answers 409; the engine takes both as "first".
    const cm = await http('PUT', `${DB}/claim:x:1`, as('carl'), docs.claim('carl'));
    expect(cm).toMatchObject({ status: 403, body: { reason: expect.stringContaining('held by tina') } });
    expect((await http('GET', `${DB}/claim:x:1`, as('lea'))).body).toMatchObject({ by: 'tina' });
  });

  it('lets a cm claim a comment again once its holder released it (the tombstone is no claim)', async () => {
    const { body } = await http('GET', `${DB}/claim:x:1`, as('tina'));
    expect((await http('PUT', `${DB}/claim:x:1`, as('tina'), { ...deletion(docs.claim('tina'), 'tina'), _rev: body._rev })).status).toBe(201);
    expect((await http('PUT', `${DB}/claim:x:1`, as('carl'), docs.claim('carl'))).status).toBe(201);
    expect((await http('GET', `${DB}/claim:x:1`, as('tina'))).body).toMatchObject({ by: 'carl' });
  });

  it('refuses a plain DELETE: a deletion must say who and when', async () => {
    const { body } = await http('PUT', `${DB}/flag:x:1`, as('tina'), docs.flag('tina'));
    const plain = await http('DELETE', `${DB}/flag:x:1?rev=${body.rev as string}`, as('tina'));
    expect(plain).toMatchObject({ status: 403, body: { reason: expect.stringContaining('a deletion carries type, by and at') } });
    expect((await http('PUT', `${DB}/flag:x:1`, as('tina'), { ...deletion(docs.flag('tina'), 'tina'), _rev: body.rev })).status).toBe(201);
    expect(await exists('flag:x:1')).toBe(false);
  });

  describe('how pouchdb-server 4.2 differs from CouchDB 3 (facts for the README)', () => {
    it('enforces _security members on reads, but answers 401 (CouchDB: 403) to a logged-in non-member', async () => {
      for (const path of [`${DB}/template:t1`, `${DB}/_all_docs`, `${DB}/_changes`]) {
        expect((await http('GET', path, as('eve'))).status).toBe(401);
        expect((await http('GET', path, {})).status).toBe(401);
        expect((await http('GET', path, as('tina'))).status).toBe(200);
      }
    });

    it('runs validate_doc_update on replicated writes (new_edits: false), as CouchDB does', async () => {
      const pushed = await http('POST', `${DB}/_bulk_docs`, as('tina'), { new_edits: false, docs: [{ ...docs.template('tina'), _id: 'template:t2', _rev: '1-abc' }] });
      expect(pushed.body).toEqual([expect.objectContaining({ id: 'template:t2', error: 'forbidden' })]);
      expect(await exists('template:t2')).toBe(false);
    });

    it('leaves userCtx.db unset in validate_doc_update (hence the name built into the design document)', async () => {
      await http('PUT', 'probe', admin());
      await http('PUT', 'probe/_design/probe', admin(), { validate_doc_update: 'function (d, o, userCtx) { throw({ forbidden: JSON.stringify(userCtx) }); }' });
      const { body } = await http('PUT', 'probe/x', as('tina'), { a: 1 });
      expect(JSON.parse(body.reason as string)).toEqual({ name: 'tina', roles: [`${DB}.trainee`] });
    });

    it('refuses a member\'s design document before validate_doc_update (which it never runs on design documents)', async () => {
      const put = await http('PUT', `${DB}/_design/evil`, as('lea'), { validate_doc_update: 'function () {}' });
      expect(put.status).toBe(401);
      expect(await exists('_design/evil')).toBe(false);
    });

    it('gives cookie sessions (POST /_session), which validate_doc_update sees as the user', async () => {
      const login = await http('POST', '_session', { 'content-type': 'application/json' }, { name: 'lea', password: password.lea });
      const cookie = login.cookie!.split(';')[0]!;
      expect(cookie).toMatch(/^AuthSession=/);
      const put = await http('PUT', `${DB}/flag:x:9`, { cookie, 'content-type': 'application/json' }, docs.flag('lea'));
      expect(put.status).toBe(201);
      const forged = await http('PUT', `${DB}/flag:x:8`, { cookie, 'content-type': 'application/json' }, docs.flag('tina'));
      expect(forged).toMatchObject({ status: 403, body: { reason: 'by must be lea' } });
    });

    it('lets a user rewrite the roles in their own _users document (CouchDB refuses: roles are admin-only)', async () => {
      const own = (await http('GET', '_users/org.couchdb.user:tina', as('tina'))).body;
      expect((await http('PUT', '_users/org.couchdb.user:tina', as('tina'), { ...own, roles: [`${DB}.lead`] })).status).toBe(201);
      expect((await http('GET', '_session', as('tina'))).body).toMatchObject({ userCtx: { name: 'tina', roles: [`${DB}.lead`] } });
    });
  });
});

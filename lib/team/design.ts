/**
 * The workspace database's design document and `_security`: what the server enforces whatever a
 * client sends. The validate_doc_update function is ES5 source text because CouchDB 3 runs it in
 * SpiderMonkey (and pouchdb-server evaluates the same text); the constants it needs from docs.ts are
 * written into it when the text is built, so the rules and the schema cannot drift apart.
 *
 * Error kinds follow CouchDB: `unauthorized` (401) for someone who is not a member of the workspace,
 * `forbidden` (403) for a member whose role or authorship does not allow the write. Messages are
 * shown to the user by the extension, so they say who may do it or who holds it.
 */
import { z } from 'zod';
import { CLAIM_MINUTES, CLOCK_SKEW_MINUTES, DESIGN_ID, DESIGN_VERSION, DOC_VERSION, couchRole, docTypes, roles } from './docs';

const validateSource = (db: string) => String.raw`function (newDoc, oldDoc, userCtx) {
  // pouchdb-server 4.2 leaves userCtx.db unset (it reads a property PouchDB 7 renamed), so the
  // database the document was built for stands in; CouchDB always sets it.
  var DB = userCtx.db || ${JSON.stringify(db)};
  var ROLES = ${JSON.stringify(roles)};
  var TYPES = ${JSON.stringify(docTypes)};
  var VERSION = ${JSON.stringify(DOC_VERSION)};
  var CLAIM_MINUTES = ${JSON.stringify(CLAIM_MINUTES)};
  var SKEW_MS = ${JSON.stringify(CLOCK_SKEW_MINUTES * 60_000)};
  var ROLE_LABEL = { lead: 'a lead', cm: 'a community manager', moderator: 'a moderator', trainee: 'a trainee' };
  var TYPE_LABEL = { member: 'members', flag: 'flags', claim: 'claims', answer: 'answers', aside: 'set-aside comments', template: 'templates', voicePack: 'voice packs', incident: 'incidents', tick: 'checklist ticks', timeline: 'timeline entries', link: 'incident links', clip: 'clipped articles', brand: 'brands', targets: 'response targets', playbook: 'playbooks' };

  var userRoles = userCtx.roles || [];
  if (userRoles.indexOf('_admin') !== -1) return;

  var held = {};
  var any = false;
  for (var i = 0; i < ROLES.length; i++) {
    if (userRoles.indexOf(DB + '.' + ROLES[i]) !== -1) {
      held[ROLES[i]] = true;
      any = true;
    }
  }
  if (!any) throw({ unauthorized: (userCtx.name || 'this user') + ' is not a member of the workspace ' + DB });

  // The most capable role names the member in messages: "a trainee cannot ...".
  var shown = held.lead ? 'lead' : held.cm ? 'cm' : held.trainee ? 'trainee' : 'moderator';
  function may(allowed) {
    for (var j = 0; j < allowed.length; j++) if (held[allowed[j]]) return true;
    return false;
  }
  function refuse(message) {
    throw({ forbidden: message });
  }

  if (String(newDoc._id).indexOf('_design/') === 0) refuse('only a server admin can change the design document');

  // CouchDB hands a deleted document's tombstone as oldDoc when it is written again: that is a creation.
  var old = oldDoc && !oldDoc._deleted ? oldDoc : null;
  var deleting = newDoc._deleted === true;
  var type = old ? old.type : newDoc.type;

  // A plain DELETE sends only _id and _rev: the author and time would be lost from the audit.
  if (deleting && newDoc.type === undefined) refuse('a deletion carries type, by and at (a PUT with _deleted: true, not a DELETE)');
  if (TYPES.indexOf(newDoc.type) === -1) refuse('unknown document type "' + newDoc.type + '"');
  if (old && newDoc.type !== old.type) refuse('a ' + old.type + ' cannot become a ' + newDoc.type);
  // Ids carry their type (claim:<comment>), so no other kind of document can take a claim's id.
  if (String(newDoc._id).indexOf(type + ':') !== 0) refuse('a ' + type + ' id starts with "' + type + ':"');
  if (!deleting && newDoc.v !== VERSION) refuse('this ' + type + ' has schema version ' + newDoc.v + '; the workspace expects ' + VERSION + ' (update Vigie)');
  if (newDoc.by !== userCtx.name) refuse('by must be ' + userCtx.name);
  if (typeof newDoc.at !== 'number' || !isFinite(newDoc.at)) refuse('at must be a time in milliseconds');
  // The server's clock is the one that counts: a member whose clock runs ahead would date the audit
  // in the future and hold claims past their time. Writes made offline arrive late, so the past is fine.
  var NOW = Date.now();
  if (newDoc.at > NOW + SKEW_MS) refuse('at is ' + Math.round((newDoc.at - NOW) / 60000) + ' min ahead of the server clock: set this computer\'s clock right');

  var label = TYPE_LABEL[type] || type;
  var who = ROLE_LABEL[shown];

  function hhmm(ms) {
    var d = new Date(ms);
    function two(n) { return (n < 10 ? '0' : '') + n; }
    return two(d.getUTCHours()) + ':' + two(d.getUTCMinutes()) + ' UTC';
  }
  function onWhat(doc) {
    var author = doc.comment && doc.comment.author && (doc.comment.author.handle || doc.comment.author.name);
    return author ? author + "'s comment" : 'this comment';
  }
  function sameList(a, b) {
    if (a.length !== b.length) return false;
    var x = a.slice().sort();
    var y = b.slice().sort();
    for (var k = 0; k < x.length; k++) if (x[k] !== y[k]) return false;
    return true;
  }

  if (type === 'brand' || type === 'targets') {
    if (!held.lead) refuse('only a lead can set ' + label);
    return;
  }

  if (type === 'member') {
    if (!held.lead) refuse('only a lead can add or change members');
    if (!deleting && newDoc._id !== 'member:' + newDoc.name) refuse('a member document is named member:<its name>');
    return;
  }

  if (type === 'flag') {
    if (old && old.by !== userCtx.name && !may(['lead', 'cm'])) refuse('the flag by ' + old.by + ' can only be changed by ' + old.by + ', a lead or a community manager');
    return;
  }

  if (type === 'claim') {
    if (!deleting && !may(['lead', 'cm', 'trainee'])) refuse(who + ' cannot claim comments');
    if (!deleting && (typeof newDoc.expiresAt !== 'number' || !isFinite(newDoc.expiresAt))) refuse('a claim needs expiresAt, a time in milliseconds');
    if (!deleting && newDoc.expiresAt > NOW + CLAIM_MINUTES * 60000 + SKEW_MS) refuse('a claim lasts at most ' + CLAIM_MINUTES + ' min from now, by the server clock');
    if (old && old.by !== userCtx.name && !held.lead && !(old.expiresAt < Date.now()))
      refuse('the claim on ' + onWhat(old) + ' is held by ' + old.by + ' until ' + hhmm(old.expiresAt));
    return;
  }

  if (type === 'answer') {
    if (!may(['lead', 'cm', 'trainee'])) refuse(who + ' cannot mark comments answered');
    if (old && !held.lead) refuse(onWhat(old) + ' was answered by ' + old.by + '; only a lead can change an answer');
    return;
  }

  if (type === 'aside') {
    if (!may(['lead', 'cm', 'trainee'])) refuse(who + ' cannot set comments aside');
    return;
  }

  if (type === 'playbook') {
    if (!may(['lead', 'cm'])) refuse(who + ' cannot change the crisis playbook');
    return;
  }

  if (type === 'template' || type === 'voicePack') {
    if (!may(['lead', 'cm'])) refuse(who + ' cannot publish or change ' + label);
    if (held.lead) return;
    if (old && old.locked === true) refuse('this ' + (type === 'template' ? 'template' : 'voice pack') + ' is locked: only a lead can change it');
    if ((newDoc.locked === true) !== (old ? old.locked === true : false)) refuse('only a lead can lock or unlock ' + label);
    var newRules = newDoc.lockedRules || [];
    var oldRules = (old && old.lockedRules) || [];
    if (Object.prototype.toString.call(newRules) !== '[object Array]') refuse('lockedRules must be a list of rule ids');
    if (!sameList(newRules, oldRules)) refuse('only a lead can lock or unlock voice-pack rules');
    return;
  }

  // Anyone in the workspace escalates (a moderator included); editing an incident is for those who handle it.
  if (type === 'incident') {
    if (old && !may(['lead', 'cm', 'trainee'])) refuse(who + ' can open incidents but not change them');
    if (!deleting && newDoc._id !== 'incident:' + (newDoc.incident && newDoc.incident.id)) refuse('an incident document is named incident:<its id>');
    return;
  }

  if (type === 'tick') {
    if (!may(['lead', 'cm', 'trainee'])) refuse(who + ' cannot tick an incident checklist');
    return;
  }

  // Timeline entries are the incident's record: written once, never edited or removed.
  if (type === 'timeline') {
    if (old || deleting) refuse('timeline entries cannot be changed or removed');
    // A moderator's entries are what a moderator may do; a refused edit leaves no entry claiming it happened.
    var kind = newDoc.entry && newDoc.entry.kind;
    var editing = kind === 'status' || kind === 'severity' || kind === 'checklist';
    if (editing && !may(['lead', 'cm', 'trainee'])) refuse(who + ' cannot record a ' + kind + ' change on an incident');
    return;
  }

  if (type === 'link' || type === 'clip') {
    if (old && !may(['lead', 'cm', 'trainee'])) refuse(who + ' cannot change ' + label);
    return;
  }

  // A type added to docs.ts before its rule is written here stays closed, not open to everyone.
  refuse('this version of the workspace rules does not accept ' + type + ' documents yet');
}`;

/** The design document as it is stored: `vigie_version` tells an extension whether it understands the rules. */
export const designDoc = z.object({
  _id: z.literal(DESIGN_ID),
  _rev: z.string().optional(),
  vigie_version: z.number().int().min(0),
  validate_doc_update: z.string(),
});
export type DesignDoc = z.infer<typeof designDoc>;

export function buildDesignDoc(db: string): DesignDoc {
  return { _id: DESIGN_ID, vigie_version: DESIGN_VERSION, validate_doc_update: validateSource(db) };
}

/**
 * No database admins (only server admins may rewrite the design document, so a lead cannot lift the
 * rules), and members by role only, so adding someone is a change to their `_users` roles.
 */
export function buildSecurity(db: string) {
  return {
    admins: { names: [] as string[], roles: [] as string[] },
    members: { names: [] as string[], roles: roles.map((r) => couchRole(db, r)) },
  };
}

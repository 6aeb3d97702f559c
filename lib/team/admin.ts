/**
 * What a server admin does to a team workspace, over CouchDB's HTTP API with `fetch` only (the CLI
 * runs it in Node; nothing stops a future options page from running it in the browser): create the
 * database with its `_security` and design document, add or remove members, check the state.
 *
 * Membership lives in two places: the person's `_users` roles (`<db>.<role>`), which is what the
 * server enforces, and the `member:<name>` document, which is what teammates see. Member documents
 * written here carry `by` = the member they describe: a server admin is not a member, and `by` must
 * always name one.
 */
import { z } from 'zod';
import { buildDesignDoc, buildSecurity, designDoc } from './design';
import {
  DESIGN_ID,
  DESIGN_VERSION,
  DOC_VERSION,
  couchRole,
  docId,
  invitation,
  memberDoc,
  memberName,
  roles,
  workspaceName,
  type Invitation,
  type Role,
} from './docs';

export class TeamAdminError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** The server's base URL without a trailing slash, refused unless https (or http on this machine). */
export function serverUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new TeamAdminError(`"${raw}" is not a URL (e.g. https://couch.example.org)`);
  }
  if (url.username || url.password) throw new TeamAdminError('put no credentials in the server URL; they come from the environment or a prompt');
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.has(url.hostname)))
    throw new TeamAdminError(`the server must be https (plain http only on 127.0.0.1 or localhost): ${url.origin}`);
  if (url.search || url.hash) throw new TeamAdminError(`the server URL takes no query or fragment: ${raw}`);
  return url.href.replace(/\/+$/, '');
}

export interface AdminAuth {
  server: string;
  user: string;
  password: string;
}

const couchError = z.object({ error: z.string(), reason: z.string().optional() });

/** HTTP basic auth in UTF-8: btoa alone refuses a password with an accent. */
export function basic(user: string, password: string): string {
  const bytes = new TextEncoder().encode(`${user}:${password}`);
  return `Basic ${btoa(String.fromCharCode(...bytes))}`;
}

const docPath = (id: string) => (id.startsWith('_design/') ? `_design/${encodeURIComponent(id.slice(8))}` : encodeURIComponent(id));
const userId = (name: string) => `org.couchdb.user:${name}`;

interface Reply {
  status: number;
  body: unknown;
}

async function couch(auth: AdminAuth, method: string, path: string, body?: unknown): Promise<Reply> {
  let res: Response;
  try {
    res = await fetch(`${auth.server}/${path}`, {
      method,
      headers: { authorization: basic(auth.user, auth.password), accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (err) {
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    throw new TeamAdminError(`cannot reach ${auth.server}: ${cause?.code ?? cause?.message ?? (err as Error).message}`);
  }
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Not JSON (a proxy's HTML page): kept as text for the error message.
  }
  if (res.status === 401) throw new TeamAdminError(`${auth.server} refused the admin credentials of "${auth.user}"`, 401);
  return { status: res.status, body: parsed };
}

function fail(what: string, reply: Reply): never {
  const err = couchError.safeParse(reply.body);
  const why = err.success ? `${err.data.error}${err.data.reason ? `: ${err.data.reason}` : ''}` : String(reply.body).slice(0, 200);
  throw new TeamAdminError(`${what}: HTTP ${reply.status} ${why}`, reply.status);
}

async function request(auth: AdminAuth, what: string, method: string, path: string, body: unknown, ok: number[]): Promise<Reply> {
  const reply = await couch(auth, method, path, body);
  if (!ok.includes(reply.status)) fail(what, reply);
  return reply;
}

const session = z.object({ userCtx: z.object({ name: z.string().nullable(), roles: z.array(z.string()) }) });

async function requireServerAdmin(auth: AdminAuth): Promise<void> {
  const reply = await request(auth, 'checking the admin login', 'GET', '_session', undefined, [200]);
  const ctx = session.parse(reply.body).userCtx;
  if (!ctx.roles.includes('_admin')) throw new TeamAdminError(`"${auth.user}" is not a server admin on ${auth.server}`, 403);
}

async function requireWorkspace(auth: AdminAuth, db: string): Promise<void> {
  const reply = await couch(auth, 'GET', encodeURIComponent(db));
  if (reply.status === 404) throw new TeamAdminError(`there is no workspace "${db}" on ${auth.server}; run team init first`, 404);
  if (reply.status !== 200) fail(`reading the workspace ${db}`, reply);
}

function checkWorkspace(db: string): string {
  const parsed = workspaceName.safeParse(db);
  if (!parsed.success) throw new TeamAdminError(`workspace "${db}": ${parsed.error.issues[0]!.message}`);
  return parsed.data;
}

function checkName(name: string): string {
  const parsed = memberName.safeParse(name);
  if (!parsed.success) throw new TeamAdminError(`member "${name}": ${parsed.error.issues[0]!.message}`);
  return parsed.data;
}

/** A design document without a readable vigie_version predates versioning: older than any. */
const storedVersion = (body: unknown) => designDoc.safeParse(body).data?.vigie_version ?? 0;

export interface InitResult {
  workspace: string;
  server: string;
  /** The database was made now (false: it existed and is brought up to date). */
  created: boolean;
  designVersion: number;
  design: 'created' | 'updated' | 'current';
}

export async function initWorkspace(auth: AdminAuth, workspace: string): Promise<InitResult> {
  const db = checkWorkspace(workspace);
  await requireServerAdmin(auth);
  // A fresh single-node CouchDB 3 has no _users until someone creates it; members need it.
  await request(auth, 'creating _users', 'PUT', '_users', undefined, [201, 202, 412]);
  const made = await request(auth, `creating the database ${db}`, 'PUT', encodeURIComponent(db), undefined, [201, 202, 412]);
  await request(auth, `setting ${db}/_security`, 'PUT', `${encodeURIComponent(db)}/_security`, buildSecurity(db), [200]);

  const wanted = buildDesignDoc(db);
  const path = `${encodeURIComponent(db)}/${docPath(DESIGN_ID)}`;
  const current = await couch(auth, 'GET', path);
  let design: InitResult['design'];
  if (current.status === 404) {
    await request(auth, 'writing the design document', 'PUT', path, wanted, [201, 202]);
    design = 'created';
  } else if (current.status === 200) {
    const version = storedVersion(current.body);
    if (version > DESIGN_VERSION)
      throw new TeamAdminError(`the workspace's design document is version ${version}, newer than this Vigie's (${DESIGN_VERSION}): update Vigie before running init`);
    if (version < DESIGN_VERSION) {
      const rev = z.object({ _rev: z.string() }).parse(current.body)._rev;
      await request(auth, 'updating the design document', 'PUT', path, { ...wanted, _rev: rev }, [201, 202]);
      design = 'updated';
    } else design = 'current';
  } else fail('reading the design document', current);

  return { workspace: db, server: auth.server, created: made.status !== 412, designVersion: DESIGN_VERSION, design };
}

/** `_users` documents: only the fields we change are typed; the rest (password hashes) go back as they came. */
const userDoc = z.looseObject({ _id: z.string(), _rev: z.string().optional(), name: z.string(), type: z.literal('user'), roles: z.array(z.string()) });
type UserDoc = z.infer<typeof userDoc>;

async function getUser(auth: AdminAuth, name: string): Promise<UserDoc | undefined> {
  const reply = await couch(auth, 'GET', `_users/${encodeURIComponent(userId(name))}`);
  if (reply.status === 404) return undefined;
  if (reply.status !== 200) fail(`reading the user ${name}`, reply);
  return userDoc.parse(reply.body);
}

const workspaceRoles = (db: string) => new Set(roles.map((r) => couchRole(db, r)));

/** The member document, and its revision even when its content is unreadable (so add-member can repair it). */
async function getMember(auth: AdminAuth, db: string, name: string) {
  const reply = await couch(auth, 'GET', `${encodeURIComponent(db)}/${docPath(docId.member(name))}`);
  if (reply.status === 404) return undefined;
  if (reply.status !== 200) fail(`reading member:${name}`, reply);
  const rev = z.object({ _rev: z.string() }).parse(reply.body)._rev;
  return { rev, doc: memberDoc.safeParse(reply.body).data };
}

async function putMember(auth: AdminAuth, db: string, doc: z.input<typeof memberDoc>): Promise<void> {
  const checked = memberDoc.parse(doc);
  await request(auth, `writing member:${checked.name}`, 'PUT', `${encodeURIComponent(db)}/${docPath(checked._id)}`, checked, [201, 202]);
}

/** Long enough that nobody guesses it, short enough to type from a note. */
export function randomPassword(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(18));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_');
}

export interface AddMemberResult {
  invitation: Invitation;
  /** Null when the user already existed and no password was given: theirs is unchanged (it may open other workspaces). */
  password: string | null;
  userCreated: boolean;
}

export async function addMember(
  auth: AdminAuth,
  workspace: string,
  member: { name: string; role: Role; displayName?: string; password?: string },
  now = Date.now(),
): Promise<AddMemberResult> {
  const db = checkWorkspace(workspace);
  const name = checkName(member.name);
  await requireWorkspace(auth, db);
  const existing = await getUser(auth, name);
  const mine = workspaceRoles(db);
  const password = member.password ?? (existing ? null : randomPassword());
  const user: UserDoc = {
    ...(existing ?? { _id: userId(name), name, type: 'user' as const }),
    roles: [...(existing?.roles ?? []).filter((r) => !mine.has(r)), couchRole(db, member.role)],
    ...(password === null ? {} : { password }),
  };
  await request(auth, `writing the user ${name}`, 'PUT', `_users/${encodeURIComponent(user._id)}`, user, [201, 202]);

  const old = await getMember(auth, db, name);
  await putMember(auth, db, {
    _id: docId.member(name),
    ...(old ? { _rev: old.rev } : {}),
    type: 'member',
    v: DOC_VERSION,
    by: name,
    at: now,
    name,
    displayName: member.displayName ?? old?.doc?.displayName ?? name,
    role: member.role,
    active: true,
  });
  return { invitation: invitation.parse({ kind: 'vigie-team-invitation', v: 1, server: auth.server, workspace: db, user: name, role: member.role }), password, userCreated: !existing };
}

export interface RemoveMemberResult {
  user: string;
  workspace: string;
  revokedRoles: string[];
  /** unreadable: the member document is not one this Vigie can parse; the revoked roles are what counts. */
  memberDoc: 'inactive' | 'absent' | 'unreadable';
}

export async function removeMember(auth: AdminAuth, workspace: string, name: string, now = Date.now()): Promise<RemoveMemberResult> {
  const db = checkWorkspace(workspace);
  checkName(name);
  await requireWorkspace(auth, db);
  const user = await getUser(auth, name);
  if (!user) throw new TeamAdminError(`there is no user "${name}" on ${auth.server}`, 404);
  const mine = workspaceRoles(db);
  const revokedRoles = user.roles.filter((r) => mine.has(r));
  if (revokedRoles.length > 0)
    await request(auth, `writing the user ${name}`, 'PUT', `_users/${encodeURIComponent(user._id)}`, { ...user, roles: user.roles.filter((r) => !mine.has(r)) }, [201, 202]);
  const found = await getMember(auth, db, name);
  if (found?.doc) await putMember(auth, db, { ...found.doc, by: name, at: now, active: false });
  return { user: name, workspace: db, revokedRoles, memberDoc: found ? (found.doc ? 'inactive' : 'unreadable') : 'absent' };
}

export interface StatusResult {
  ok: boolean;
  /** Why not ok, in words for the person running it. */
  problem?: string;
  server: string;
  workspace: string;
  couch: { vendor: string; version: string };
  design: 'ok' | 'older' | 'newer' | 'missing';
  designVersion: number | null;
  expectedDesignVersion: number;
  members: number;
}

const welcome = z.object({ version: z.string(), vendor: z.object({ name: z.string().optional() }).optional() });
const allDocs = z.object({ rows: z.array(z.object({ id: z.string(), doc: z.unknown().optional() })) });

export async function workspaceStatus(auth: AdminAuth, workspace: string): Promise<StatusResult> {
  const db = checkWorkspace(workspace);
  const root = welcome.safeParse((await request(auth, 'asking the server', 'GET', '', undefined, [200])).body);
  if (!root.success) throw new TeamAdminError(`${auth.server} answers, but not as CouchDB does`);
  await requireWorkspace(auth, db);
  const base = {
    server: auth.server,
    workspace: db,
    couch: { vendor: root.data.vendor?.name ?? 'unknown', version: root.data.version },
    expectedDesignVersion: DESIGN_VERSION,
  };

  const reply = await couch(auth, 'GET', `${encodeURIComponent(db)}/${docPath(DESIGN_ID)}`);
  if (reply.status !== 200 && reply.status !== 404) fail('reading the design document', reply);
  const designVersion = reply.status === 200 ? storedVersion(reply.body) : null;

  const range = `startkey=${encodeURIComponent(JSON.stringify('member:'))}&endkey=${encodeURIComponent(JSON.stringify('member:\ufff0'))}&include_docs=true`;
  const rows = allDocs.parse((await request(auth, 'listing members', 'GET', `${encodeURIComponent(db)}/_all_docs?${range}`, undefined, [200])).body).rows;
  const members = rows.filter((r) => memberDoc.safeParse(r.doc).data?.active === true).length;

  if (designVersion === null)
    return { ...base, ok: false, problem: 'the workspace has no Vigie design document: run team init', design: 'missing', designVersion, members };
  if (designVersion < DESIGN_VERSION)
    return { ...base, ok: false, problem: `the design document is version ${designVersion}, older than this Vigie's (${DESIGN_VERSION}): run team init to update it`, design: 'older', designVersion, members };
  if (designVersion > DESIGN_VERSION)
    return { ...base, ok: false, problem: `the design document is version ${designVersion}, newer than this Vigie's (${DESIGN_VERSION}): update Vigie`, design: 'newer', designVersion, members };
  return { ...base, ok: true, design: 'ok', designVersion, members };
}

import { execFile } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { commands } from '../../../lib/cli/team';
import { CliError } from '../../../lib/cli/io';
import { buildSecurity } from '../../../lib/team/design';
import { basic } from '../../../lib/team/admin';
import { DESIGN_VERSION, invitation } from '../../../lib/team/docs';
import { startTeamServer, type TeamServer } from '../../../scripts/team-server';

const root = join(import.meta.dirname, '..', '..', '..');
let server: TeamServer;
const where = () => ['--server', server.url, '--workspace', 'acme'];

beforeAll(async () => {
  server = await startTeamServer();
  vi.stubEnv('VIGIE_COUCH_ADMIN', server.adminUser);
  vi.stubEnv('VIGIE_COUCH_PASSWORD', server.adminPassword);
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await server?.stop();
});

interface Run {
  code: number;
  /** The last stdout line, parsed: the command's summary. */
  out: Record<string, unknown> | undefined;
  /** What main.ts prints on stderr for a CliError. */
  error: { error: string; details?: unknown } | undefined;
  stderr: string;
}

/** Runs a team command in this process as main.ts would, with stdout and stderr captured. */
async function vigie(...argv: string[]): Promise<Run> {
  const [name, ...args] = argv;
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true));
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true));
  let code = 0;
  let error: Run['error'];
  try {
    await commands[name!]!.run(args);
  } catch (e) {
    const usage = e instanceof Error && (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS_');
    if (!(e instanceof CliError) && !usage) throw e;
    code = 2;
    error = { error: (e as Error).message, ...(e instanceof CliError && e.details ? { details: e.details } : {}) };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
  const last = stdout.trim().split('\n').at(-1);
  return { code, out: last ? JSON.parse(last) : undefined, error, stderr };
}

async function http(method: string, path: string, auth: [string, string] = [server.adminUser, server.adminPassword], body?: unknown) {
  const res = await fetch(`${server.url}/${path}`, {
    method,
    headers: { authorization: basic(...auth), 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('team init', () => {
  it('refuses a server that is not https, unless on this machine', async () => {
    for (const url of ['http://couch.example.org', 'http://192.168.1.10:5984', 'ftp://127.0.0.1']) {
      const run = await vigie('init', '--server', url, '--workspace', 'acme');
      expect(run.code).toBe(2);
      expect(run.error!.error).toMatch(/must be https \(plain http only on 127\.0\.0\.1 or localhost\)/);
    }
    const withLogin = await vigie('init', '--server', server.url.replace('://', '://root:pw@'), '--workspace', 'acme');
    expect(withLogin.error!.error).toMatch(/no credentials in the server URL/);
    expect((await http('GET', '_all_dbs')).body).not.toContain('acme');
  });

  it('says where the admin login comes from when it is missing, and refuses a wrong one', async () => {
    vi.stubEnv('VIGIE_COUCH_PASSWORD', '');
    const missing = await vigie('init', ...where());
    expect(missing.code).toBe(2);
    expect(missing.error!.error).toMatch(/VIGIE_COUCH_ADMIN and VIGIE_COUCH_PASSWORD.*never an argument/);
    vi.stubEnv('VIGIE_COUCH_PASSWORD', 'wrong');
    const wrong = await vigie('init', ...where());
    expect(wrong.error).toEqual({ error: expect.stringMatching(/refused the admin credentials of "vigie-admin"/), details: { status: 401 } });
    vi.stubEnv('VIGIE_COUCH_PASSWORD', server.adminPassword);
    expect((await http('GET', '_all_dbs')).body).not.toContain('acme');
  });

  it('refuses a workspace name CouchDB would not take', async () => {
    const run = await vigie('init', '--server', server.url, '--workspace', 'Acme Corp');
    expect(run.error!.error).toMatch(/workspace "Acme Corp": a workspace is a CouchDB database name/);
  });

  it('creates the database, its _security and design document; again, changes nothing', async () => {
    const first = await vigie('init', ...where());
    expect(first).toMatchObject({ code: 0, out: { workspace: 'acme', server: server.url, designVersion: DESIGN_VERSION, created: true, design: 'created' } });
    expect((await http('GET', 'acme/_security')).body).toEqual(buildSecurity('acme'));
    expect((await http('GET', 'acme/_design/vigie')).body).toMatchObject({ vigie_version: DESIGN_VERSION });
    const again = await vigie('init', ...where());
    expect(again.out).toMatchObject({ created: false, design: 'current' });
  });

  it('updates an older design document and refuses to downgrade a newer one', async () => {
    const put = async (version: number) => {
      const current = (await http('GET', 'acme/_design/vigie')).body;
      expect((await http('PUT', 'acme/_design/vigie', undefined, { ...current, vigie_version: version })).status).toBe(201);
    };
    await put(0);
    expect((await vigie('init', ...where())).out).toMatchObject({ design: 'updated', designVersion: DESIGN_VERSION });
    expect((await http('GET', 'acme/_design/vigie')).body).toMatchObject({ vigie_version: DESIGN_VERSION });
    await put(DESIGN_VERSION + 1);
    const newer = await vigie('init', ...where());
    expect(newer.error!.error).toMatch(`version ${DESIGN_VERSION + 1}, newer than this Vigie's (${DESIGN_VERSION}): update Vigie`);
    expect((await http('GET', 'acme/_design/vigie')).body).toMatchObject({ vigie_version: DESIGN_VERSION + 1 });
    await put(0);
    await vigie('init', ...where());
  });
});

describe('team add-member and remove-member', () => {
  let leaPassword: string;

  it('creates a login with the workspace role, the member document, and prints the invitation and password', async () => {
    const run = await vigie('add-member', 'lea', '--role', 'lead', '--display', 'Léa Martin', ...where());
    expect(run.code).toBe(0);
    expect(invitation.parse(run.out!.invitation)).toEqual({ kind: 'vigie-team-invitation', v: 1, server: server.url, workspace: 'acme', user: 'lea', role: 'lead' });
    expect(run.out).toMatchObject({ userCreated: true, password: expect.stringMatching(/^[\w-]{24}$/) });
    expect(run.stderr).toMatch(/hand lea the invitation and the password privately/);
    leaPassword = run.out!.password as string;
    expect((await http('GET', '_session', ['lea', leaPassword])).body).toMatchObject({ userCtx: { name: 'lea', roles: ['acme.lead'] } });
    expect((await http('GET', 'acme/member:lea', ['lea', leaPassword])).body).toMatchObject({ type: 'member', v: 1, by: 'lea', name: 'lea', displayName: 'Léa Martin', role: 'lead', active: true });
  });

  it('changes the role of an existing login, keeping its password and its roles elsewhere', async () => {
    expect((await vigie('init', '--server', server.url, '--workspace', 'beta')).code).toBe(0);
    expect((await vigie('add-member', 'lea', '--role', 'moderator', '--server', server.url, '--workspace', 'beta')).out).toMatchObject({ userCreated: false, password: null });
    const run = await vigie('add-member', 'lea', '--role', 'cm', ...where());
    expect(run.out).toMatchObject({ userCreated: false, password: null });
    expect(run.stderr).toMatch(/already had a login on this server: their password is unchanged/);
    expect((await http('GET', '_session', ['lea', leaPassword])).body).toMatchObject({ userCtx: { roles: ['beta.moderator', 'acme.cm'] } });
    expect((await http('GET', 'acme/member:lea')).body).toMatchObject({ role: 'cm', displayName: 'Léa Martin' });
  });

  it('takes the password from stdin when asked (in a child process, to feed its stdin)', async () => {
    const code = `import('./lib/cli/team.ts').then(({ commands }) => commands['add-member'].run(process.argv.slice(1)))`;
    const child = promisify(execFile)(join(root, 'node_modules', '.bin', 'tsx'), ['-e', code, 'tom', '--role', 'trainee', '--password-stdin', ...where()], { cwd: root });
    child.child.stdin!.end('correct horse battery\n');
    const { stdout } = await child;
    expect(JSON.parse(stdout.trim().split('\n').at(-1)!)).toMatchObject({ password: 'correct horse battery', userCreated: true });
    expect((await http('GET', '_session', ['tom', 'correct horse battery'])).body).toMatchObject({ userCtx: { name: 'tom', roles: ['acme.trainee'] } });
  });

  it('refuses a bad role, a bad name, a missing workspace, and says how to fix each', async () => {
    expect((await vigie('add-member', 'zoe', '--role', 'boss', ...where())).error!.error).toBe('--role must be one of lead, cm, moderator, trainee');
    expect((await vigie('add-member', 'Zoé', '--role', 'cm', ...where())).error!.error).toMatch(/member "Zoé": a member name uses lower-case letters/);
    expect((await vigie('add-member', 'zoe', '--role', 'cm', '--server', server.url, '--workspace', 'nowhere')).error!.error).toMatch(
      /there is no workspace "nowhere" on .*; run team init first/,
    );
    expect((await vigie('add-member', '--role', 'cm', ...where())).error!.error).toBe('expected 1 name(s), got 0');
    expect((await http('GET', '_users/org.couchdb.user:zoe')).status).toBe(404);
  });

  it('revokes the workspace role: the member can no longer read it, and shows as inactive', async () => {
    expect((await http('GET', 'acme/_all_docs', ['tom', 'correct horse battery'])).status).toBe(200);
    const run = await vigie('remove-member', 'tom', ...where());
    expect(run.out).toEqual({ user: 'tom', workspace: 'acme', revokedRoles: ['acme.trainee'], memberDoc: 'inactive' });
    expect((await http('GET', 'acme/_all_docs', ['tom', 'correct horse battery'])).status).toBe(401);
    expect((await http('GET', 'acme/member:tom')).body).toMatchObject({ active: false, role: 'trainee' });
    expect((await vigie('remove-member', 'nobody', ...where())).error!.error).toMatch(/there is no user "nobody"/);
  });
});

describe('team status', () => {
  it('reports the server, the design version and the active members', async () => {
    const run = await vigie('status', ...where());
    expect(run).toMatchObject({
      code: 0,
      out: { ok: true, workspace: 'acme', server: server.url, couch: { version: '4.2.0' }, design: 'ok', designVersion: DESIGN_VERSION, members: 1 },
    });
  });

  it('names an older design document, a missing workspace and an unreachable server', async () => {
    const current = (await http('GET', 'acme/_design/vigie')).body;
    await http('PUT', 'acme/_design/vigie', undefined, { ...current, vigie_version: 0 });
    const older = await vigie('status', ...where());
    expect(older.code).toBe(2);
    expect(older.error).toMatchObject({ error: expect.stringContaining(`version 0, older than this Vigie's (${DESIGN_VERSION}): run team init`), details: { ok: false, design: 'older' } });
    expect((await vigie('status', '--server', server.url, '--workspace', 'nowhere')).error!.error).toMatch(/no workspace "nowhere"/);
    const beta = (await http('GET', 'beta/_design/vigie')).body;
    expect((await http('DELETE', `beta/_design/vigie?rev=${beta._rev as string}`)).status).toBe(200);
    expect((await vigie('status', '--server', server.url, '--workspace', 'beta')).error).toMatchObject({
      error: 'the workspace has no Vigie design document: run team init',
      details: { design: 'missing', designVersion: null },
    });
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise((resolve) => probe.close(resolve));
    expect((await vigie('status', '--server', `http://127.0.0.1:${port}`, '--workspace', 'acme')).error!.error).toBe(`cannot reach http://127.0.0.1:${port}: ECONNREFUSED`);
  });
});

/**
 * A throwaway team server for tests, the bench and the demo: pouchdb-server in memory on 127.0.0.1,
 * on a free port, in its own temp dir (it writes config.json and log.txt into its cwd), with a
 * server admin whose password is new at every start. `npx tsx scripts/team-server.ts` starts one,
 * prints one JSON line and keeps it up until SIGINT or SIGTERM.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { basic } from '../lib/team/admin';

export interface TeamServer {
  url: string;
  adminUser: string;
  adminPassword: string;
  pid: number;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

const pkgJson = z.object({ bin: z.record(z.string(), z.string()) });

function serverBin(): string {
  const require = createRequire(import.meta.url);
  const pkgPath = require.resolve('pouchdb-server/package.json');
  const bin = pkgJson.parse(JSON.parse(readFileSync(pkgPath, 'utf8'))).bin['pouchdb-server'];
  if (!bin) throw new Error('pouchdb-server has no pouchdb-server bin');
  return join(dirname(pkgPath), bin);
}

async function waitFor(check: () => Promise<boolean>, what: string, exited: () => string | undefined, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const gone = exited();
    if (gone) throw new Error(`pouchdb-server exited before ${what}: ${gone}`);
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`pouchdb-server: no ${what} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const randomSecret = () => Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString('base64url');

export interface TeamServerOptions {
  port?: number;
  /**
   * Keep the databases on disk there (LevelDB) instead of in memory, so a test can stop the server
   * and start it again with what it held, as a real outage does; pass the same admin password then.
   */
  dataDir?: string;
  adminPassword?: string;
}

export async function startTeamServer(opts: TeamServerOptions = {}): Promise<TeamServer> {
  const port = opts.port ?? (await freePort());
  const dir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'vigie-team-server-'));
  mkdirSync(dir, { recursive: true });
  const storage = opts.dataDir ? ['--dir', join(dir, 'data')] : ['--in-memory'];
  // Node runs the bin itself (no shell, no npx), so the pid we hold is the server's.
  const child = spawn(
    process.execPath,
    [serverBin(), ...storage, '--host', '127.0.0.1', '--port', String(port), '--config', join(dir, 'config.json'), '--no-stdout-logs', '--no-color'],
    { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2_000)));
  let exit: string | undefined;
  const exited = new Promise<void>((resolve) =>
    child.once('exit', (code, signal) => {
      exit = `code ${code ?? signal}${stderr ? `; ${stderr.trim()}` : ''}`;
      resolve();
    }),
  );
  const cleanUp = async () => {
    if (!exit) {
      child.kill('SIGTERM');
      await exited;
    }
    if (!opts.dataDir) rmSync(dir, { recursive: true, force: true });
  };

  const url = `http://127.0.0.1:${port}`;
  const adminUser = 'vigie-admin';
  const adminPassword = opts.adminPassword ?? randomSecret();
  const authorization = basic(adminUser, adminPassword);
  try {
    if (child.pid === undefined) throw new Error('pouchdb-server did not start');
    await waitFor(async () => (await fetch(`${url}/`)).ok, 'answer', () => exit);
    // The server starts in "admin party" (everyone is admin) until its first admin exists; a
    // restarted one already has ours in its config.
    const session = await fetch(`${url}/_session`, { headers: { authorization } });
    const known = session.ok && ((await session.json()) as { userCtx?: { name?: string } }).userCtx?.name === adminUser;
    const put = known ? undefined : await fetch(`${url}/_config/admins/${adminUser}`, { method: 'PUT', body: JSON.stringify(adminPassword) });
    if (put && !put.ok) throw new Error(`pouchdb-server refused the admin: ${put.status} ${await put.text()}`);
    await waitFor(
      async () => {
        const res = await fetch(`${url}/_session`, { headers: { authorization } });
        const body = z.object({ userCtx: z.object({ roles: z.array(z.string()) }) }).parse(await res.json());
        return body.userCtx.roles.includes('_admin');
      },
      'admin login',
      () => exit,
    );
  } catch (err) {
    await cleanUp();
    throw err;
  }
  return { url, adminUser, adminPassword, pid: child.pid, stop: cleanUp };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const server = await startTeamServer();
  // The password is printed because this server lives in memory on loopback and dies with the process.
  console.log(JSON.stringify({ url: server.url, adminUser: server.adminUser, adminPassword: server.adminPassword, pid: server.pid }));
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void server.stop().then(() => process.exit(0)));
}

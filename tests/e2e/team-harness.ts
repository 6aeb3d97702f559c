/**
 * Browser profiles for the team workspace tests: each one a real Chromium with the real build,
 * and a team server (pouchdb-server, CouchDB's HTTP API) on 127.0.0.1 started by the test. The
 * user's "Allow" for the server's host is granted as launchExtension's grantedHosts explains.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { addMember, basic, initWorkspace } from '../../lib/team/admin';
import type { Role } from '../../lib/team/docs';
import { startTeamServer, type TeamServer } from '../../scripts/team-server';
import { launchExtension, type LaunchOptions } from './harness';

export interface Profile {
  name: string;
  context: BrowserContext;
  id: string;
  worker(): Promise<Worker>;
  page(url: string): Promise<Page>;
  extensionPage(name: 'options' | 'sidepanel' | 'popup'): Promise<Page>;
  close(): Promise<void>;
}

export async function launchProfile(name: string, opts: Pick<LaunchOptions, 'headless' | 'args' | 'viewport'> = {}): Promise<Profile> {
  const ext = await launchExtension({ ...opts, grantedHosts: ['http://127.0.0.1/*'] });
  const { context, id } = ext;
  return {
    name,
    context,
    id,
    // The worker may have been stopped and started again since launch.
    async worker() {
      return context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${id}/`)) ?? context.waitForEvent('serviceworker');
    },
    async page(url) {
      const page = await context.newPage();
      await page.goto(url);
      return page;
    },
    async extensionPage(page) {
      const tab = await context.newPage();
      tab.on('dialog', (d) => void d.accept());
      await tab.goto(`chrome-extension://${id}/${page}.html`);
      return tab;
    },
    close: () => ext.close(),
  };
}

export interface Team {
  server: TeamServer;
  workspace: string;
  members: Map<string, { invitation: string; password: string; role: Role; displayName: string }>;
  restart(): Promise<void>;
  stopServer(): Promise<void>;
  startServer(): Promise<void>;
}

/** A team server keeping its data on disk (so it can be stopped and started again), a workspace and its members. */
export async function startTeam(workspace: string, people: { name: string; role: Role; displayName: string }[]): Promise<Team> {
  const dataDir = mkdtempSync(join(tmpdir(), 'vigie-team-data-'));
  let server = await startTeamServer({ dataDir });
  const port = Number(new URL(server.url).port);
  const auth = { server: server.url, user: server.adminUser, password: server.adminPassword };
  await initWorkspace(auth, workspace);
  const members: Team['members'] = new Map();
  for (const p of people) {
    const { invitation, password } = await addMember(auth, workspace, p);
    members.set(p.name, { invitation: JSON.stringify(invitation), password: password!, role: p.role, displayName: p.displayName });
  }
  const team: Team = {
    get server() {
      return server;
    },
    workspace,
    members,
    async stopServer() {
      await server.stop();
    },
    async startServer() {
      server = await startTeamServer({ dataDir, port, adminPassword: auth.password });
    },
    async restart() {
      await team.stopServer();
      await team.startServer();
    },
  };
  return team;
}

/** Joins the workspace from the options page, as a member pastes the invitation a lead gave them. */
export async function joinTeam(profile: Profile, team: Team, member: string): Promise<Page> {
  const m = team.members.get(member)!;
  const options = await profile.extensionPage('options');
  await options.locator('#team-invitation').fill(m.invitation);
  await options.locator('#team-password').fill(m.password);
  await options.getByTestId('team-join').locator('button[type="submit"]').click();
  // Playwright's own wait, so the demo can join outside Vitest too.
  await options.locator('[data-testid="team-state"][data-state="connected"]').waitFor({ timeout: 15_000 });
  return options;
}

/** What the server holds, read as its admin. */
export async function serverDoc(team: Team, id: string): Promise<Record<string, unknown> | undefined> {
  const { url, adminUser, adminPassword } = team.server;
  const res = await fetch(`${url}/${team.workspace}/${encodeURIComponent(id)}`, { headers: { authorization: basic(adminUser, adminPassword) } });
  return res.status === 404 ? undefined : ((await res.json()) as Record<string, unknown>);
}

export async function putAsAdmin(team: Team, doc: Record<string, unknown>): Promise<number> {
  const { url, adminUser, adminPassword } = team.server;
  const res = await fetch(`${url}/${team.workspace}/${encodeURIComponent(String(doc._id))}`, {
    method: 'PUT',
    headers: { authorization: basic(adminUser, adminPassword), 'content-type': 'application/json' },
    body: JSON.stringify(doc),
  });
  return res.status;
}

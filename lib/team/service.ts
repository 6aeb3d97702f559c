/**
 * The team workspace in the background: holds the engine for the saved connection, mirrors its
 * state into browser.storage.local, wakes it from an alarm (Chrome stops an idle service worker,
 * which ends the long poll), and tells open platform tabs when a comment's team state changed.
 */
import PouchDB from 'pouchdb-browser';
import { browser } from 'wxt/browser';
import type { VigieDb } from '../db/schema';
import type { SentimentResult } from '../sentiment/types';
import type { CommentRecord } from '../db/model';
import { publishBrand, publishIncident, publishPack, publishPlaybook, publishTargets, publishTemplate, recordCommentAction } from './actions';
import { getSetting } from '../db/settings';
import { invitation as invitationSchema, type CommentDocType } from './docs';
import { createEngine, type Connection, type Engine, type PouchFactory, type TeamStatus } from './engine';
import { auditCsv, auditRows } from './audit';
import { clearTeam } from './local';
import { can, credentials, serverProblem, TEAM_KEY, type TeamMirror } from './state';
import { viewOf, type TeamView } from './view';

export const TEAM_ALARM = 'vigie-team';
/**
 * The password stays in the extension's own IndexedDB: browser.storage.local would hand it to
 * every content script (they can read it and see its change events).
 */
const CREDENTIALS = 'credentials';

export type PublishKind = 'template' | 'voicePack' | 'brand' | 'responseTargets' | 'playbook';

const pouch: PouchFactory = {
  local: (name) => new PouchDB(name),
  remote: (url, auth) => new PouchDB(url, { auth, skip_setup: true }),
  replicate: (from, to, opts) => PouchDB.replicate(from, to, opts),
};

export interface TeamService {
  connect(invitationText: string, password: string): Promise<TeamMirror>;
  leave(): Promise<void>;
  views(ids: string[]): Promise<Map<string, TeamView>>;
  /** Tells the open tabs about these comments; called after the user's own actions too. */
  commentsChanged(ids: string[]): Promise<void>;
  /** Records the user's action on a comment for the team; undefined outside a workspace. */
  act(kind: CommentDocType, comment: CommentRecord, opts?: { reason?: string; withdraw?: boolean }): Promise<TeamView | undefined>;
  /** Publishes a stored template or pack; false outside a workspace or when there is no such record. */
  publish(kind: PublishKind, id: string, opts?: { locked?: boolean; lockedRules?: string[]; withdraw?: boolean }): Promise<boolean>;
  /** The workspace's audit as CSV, from the local replica. */
  audit(): Promise<string>;
  /** Shares what changed of an incident (after any local change to it). */
  publishIncident(id: string): Promise<void>;
}

export function startTeamService(deps: {
  db: VigieDb;
  classify(text: string): SentimentResult;
  now(): number;
  /** A teammate opened or changed incidents: crisis mode and the banners follow. */
  onIncidents(ids: string[]): void;
}): TeamService {
  const { db } = deps;
  let engine: Engine | undefined;
  let connection: Connection | undefined;
  let starting: Promise<void> | undefined;

  const mirror = async (status: TeamStatus) => {
    if (!connection) return;
    const value: TeamMirror = { server: connection.server, workspace: connection.workspace, user: connection.user, ...status };
    await browser.storage.local.set({ [TEAM_KEY]: value });
  };

  async function views(ids: string[]): Promise<Map<string, TeamView>> {
    const out = new Map<string, TeamView>();
    if (!connection || ids.length === 0) return out;
    const [rows, members] = await Promise.all([db.teamComments.bulkGet(ids), db.members.toArray()]);
    const byName = new Map(members.map((m) => [m.name, m]));
    const canClaim = can.claim(engine?.status().role);
    // Every comment gets a view while connected, an empty one too: the badge then offers "I'll answer".
    rows.forEach((row, i) => out.set(ids[i]!, { ...viewOf(row, byName, connection!.user, deps.now()), canClaim }));
    return out;
  }

  async function commentsChanged(ids: string[]): Promise<void> {
    const byId = await views(ids);
    const message = { type: 'bg:team-state', views: ids.map((id) => ({ id, team: byId.get(id) ?? {} })) };
    const tabs = await browser.tabs.query({});
    await Promise.all(tabs.map((t) => (t.id === undefined ? undefined : browser.tabs.sendMessage(t.id, message).catch(() => {}))));
  }

  /**
   * Chrome stops a service worker idle for 30 s, and an open long poll does not count as activity;
   * an extension API call does (Chrome 110+). While in a workspace the worker keeps itself awake so a
   * colleague's claim reaches the badges in seconds, not at the next 30 s alarm.
   */
  let keepAwake: ReturnType<typeof setInterval> | undefined;
  function run(next: Connection): Promise<void> {
    connection = next;
    keepAwake ??= setInterval(() => void browser.runtime.getPlatformInfo().catch(() => {}), 20_000);
    engine = createEngine({
      db,
      pouch,
      connection: next,
      fetch: (input, init) => fetch(input, init),
      classify: deps.classify,
      now: deps.now,
      onStatus: (s) => void mirror(s),
      onComments: (ids) => void commentsChanged(ids),
      onIncidents: deps.onIncidents,
    });
    return engine.start();
  }

  async function load(): Promise<void> {
    const stored = credentials.safeParse((await db.teamMeta.get(CREDENTIALS))?.value);
    if (stored.success && !engine) await run(stored.data);
  }
  starting = load().catch((e) => console.warn('[vigie] team workspace did not start', e));

  void browser.alarms.get(TEAM_ALARM).then((a) => {
    if (!a) void browser.alarms.create(TEAM_ALARM, { periodInMinutes: 0.5 });
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === TEAM_ALARM) void starting?.then(() => engine?.resume());
  });

  const status = async () => (await browser.storage.local.get(TEAM_KEY))[TEAM_KEY] as TeamMirror | undefined;

  return {
    async connect(invitationText, password) {
      let raw: unknown;
      try {
        raw = JSON.parse(invitationText);
      } catch {
        throw new Error('the invitation is not the JSON text printed by vigie team add-member');
      }
      const inv = invitationSchema.safeParse(raw);
      if (!inv.success) throw new Error(`the invitation is incomplete: ${inv.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
      const problem = serverProblem(inv.data.server);
      if (problem) throw new Error(problem);
      await starting;
      const next: Connection = { server: inv.data.server, workspace: inv.data.workspace, user: inv.data.user, password };
      // Another workspace (or another member): nothing of the previous one may stay or be replayed.
      const other = connection && (connection.server !== next.server || connection.workspace !== next.workspace || connection.user !== next.user);
      await engine?.stop({ forget: Boolean(other) });
      if (other) await clearTeam(db);
      await db.teamMeta.put({ key: CREDENTIALS, value: next });
      starting = run(next);
      await starting;
      return (await status())!;
    },
    async leave() {
      await starting;
      await engine?.stop({ forget: true });
      engine = undefined;
      connection = undefined;
      clearInterval(keepAwake);
      keepAwake = undefined;
      await browser.storage.local.remove(TEAM_KEY);
      // The credentials go with the team's rows (they live among them).
      await clearTeam(db);
    },
    views,
    commentsChanged,
    async act(kind, comment, opts = {}) {
      await starting;
      if (!connection || !engine) return undefined;
      // What the role may not do stays this user's own (a moderator's "answered"): the server would refuse it.
      if (can[kind](engine.status().role)) {
        await recordCommentAction(db, { kind, comment, me: connection.user, now: deps.now(), ...opts });
        void engine.flush();
        void commentsChanged([comment.id]);
      }
      return (await views([comment.id])).get(comment.id) ?? {};
    },
    async publish(kind, id, lock = {}) {
      await starting;
      if (!connection || !engine) return false;
      const me = connection.user;
      if (kind === 'template') {
        const t = await db.templates.get(id);
        if (!t) return false;
        await publishTemplate(db, t, me, deps.now(), lock.locked);
      } else if (kind === 'voicePack') {
        const p = await db.voicePacks.get(id);
        if (!p || p.builtIn) return false;
        const { builtIn: _b, active: _a, team, ...pack } = p;
        await publishPack(db, pack, me, deps.now(), { locked: lock.locked ?? team?.locked ?? false, lockedRules: lock.lockedRules ?? team?.lockedRules ?? [] });
      } else if (kind === 'brand') {
        const b = await db.brands.get(id);
        // A removed brand is published as its withdrawal: the last copy the team had is what it names.
        if (!b && !lock.withdraw) return false;
        await publishBrand(db, b ?? { id, name: id, agents: [], address: 'vous', accounts: [] }, me, deps.now(), lock.withdraw);
      } else if (kind === 'responseTargets') {
        await publishTargets(db, await getSetting(db, 'responseTargets'), me, deps.now());
      } else {
        await publishPlaybook(db, await getSetting(db, 'playbook'), me, deps.now());
      }
      void engine.flush();
      return true;
    },
    async audit() {
      await starting;
      if (!engine) throw new Error('no team workspace: join one first');
      return auditCsv(auditRows(await engine.documents()));
    },
    async publishIncident(id) {
      await starting;
      if (!connection || !engine) return;
      if (await publishIncident(db, id, connection.user, deps.now())) void engine.flush();
    },
  };
}

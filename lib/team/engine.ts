/**
 * The team workspace's sync, in the background. PouchDB replicates the workspace's CouchDB database
 * into a local replica (pull: checkpoints, batching, live changes, retries are PouchDB's); a drain
 * loop applies the replica's changes to Dexie in order, with its own checkpoint in the same
 * transaction, so a worker stopped mid-way resumes without losing or repeating a document.
 *
 * Writes go straight to the server as plain CouchDB PUTs from an outbox kept in Dexie, so the server
 * decides every one of them at once: a second claim of a comment is a 409 (the first to reach the
 * server holds it, and the loser is told who), a write the member's role forbids is a 403 (rolled
 * back locally and explained), and a network failure leaves the write queued for the next attempt.
 */
import type { VigieDb } from '../db/schema';
import { basic } from './admin';
import { applyChanges, type ApplyDeps, type Change } from './apply';
import { couchRole, DESIGN_ID, DESIGN_VERSION, isCommentDoc, roles, type Role, type TeamDoc } from './docs';
import type { OutboxRecord } from './local';

export interface Connection {
  server: string;
  workspace: string;
  user: string;
  password: string;
}

export type TeamState = 'connecting' | 'connected' | 'offline' | 'refused' | 'outdated';

export interface TeamStatus {
  state: TeamState;
  since: number;
  /** Why, for refused, outdated and offline: shown as is. */
  message?: string;
  /** The role the server gives this member, which the UI mirrors. */
  role?: Role;
}

/** The slice of PouchDB this engine uses, so tests can hand in PouchDB with the memory adapter. */
export interface PouchLike {
  get(id: string, opts?: object): Promise<Record<string, unknown> & { _id: string; _rev: string }>;
  put(doc: object): Promise<{ ok: boolean; id: string; rev: string }>;
  changes(opts: object): Promise<{ results: { id: string; deleted?: boolean; doc?: unknown; seq: number | string }[]; last_seq: number | string }>;
  close(): Promise<void>;
  destroy(): Promise<void>;
}
export interface Replication {
  on(event: string, cb: (arg: unknown) => void): Replication;
  cancel(): void;
}
export interface PouchFactory {
  local(name: string): PouchLike;
  remote(url: string, auth: { username: string; password: string }): PouchLike;
  replicate(from: PouchLike, to: PouchLike, opts: object): Replication;
}

export interface EngineDeps extends ApplyDeps {
  db: VigieDb;
  pouch: PouchFactory;
  connection: Connection;
  /** Basic-auth fetch of the server's own endpoints (_session). */
  fetch: typeof fetch;
  onStatus(status: TeamStatus): void;
  /** Comments whose team state changed, from the server or from this user. */
  onComments(ids: string[]): void;
  /** Incidents a teammate changed (crisis mode may follow). */
  onIncidents?(ids: string[]): void;
  /** Long-poll heartbeat: under the 30 s after which Chrome stops an idle service worker. */
  heartbeatMs?: number;
}

const CHECKPOINT = 'replica-seq';
const CREATE_ONCE = new Set<string>(['timeline', 'link', 'clip']);
const ACCESS = new Set([401, 403]);

interface HttpError {
  status?: number;
  name?: string;
  message?: string;
  reason?: string;
}
const httpStatus = (e: unknown) => (e as HttpError | null)?.status;
const reasonOf = (e: unknown) => {
  const err = e as HttpError;
  return err?.reason ?? err?.message ?? String(e);
};
/** Network failures carry no HTTP status (fetch's TypeError) or a server error: the write waits. */
const transient = (e: unknown) => {
  const s = httpStatus(e);
  return s === undefined || s === 0 || s >= 500 || s === 408 || s === 429;
};

export interface Engine {
  start(): Promise<void>;
  /** `forget`: the member left the workspace; the local replica goes too. */
  stop(opts?: { forget?: boolean }): Promise<void>;
  /** Sends the outbox now (a new write, a reconnection, an alarm). */
  flush(): Promise<void>;
  /** The alarm's tick: restarts a replication that died with the worker or the network. */
  resume(): Promise<void>;
  status(): TeamStatus;
  /** Every document of the local replica (the workspace as last synced), withdrawals included, for the audit. */
  documents(): Promise<unknown[]>;
}

export function createEngine(deps: EngineDeps): Engine {
  const { db, connection } = deps;
  const base = connection.server.replace(/\/+$/, '');
  const auth = { username: connection.user, password: connection.password };
  const remote = deps.pouch.remote(`${base}/${encodeURIComponent(connection.workspace)}`, auth);
  const local = deps.pouch.local(`vigie-team-${connection.workspace}`);
  let replication: Replication | undefined;
  let stopped = false;
  let current: TeamStatus = { state: 'connecting', since: deps.now() };

  const setStatus = (state: TeamState, message?: string, role = current.role) => {
    if (current.state === state && current.message === message && current.role === role) return;
    current = { state, since: current.state === state ? current.since : deps.now(), ...(message ? { message } : {}), ...(role ? { role } : {}) };
    deps.onStatus(current);
  };

  /** Who the server says this member is: the role the UI mirrors, or why there is none. */
  async function checkAccess(): Promise<Role | { refused: string } | { offline: string }> {
    let res: Response;
    try {
      res = await deps.fetch(`${base}/_session`, { headers: { authorization: basic(auth.username, auth.password), accept: 'application/json' } });
    } catch (e) {
      return { offline: `the server ${base} cannot be reached (${reasonOf(e)})` };
    }
    if (res.status === 401) return { refused: `wrong user name or password for ${connection.user}` };
    if (!res.ok) return { offline: `the server answered ${res.status}` };
    const session = (await res.json()) as { userCtx?: { name?: string | null; roles?: string[] } };
    if (session.userCtx?.name !== connection.user) return { refused: `wrong user name or password for ${connection.user}` };
    const held = roles.find((r) => session.userCtx?.roles?.includes(couchRole(connection.workspace, r)));
    if (!held) return { refused: `${connection.user} is no longer a member of ${connection.workspace}: ask a lead` };
    try {
      const design = (await remote.get(DESIGN_ID)) as { vigie_version?: number };
      if ((design.vigie_version ?? 0) > DESIGN_VERSION) return { refused: `outdated:${design.vigie_version}` };
    } catch (e) {
      if (httpStatus(e) === 404) return { refused: `${connection.workspace} is not set up as a Vigie workspace (run vigie team init)` };
      if (transient(e)) return { offline: reasonOf(e) };
      return { refused: reasonOf(e) };
    }
    return held;
  }

  let draining: Promise<void> | undefined;
  let drainAgain = false;
  /** Applies the replica's changes to Dexie in batches, each with its checkpoint. */
  function drain(): Promise<void> {
    if (draining) {
      drainAgain = true;
      return draining;
    }
    draining = (async () => {
      do {
        drainAgain = false;
        for (;;) {
          const since = (await db.teamMeta.get(CHECKPOINT))?.value ?? 0;
          const batch = await local.changes({ since, limit: 1_000, include_docs: true });
          if (batch.results.length === 0) break;
          const changes: Change[] = batch.results.map((r) => ({ id: r.id, deleted: r.deleted, doc: r.doc }));
          const applied = await applyChanges(db, changes, deps, { key: CHECKPOINT, value: batch.last_seq });
          if (applied.comments.length) deps.onComments([...new Set(applied.comments)]);
          if (applied.incidents.length) deps.onIncidents?.([...new Set(applied.incidents)]);
        }
      } while (drainAgain && !stopped);
    })().finally(() => {
      draining = undefined;
    });
    return draining;
  }

  /**
   * A batch that cannot be applied (the database refused a write) is not skipped: its checkpoint did
   * not move, so the next change or the alarm's resume tries it again.
   */
  async function drainSafely(): Promise<void> {
    try {
      await drain();
    } catch (e) {
      console.warn('[vigie] team: applying the server\'s changes failed; retrying at the next change', e);
    }
  }

  function startReplication() {
    replication?.cancel();
    replication = deps.pouch
      .replicate(remote, local, { live: true, retry: true, heartbeat: deps.heartbeatMs ?? 10_000, batch_size: 1_000, back_off_function: (delay: number) => Math.min(Math.max(delay * 2, 1_000), 30_000) })
      .on('change', () => void drainSafely())
      .on('paused', (err) => {
        if (err) setStatus('offline', reasonOf(err));
        else {
          setStatus('connected');
          void flush();
        }
      })
      .on('active', () => setStatus('connected'))
      .on('denied', (err) => console.warn('[vigie] team replication denied', err))
      .on('error', (err) => {
        replication = undefined;
        // Refused mid-session (a password changed, access revoked): ask the server which, for the message.
        if (ACCESS.has(httpStatus(err) ?? 0)) void connect();
        else setStatus('offline', reasonOf(err));
      });
  }

  async function connect(): Promise<void> {
    const access = await checkAccess();
    if (stopped) return;
    if (typeof access === 'object' && 'offline' in access) {
      setStatus('offline', access.offline);
      return;
    }
    if (typeof access === 'object') {
      if (access.refused.startsWith('outdated:'))
        setStatus('outdated', `this workspace needs a newer Vigie (its rules are version ${access.refused.slice(9)}, this one knows ${DESIGN_VERSION})`);
      else setStatus('refused', access.refused);
      return;
    }
    setStatus('connected', undefined, access);
    startReplication();
    await drainSafely();
    await flush();
  }

  let flushing: Promise<void> | undefined;
  function flush(): Promise<void> {
    if (current.state !== 'connected') return Promise.resolve();
    flushing ??= sendOutbox().finally(() => {
      flushing = undefined;
    });
    return flushing;
  }

  async function serverDoc(id: string): Promise<Change> {
    try {
      return { id, doc: await remote.get(id) };
    } catch (e) {
      if (httpStatus(e) === 404) return { id, deleted: true };
      throw e;
    }
  }

  async function sendOutbox(): Promise<void> {
    for (;;) {
      if (stopped || current.state !== 'connected') return;
      const item = await db.teamOutbox.orderBy('seq').first();
      if (!item) return;
      try {
        await send(item);
      } catch (e) {
        if (transient(e)) {
          await db.teamOutbox.update(item.seq!, { attempts: item.attempts + 1, lastError: reasonOf(e) });
          setStatus('offline', reasonOf(e));
          return;
        }
        if (httpStatus(e) === 401) {
          setStatus('refused', `wrong user name or password for ${connection.user}`);
          return;
        }
        // Anything else the server refused for good (403, 400): undo it here and say why.
        await refuse(item, reasonOf(e));
      }
    }
  }

  async function done(item: OutboxRecord, notice?: { kind: 'lost' | 'refused'; detail: string }, rollback?: Change) {
    await db.transaction('rw', [db.teamOutbox, db.teamNotices], async () => {
      await db.teamOutbox.delete(item.seq!);
      if (notice) await db.teamNotices.add({ at: deps.now(), docId: item.docId, ...notice, ...(isCommentDoc(item.doc) ? { commentId: item.doc.commentId } : {}) });
    });
    if (rollback) {
      const applied = await applyChanges(db, [rollback], deps);
      if (applied.comments.length) deps.onComments(applied.comments);
    }
  }

  /**
   * Undoes a refused write by putting back what the server holds. When it holds nothing, only a
   * comment action is undone: a template, pack or brand the server never had stays this user's own.
   */
  async function refuse(item: OutboxRecord, reason: string) {
    const held = await serverDoc(item.docId).catch(() => undefined);
    await done(item, { kind: 'refused', detail: reason }, held?.deleted && !isCommentDoc(item.doc) ? undefined : held);
  }

  /** Only a claim or an answer is lost to a colleague; a second flag or set-aside simply agrees with the first. */
  const contested = (doc: TeamDoc, by: string) => (doc.type === 'claim' || doc.type === 'answer' ? { kind: 'lost' as const, detail: by } : undefined);

  async function send(item: OutboxRecord): Promise<void> {
    const doc = item.doc as TeamDoc & { _deleted?: boolean };
    const { _rev: _stale, ...body } = doc;
    if (isCommentDoc(doc)) {
      // First to reach the server holds it: create without a revision; renew, take over an expired
      // claim or withdraw by naming the revision the server holds.
      const held = await serverDoc(doc._id);
      const theirs = held.doc as (TeamDoc & { expiresAt?: number }) | undefined;
      if (theirs && theirs.by !== connection.user) {
        const expired = theirs.type === 'claim' && (theirs.expiresAt ?? 0) < deps.now();
        if (!expired) return done(item, contested(doc, theirs.by), held);
      }
      if (!theirs && doc._deleted) return done(item);
      // Already on the server (the worker stopped before it could note the answer): nothing to repeat.
      if (theirs && !doc._deleted && doc.type !== 'claim' && !(theirs as { _deleted?: boolean })._deleted) return done(item);
      try {
        await remote.put(theirs ? { ...body, _rev: (theirs as { _rev: string })._rev } : body);
      } catch (e) {
        const status = httpStatus(e);
        if (status !== 409 && status !== 403) throw e;
        // Someone else got there between our read and our write: CouchDB says 409; pouchdb-server
        // runs validate_doc_update first, which refuses (403) a claim held by someone else.
        const winner = await serverDoc(doc._id);
        const by = (winner.doc as TeamDoc | undefined)?.by;
        if (by && by !== connection.user) return done(item, contested(doc, by), winner);
        if (status === 403) throw e;
        return done(item, undefined, winner);
      }
      return done(item);
    }
    // Published documents: a newer publish replaces an older one; an older one never overwrites a newer.
    for (let attempt = 0; attempt < 3; attempt++) {
      const held = await serverDoc(doc._id);
      const theirs = held.doc as TeamDoc | undefined;
      if (!theirs && doc._deleted) return done(item);
      // Written once (a timeline entry, a link, a clip), or this very write already landed before the worker stopped.
      if (theirs && (CREATE_ONCE.has(doc.type) || (theirs.by === connection.user && theirs.at === doc.at))) return done(item);
      if (theirs && theirs.at > doc.at) return done(item, { kind: 'lost', detail: theirs.by }, held);
      try {
        await remote.put(theirs ? { ...body, _rev: (theirs as { _rev: string })._rev } : body);
        return done(item);
      } catch (e) {
        if (httpStatus(e) !== 409) throw e;
      }
    }
    throw Object.assign(new Error(`${doc._id} kept changing on the server`), { status: 503 });
  }

  return {
    async start() {
      stopped = false;
      deps.onStatus(current);
      await connect();
    },
    async stop(opts = {}) {
      stopped = true;
      // PouchDB ends a cancelled replication once its requests in flight settle: wait for that (a
      // little), so none of them fails later against a server or replica that is gone.
      const ending = replication && new Promise<void>((resolve) => {
        replication!.on('complete', () => resolve()).on('error', () => resolve());
        setTimeout(resolve, 2_000);
      });
      replication?.cancel();
      replication = undefined;
      await ending;
      await draining?.catch(() => {});
      await flushing?.catch(() => {});
      await remote.close().catch(() => {});
      await (opts.forget ? local.destroy() : local.close()).catch(() => {});
    },
    flush,
    async resume() {
      if (stopped) return;
      if (current.state === 'refused' || current.state === 'outdated') return;
      if (!replication || current.state !== 'connected') await connect();
      else {
        await drainSafely();
        await flush();
      }
    },
    status: () => current,
    async documents() {
      // The changes feed, unlike allDocs, keeps withdrawals (a released claim) with their author.
      const { results } = await local.changes({ since: 0, include_docs: true });
      return results.filter((r) => !r.id.startsWith('_design/')).map((r) => r.doc);
    },
  };
}

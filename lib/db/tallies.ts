/**
 * Running counts of the comments table, kept by the database itself: a DBCore middleware adds each
 * comment write's change to the tallies inside the same transaction, so every writer (content
 * scripts' sightings, status changes, escalation, retention, "delete all my data") keeps them true
 * and a reader never counts rows. Counting an IndexedDB index range costs about 12 µs an entry in
 * Chromium: at 100,000 comments, counting is what kept the popup from opening in 200 ms.
 *
 * Rows, key → counts:
 * - `day|YYYY-MM-DD|platform`, the local day a comment was first seen: seen, negative, neutral,
 *   positive, `risk:<tag>` (once per tag); and the local day it was answered: replied, and
 *   `response:<minutes>`, how long the answer took (see responseBucket).
 * - `now|platform`: flagged, waiting (the queue: see needsAttention).
 */
import type { DBCore, DBCoreMutateRequest, DBCoreMutateResponse, DBCoreTable, DBCoreTransaction, Middleware, Transaction } from 'dexie';
import { platformIds, type PlatformId } from '../platforms/types';
import type { CommentRecord } from './model';

export interface TallyRow {
  key: string;
  counts: Record<string, number>;
}

export const TALLIES = 'tallies';
const COMMENTS = 'comments';

/** The local calendar day of a time, as the popup's "today" and the statistics' days mean it. */
export function dayKey(t: number): string {
  const d = new Date(t);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Local midnight of the day of a time. */
export function startOfDay(t: number): number {
  const d = new Date(t);
  d.setHours(0, 0, 0, 0);
  return d.getTime();
}

export const dayRowKey = (day: string, platform: PlatformId) => `day|${day}|${platform}`;
export const liveRowKey = (platform: PlatformId) => `now|${platform}`;
/** Key bounds of every platform's row for the days from `from` to `to`, both included. */
export const dayRange = (from: string, to: string): [string, string] => [`day|${from}|`, `day|${to}|\uffff`];
export const liveRange: [string, string] = ['now|', 'now|\uffff'];

/** Splits a day row's key: the statistics group by day and platform. */
export function parseDayRowKey(key: string): { day: string; platform: PlatformId } | undefined {
  const [kind, day, platform] = key.split('|');
  return kind === 'day' && day && platformIds.includes(platform as PlatformId) ? { day, platform: platform as PlatformId } : undefined;
}

/**
 * Response times are tallied by bucket, to the minute under two hours, to five minutes under a day,
 * to the hour under a week, by day beyond: as finely as the statistics show them, in a few hundred
 * counts a day at most. The bucket is named by its first minute.
 */
export function responseBucket(minutes: number): number {
  const m = Math.max(0, Math.round(minutes));
  return m - (m % bucketWidth(m));
}
const bucketWidth = (start: number) => (start < 120 ? 1 : start < 1440 ? 5 : start < 10_080 ? 60 : 1440);
/** The middle of a bucket, in minutes: what a response in it counts as for the median. */
export const bucketMiddle = (start: number) => start + (bucketWidth(start) - 1) / 2;
export const RESPONSE = 'response:';
export const RISK = 'risk:';

type Delta = Map<string, Map<string, number>>;

function add(delta: Delta, key: string, field: string, n: number) {
  let fields = delta.get(key);
  if (!fields) delta.set(key, (fields = new Map()));
  fields.set(field, (fields.get(field) ?? 0) + n);
}

/** What one stored comment adds to the tallies (`sign` -1 takes a former version of it away). */
function count(delta: Delta, c: CommentRecord, sign: 1 | -1): void {
  const seen = dayRowKey(dayKey(c.firstSeenAt), c.platform);
  add(delta, seen, 'seen', sign);
  add(delta, seen, c.sentiment.label, sign);
  for (const tag of new Set(c.risks.map((r) => r.tag))) add(delta, seen, `${RISK}${tag}`, sign);
  if (c.repliedAt !== undefined) {
    const replied = dayRowKey(dayKey(c.repliedAt), c.platform);
    add(delta, replied, 'replied', sign);
    add(delta, replied, `${RESPONSE}${responseBucket((c.repliedAt - c.firstSeenAt) / 60_000)}`, sign);
  }
  if (c.status === 'flagged') add(delta, liveRowKey(c.platform), 'flagged', sign);
  if (c.attention === 1) add(delta, liveRowKey(c.platform), 'waiting', sign);
}

/** The tallies of a set of comments from scratch: what tests and the bench compare with. */
export function tallyAll(comments: Iterable<CommentRecord>): TallyRow[] {
  const delta: Delta = new Map();
  for (const c of comments) count(delta, c, 1);
  return applyDelta([], delta);
}

/**
 * Counts every stored comment again. An upgrade's writes to comments bypass the middleware (see
 * isUpgrade): each schema version that changes comments ends with this.
 */
export async function rebuildTallies(tx: Transaction): Promise<void> {
  const delta: Delta = new Map();
  await tx.table(COMMENTS).each((c: CommentRecord) => count(delta, c, 1));
  await tx.table(TALLIES).clear();
  await tx.table(TALLIES).bulkPut(applyDelta([], delta));
}

/** Rows after adding `delta` to the current ones (given in any order); counts that reach 0 are dropped. */
function applyDelta(current: (TallyRow | undefined)[], delta: Delta): TallyRow[] {
  const byKey = new Map(current.filter((r) => r !== undefined).map((r) => [r.key, r]));
  const out: TallyRow[] = [];
  for (const [key, fields] of delta) {
    const counts = { ...byKey.get(key)?.counts };
    for (const [field, n] of fields) {
      const next = (counts[field] ?? 0) + n;
      if (next === 0) delete counts[field];
      else counts[field] = next;
    }
    out.push({ key, counts });
  }
  return out;
}

/** Sums one count over rows. */
export const sum = (rows: TallyRow[], field: string) => rows.reduce((total, r) => total + (r.counts[field] ?? 0), 0);

/** Whether a request's transaction upgrades the schema: an upgrade rebuilds the tallies itself (schema.ts). */
const isUpgrade = (trans: DBCoreTransaction) => (trans as unknown as IDBTransaction).mode === 'versionchange';

/** Dexie's DBCoreRangeType.Any (a const enum, out of reach of an isolated-modules build): the whole table. */
const ANY_RANGE = 3;

/*
 * The functions below chain Dexie's own promises with then() rather than await: Dexie finds the
 * running transaction through its promise zone, which a native await in a middleware would lose.
 */

function rowsBefore(table: DBCoreTable, req: DBCoreMutateRequest): Promise<(CommentRecord | undefined)[]> {
  const { trans } = req;
  switch (req.type) {
    case 'add':
      // Nothing was there before an add (a key already there fails the add instead).
      return table.getMany({ trans, keys: [] });
    // 'immutable': the rows Dexie itself has just read for this write (modify, update) come from its cache.
    case 'put':
      return table.getMany({ trans, keys: req.keys ?? req.values.map((v) => table.schema.primaryKey.extractKey!(v)), cache: 'immutable' });
    case 'delete':
      return table.getMany({ trans, keys: req.keys, cache: 'immutable' });
    case 'deleteRange':
      return table.query({ trans, values: true, query: { index: table.schema.primaryKey, range: req.range } }).then((r) => r.result);
  }
}

/**
 * The tallies' change for one write. A batch may name a comment twice (two nodes of one comment on
 * the page): each later copy replaces the earlier one, not the row as it was before the batch.
 */
function changeOf(req: DBCoreMutateRequest, before: (CommentRecord | undefined)[], res: DBCoreMutateResponse): Delta {
  const delta: Delta = new Map();
  const ok = (i: number) => req.type === 'deleteRange' || !res.failures[i];
  if (req.type === 'add' || req.type === 'put') {
    const latest = new Map<string, CommentRecord>();
    req.values.forEach((after: CommentRecord, i) => {
      if (!ok(i)) return;
      const prior = latest.get(after.id) ?? before[i];
      if (prior) count(delta, prior, -1);
      count(delta, after, 1);
      latest.set(after.id, after);
    });
  } else {
    const gone = new Set<string>();
    before.forEach((row, i) => {
      if (!row || !ok(i) || gone.has(row.id)) return;
      gone.add(row.id);
      count(delta, row, -1);
    });
  }
  return delta;
}

function record(tallies: DBCoreTable, trans: DBCoreTransaction, delta: Delta): Promise<unknown> {
  const keys = [...delta.keys()];
  return tallies.getMany({ trans, keys }).then((current: (TallyRow | undefined)[]) => {
    const next = applyDelta(current, delta);
    const empty = next.filter((r) => Object.keys(r.counts).length === 0).map((r) => r.key);
    const kept = next.filter((r) => Object.keys(r.counts).length > 0);
    return tallies.mutate({ trans, type: 'put', values: kept }).then(() => tallies.mutate({ trans, type: 'delete', keys: empty }));
  });
}

/**
 * The last tally update of each transaction. Updates read, add and write back: two writes started
 * together in one transaction (Promise.all of puts) would both read the old counts, so each waits
 * for the one before it.
 */
const lastUpdate = new WeakMap<DBCoreTransaction, Promise<unknown>>();

/**
 * Keeps the tallies in step with the comments table. Above Dexie's observability layer, so a
 * liveQuery over the tallies wakes up on each change; read-write transactions on comments are
 * widened to the tallies store, so callers need not name it.
 */
export const talliesMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'tallies',
  create: (down) => ({
    ...down,
    transaction: (stores, mode, options) =>
      down.transaction(mode === 'readwrite' && stores.includes(COMMENTS) && !stores.includes(TALLIES) ? [...stores, TALLIES] : stores, mode, options),
    table: (name) => {
      const table = down.table(name);
      if (name !== COMMENTS) return table;
      return {
        ...table,
        mutate(req) {
          if (isUpgrade(req.trans)) return table.mutate(req);
          const tallies = down.table(TALLIES);
          if (req.type === 'deleteRange' && req.range.type === ANY_RANGE) {
            // Emptying the table ("delete all my data") empties the tallies: no need to read every row.
            return table.mutate(req).then((res) => tallies.mutate({ trans: req.trans, type: 'deleteRange', range: req.range }).then(() => res));
          }
          const write = () =>
            rowsBefore(table, req).then((before) =>
              table.mutate(req).then((res) => {
                const delta = changeOf(req, before, res);
                return delta.size === 0 ? res : record(tallies, req.trans, delta).then(() => res);
              }),
            );
          const previous = lastUpdate.get(req.trans);
          const result = previous ? previous.then(write, write) : write();
          lastUpdate.set(req.trans, result.catch(() => undefined));
          return result;
        },
      };
    },
  }),
};

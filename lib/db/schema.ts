/**
 * The one Dexie database, in the extension's origin. Every version stays here: Dexie upgrades an old
 * database step by step through them, and data changes live in each version's upgrade().
 * Only the background and the extension pages open it; content scripts go through messages.
 */
import Dexie, { type EntityTable } from 'dexie';
import type { BrandRecord, CommentRecord, EventRecord, HealthRecord } from './model';

interface KeyedRow {
  id: string;
  [field: string]: unknown;
}

export type VigieDb = Dexie & {
  comments: EntityTable<CommentRecord, 'id'>;
  templates: EntityTable<KeyedRow, 'id'>;
  voicePacks: EntityTable<KeyedRow, 'id'>;
  incidents: EntityTable<KeyedRow, 'id'>;
  timeline: EntityTable<{ id?: number; incidentId: string; at: number; kind: string; text: string; ref?: string }, 'id'>;
  clips: EntityTable<KeyedRow, 'id'>;
  events: EntityTable<EventRecord, 'id'>;
  brands: EntityTable<BrandRecord, 'id'>;
  settings: EntityTable<{ key: string; value: unknown }, 'key'>;
  health: EntityTable<HealthRecord, 'platform'>;
};

export const DB_NAME = 'vigie';

export function defineVersions(db: Dexie): void {
  // Version 1: the data model of DESIGN.md.
  db.version(1).stores({
    comments: 'id, platform, status, firstSeenAt, [platform+firstSeenAt], incidentId',
    templates: 'id, name, folder, *tags',
    voicePacks: 'id, brandId, active',
    incidents: 'id, status, createdAt',
    timeline: '++id, incidentId, [incidentId+at]',
    clips: 'id, incidentId',
    events: '++id, at, type',
    brands: 'id, name',
    settings: 'key',
  });
  // Version 2: the queue reads "flagged or negative, oldest first" and the popup counts today's rows
  // without scanning the table; adapters report their health; lastSeenAt tells a live thread from a stale one.
  db.version(2)
    .stores({
      comments: 'id, platform, status, firstSeenAt, [platform+firstSeenAt], incidentId, [status+firstSeenAt], sentiment.label, lastSeenAt',
      health: 'platform',
    })
    .upgrade((tx) =>
      tx
        .table('comments')
        .toCollection()
        .modify((c: Partial<CommentRecord>) => {
          c.lastSeenAt ??= c.firstSeenAt ?? Date.now();
          c.sentiment ??= { label: 'neutral', score: 0, confidence: 0 };
          c.risks ??= [];
        }),
    );
}

export function openDb(name = DB_NAME): VigieDb {
  const db = new Dexie(name) as VigieDb;
  defineVersions(db);
  return db;
}

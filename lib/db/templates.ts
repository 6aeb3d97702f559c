/**
 * Templates repository: the only code that reads or writes the templates table. Every write is
 * validated with the template schema; a bad template or file is refused whole, with the reasons.
 */
import { exportCsv, exportJson, importCsv, importJson, type ImportIssue } from '../templates/io';
import { template, type Template } from '../templates/model';
import { starterTemplates, type StarterOptions } from '../templates/starter';
import type { VigieDb } from './schema';

export interface TemplateIssue {
  /** Field path in the template, as "bodies.fr" or "fields.0.key"; "" for the whole template. */
  path: string;
  message: string;
}

export class TemplateError extends Error {
  constructor(readonly issues: TemplateIssue[]) {
    super(issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; '));
  }
}

export type TemplateFormat = 'json' | 'csv';

export type TemplateImport = { ok: true; imported: number; replaced: number } | { ok: false; errors: ImportIssue[] };

/** By folder, then name, as the side panel shows them. */
export async function listTemplates(db: VigieDb): Promise<Template[]> {
  const all = await db.templates.toArray();
  return all.sort((a, b) => a.folder.localeCompare(b.folder) || a.name.localeCompare(b.name));
}

export const getTemplate = (db: VigieDb, id: string) => db.templates.get(id);

/**
 * The templates a brand may use: its own and those shared by every brand (brandId null). With no
 * brand (the page's account selects none), only shared ones: another brand's wording never leaks.
 */
export async function templatesForBrand(db: VigieDb, brandId: string | null): Promise<Template[]> {
  return (await listTemplates(db)).filter((t) => t.brandId === null || t.brandId === brandId);
}

const triggerKey = (t: Pick<Template, 'brandId' | 'trigger'>) => `${t.brandId ?? ''}\u0000${t.trigger!.toLocaleLowerCase()}`;

/** Two templates sharing a trigger would expand unpredictably; shared ones clash with every brand's. */
function clashes(t: Template, others: readonly Template[]): Template | undefined {
  if (!t.trigger) return undefined;
  const key = triggerKey(t);
  return others.find(
    (o) => o.id !== t.id && o.trigger && (triggerKey(o) === key || ((o.brandId === null || t.brandId === null) && o.trigger.toLocaleLowerCase() === t.trigger!.toLocaleLowerCase())),
  );
}

/**
 * Validates and stores a template (new or edited). createdAt and usage are kept from the stored
 * version; updatedAt is `now`. Throws TemplateError with every issue, storing nothing.
 */
export async function saveTemplate(db: VigieDb, input: unknown, now = Date.now()): Promise<Template> {
  const raw = typeof input === 'object' && input !== null ? (input as Record<string, unknown>) : {};
  return db.transaction('rw', db.templates, async () => {
    const stored = typeof raw.id === 'string' ? await db.templates.get(raw.id) : undefined;
    const parsed = template.safeParse({
      ...raw,
      createdAt: stored?.createdAt ?? now,
      updatedAt: now,
      usageCount: stored?.usageCount ?? raw.usageCount ?? 0,
      lastUsedAt: stored?.lastUsedAt ?? raw.lastUsedAt ?? null,
      // A team template stays the team's when edited here; the server decides whether the edit is allowed.
      team: stored?.team,
    });
    if (!parsed.success) throw new TemplateError(parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })));
    const t = parsed.data;
    const other = clashes(t, await db.templates.toArray());
    if (other) throw new TemplateError([{ path: 'trigger', message: `"${t.trigger}" is already the trigger of « ${other.name} »` }]);
    await db.templates.put(t);
    return t;
  });
}

/** A copy under a new id and name, without the trigger (it would clash) and with no usage yet. */
export async function duplicateTemplate(db: VigieDb, id: string, name: string, now = Date.now()): Promise<Template> {
  const source = await db.templates.get(id);
  if (!source) throw new TemplateError([{ path: '', message: `no template "${id}"` }]);
  const { trigger: _trigger, ...rest } = source;
  return saveTemplate(db, { ...rest, id: crypto.randomUUID(), name, usageCount: 0, lastUsedAt: null }, now);
}

export const deleteTemplate = (db: VigieDb, id: string) => db.templates.delete(id);

/** A reply went out with this template: counts for ranking by frequency and recency. */
export async function recordUse(db: VigieDb, id: string, now = Date.now()): Promise<number | undefined> {
  return db.transaction('rw', db.templates, async () => {
    const t = await db.templates.get(id);
    if (!t) return undefined;
    const usageCount = t.usageCount + 1;
    await db.templates.update(id, { usageCount, lastUsedAt: now });
    return usageCount;
  });
}

/**
 * Imports a JSON or CSV file, all or nothing: the file is checked whole (lib/templates/io), then
 * against the stored templates (a trigger already taken by another template), inside one
 * transaction. A template whose id is already stored replaces it, so export then import round-trips.
 */
export async function importTemplates(db: VigieDb, fileText: string, format: TemplateFormat, now = Date.now()): Promise<TemplateImport> {
  const parsed = format === 'json' ? importJson(fileText, { now }) : importCsv(fileText, { now });
  if (!parsed.ok) return parsed;
  return db.transaction('rw', db.templates, async () => {
    const incoming = new Set(parsed.templates.map((t) => t.id));
    const kept = (await db.templates.toArray()).filter((t) => !incoming.has(t.id));
    const errors: ImportIssue[] = [];
    parsed.templates.forEach((t, i) => {
      const other = clashes(t, kept);
      if (other)
        errors.push({ ...(format === 'json' && { row: i + 1 }), column: 'trigger', message: `« ${t.name} »: trigger "${t.trigger}" is already used by the stored template « ${other.name} »` });
    });
    if (errors.length) return { ok: false, errors } as const;
    const replaced = (await db.templates.bulkGet([...incoming])).filter(Boolean).length;
    await db.templates.bulkPut(parsed.templates);
    return { ok: true, imported: parsed.templates.length, replaced } as const;
  });
}

/** The file's text; `ids` limits the export to those templates. */
export async function exportTemplates(db: VigieDb, format: TemplateFormat, ids?: readonly string[]): Promise<string> {
  const all = await listTemplates(db);
  const chosen = ids ? all.filter((t) => ids.includes(t.id)) : all;
  return format === 'json' ? exportJson(chosen) : exportCsv(chosen);
}

export const STARTER_SEEDED = 'templates.starter-seeded';

/**
 * Adds the starter set once: the first call stores the starter templates that are not there yet
 * and leaves a mark in the audit log, so later calls (every install or update, every side panel
 * opening) neither overwrite an edit nor bring back a starter template the team deleted.
 * Returns how many were added.
 */
export async function seedStarterTemplates(db: VigieDb, opts: StarterOptions = {}): Promise<number> {
  const now = opts.now ?? Date.now();
  return db.transaction('rw', db.templates, db.events, async () => {
    if ((await db.events.where('type').equals(STARTER_SEEDED).count()) > 0) return 0;
    const starters = starterTemplates({ ...opts, now });
    const stored = await db.templates.bulkGet(starters.map((t) => t.id));
    const missing = starters.filter((_, i) => !stored[i]);
    await db.templates.bulkAdd(missing);
    await db.events.add({ at: now, type: STARTER_SEEDED, payload: { added: missing.map((t) => t.id) } });
    return missing.length;
  });
}

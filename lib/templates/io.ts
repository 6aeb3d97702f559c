import { z } from 'zod';
import { parseCsv, serializeCsv } from './csv';
import { template, type Template } from './model';
import { platformId } from './platforms';

/**
 * Import and export of template files. Import is all or nothing: a file is checked whole, and
 * either every template comes back valid or the caller gets every error found (row, column, reason)
 * and nothing to store.
 *
 * JSON: { "format": "vigie-templates", "version": 1, "templates": [ ...Template ] }
 *
 * CSV, one row per template, header names (any order):
 *   id              optional: derived from folder and name when blank
 *   name            required
 *   folder          "Service client/Livraison"; blank is the root
 *   tags            separated by "|"
 *   trigger         ";merci"
 *   category        thanks, positive-review, apology, complaint, private-message, delay, refund, holding, info, other
 *   brandId         blank for templates shared by every brand
 *   body_<lang>     one column per language: body_fr, body_en, body_pt-BR ...; at least one
 *   variant_<platform>_<lang>   a platform's own text: variant_x_fr, variant_tiktok_en ...
 *   fields          the custom fields as a JSON array, blank for none
 *   usageCount, lastUsedAt, createdAt, updatedAt   integers (epoch ms); blank: 0, none, import time
 * A row leaves a language blank when the template has no body in it.
 */

export const FORMAT = 'vigie-templates';
export const VERSION = 1;

export interface ImportIssue {
  /** JSON: position of the template in the list (1-based). CSV: spreadsheet row, header = 1. */
  row?: number;
  /** Line of the file, when known. */
  line?: number;
  /** CSV column or JSON field path the problem is in. */
  column?: string;
  message: string;
}

export type ImportResult = { ok: true; templates: Template[] } | { ok: false; errors: ImportIssue[] };

export interface ImportOptions {
  /** Stamped as createdAt/updatedAt on templates that carry none, epoch ms. */
  now: number;
}

function withTimestamps(raw: unknown, now: number): unknown {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return raw;
  const o = raw as Record<string, unknown>;
  const createdAt = o.createdAt ?? now;
  return { ...o, createdAt, updatedAt: o.updatedAt ?? createdAt };
}

/** Same id twice, or two templates of one brand on the same trigger, would clash once stored. */
function crossChecks(items: { row: number; line?: number; t: Template }[]): ImportIssue[] {
  const errors: ImportIssue[] = [];
  const ids = new Map<string, number>();
  const triggers = new Map<string, number>();
  for (const { row, line, t } of items) {
    const firstId = ids.get(t.id);
    if (firstId !== undefined) errors.push({ row, line, column: 'id', message: `id "${t.id}" is already used by row ${firstId}` });
    else ids.set(t.id, row);
    if (t.trigger) {
      const key = `${t.brandId ?? ''}\u0000${t.trigger.toLocaleLowerCase()}`;
      const first = triggers.get(key);
      if (first !== undefined)
        errors.push({ row, line, column: 'trigger', message: `trigger "${t.trigger}" is already used by row ${first}` });
      else triggers.set(key, row);
    }
  }
  return errors;
}

function jsonPath(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`)).join('');
}

/** The line of a JSON syntax error, when the engine's message gives a position or a line. */
function lineOfPosition(text: string, message: string): number | undefined {
  const pos = /position (\d+)/.exec(message);
  if (pos) return text.slice(0, Number(pos[1])).split('\n').length;
  const line = /line (\d+)/.exec(message);
  return line ? Number(line[1]) : undefined;
}

export function exportJson(templates: readonly Template[]): string {
  return JSON.stringify({ format: FORMAT, version: VERSION, templates }, null, 2) + '\n';
}

const envelope = z.object({
  format: z.literal(FORMAT, { message: `not a Vigie templates file (expected "format": "${FORMAT}")` }),
  version: z.number().int(),
  templates: z.array(z.unknown()),
});

export function importJson(text: string, { now }: ImportOptions): ImportResult {
  let data: unknown;
  try {
    data = JSON.parse(text.startsWith('\ufeff') ? text.slice(1) : text);
  } catch (err) {
    const message = (err as Error).message;
    return { ok: false, errors: [{ line: lineOfPosition(text, message), message: `not valid JSON: ${message}` }] };
  }
  if (Array.isArray(data))
    return { ok: false, errors: [{ message: `a bare list: wrap it as {"format": "${FORMAT}", "version": ${VERSION}, "templates": [...]}` }] };
  const env = envelope.safeParse(data);
  if (!env.success)
    return { ok: false, errors: env.error.issues.map((i) => ({ column: jsonPath(i.path) || undefined, message: i.message })) };
  if (env.data.version > VERSION)
    return { ok: false, errors: [{ column: 'version', message: `version ${env.data.version} comes from a newer Vigie; this one reads version ${VERSION}` }] };
  const errors: ImportIssue[] = [];
  const items: { row: number; t: Template }[] = [];
  env.data.templates.forEach((raw, i) => {
    const parsed = template.safeParse(withTimestamps(raw, now));
    if (parsed.success) items.push({ row: i + 1, t: parsed.data });
    else for (const issue of parsed.error.issues) errors.push({ row: i + 1, column: jsonPath(issue.path) || undefined, message: issue.message });
  });
  errors.push(...crossChecks(items));
  return errors.length ? { ok: false, errors } : { ok: true, templates: items.map((x) => x.t) };
}

const SCALAR_COLUMNS = ['id', 'name', 'folder', 'tags', 'trigger', 'category', 'brandId', 'fields', 'usageCount', 'lastUsedAt', 'createdAt', 'updatedAt'] as const;
const INTEGER_COLUMNS = new Set(['usageCount', 'lastUsedAt', 'createdAt', 'updatedAt']);
const LANG = '[a-z]{2,3}(?:-[A-Z]{2})?';
const BODY_COLUMN = new RegExp(`^body_(${LANG})$`);
const VARIANT_COLUMN = new RegExp(`^variant_(${platformId.options.join('|')})_(${LANG})$`);

/** Languages in a stable order: French and English first, as the team reads them. */
function sortLangs(langs: Iterable<string>): string[] {
  const rank = (l: string) => (l === 'fr' ? 0 : l === 'en' ? 1 : 2);
  return [...new Set(langs)].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
}

export function exportCsv(templates: readonly Template[]): string {
  const langs = sortLangs(templates.flatMap((t) => Object.keys(t.bodies)));
  const variants = platformId.options.flatMap((p) =>
    sortLangs(templates.flatMap((t) => Object.keys(t.platformVariants[p] ?? {}))).map((lang) => [p, lang] as const),
  );
  const header = [
    'id', 'name', 'folder', 'tags', 'trigger', 'category', 'brandId',
    ...langs.map((l) => `body_${l}`),
    ...variants.map(([p, l]) => `variant_${p}_${l}`),
    'fields', 'usageCount', 'lastUsedAt', 'createdAt', 'updatedAt',
  ];
  const rows = templates.map((t) => [
    t.id, t.name, t.folder, t.tags.join('|'), t.trigger ?? '', t.category ?? '', t.brandId ?? '',
    ...langs.map((l) => t.bodies[l] ?? ''),
    ...variants.map(([p, l]) => t.platformVariants[p]?.[l] ?? ''),
    t.fields.length ? JSON.stringify(t.fields) : '',
    String(t.usageCount), t.lastUsedAt === null ? '' : String(t.lastUsedAt), String(t.createdAt), String(t.updatedAt),
  ]);
  return serializeCsv([header, ...rows]);
}

function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

type Column =
  | { kind: 'scalar'; name: (typeof SCALAR_COLUMNS)[number] }
  | { kind: 'body'; lang: string }
  | { kind: 'variant'; platform: string; lang: string };

function readHeader(cells: string[]): { columns: Column[] } | { errors: ImportIssue[] } {
  const errors: ImportIssue[] = [];
  const seen = new Set<string>();
  const columns: Column[] = [];
  for (const raw of cells) {
    const name = raw.trim();
    if (seen.has(name)) errors.push({ row: 1, line: 1, column: name, message: `column "${name}" appears twice` });
    seen.add(name);
    const body = BODY_COLUMN.exec(name);
    const variant = VARIANT_COLUMN.exec(name);
    if ((SCALAR_COLUMNS as readonly string[]).includes(name)) columns.push({ kind: 'scalar', name: name as (typeof SCALAR_COLUMNS)[number] });
    else if (body) columns.push({ kind: 'body', lang: body[1]! });
    else if (variant) columns.push({ kind: 'variant', platform: variant[1]!, lang: variant[2]! });
    else
      errors.push({
        row: 1,
        line: 1,
        column: name,
        message: `unknown column "${name}": expected ${SCALAR_COLUMNS.join(', ')}, body_<lang> or variant_<platform>_<lang>`,
      });
  }
  if (!seen.has('name')) errors.push({ row: 1, line: 1, message: 'the header has no "name" column' });
  if (!columns.some((c) => c.kind === 'body')) errors.push({ row: 1, line: 1, message: 'the header has no body column (body_fr, body_en ...)' });
  return errors.length ? { errors } : { columns };
}

/** Maps a schema issue back to the CSV column the user has to fix. */
function csvColumn(path: readonly PropertyKey[]): string {
  const [head, a, b] = path;
  if (head === 'bodies') return a === undefined ? 'body_*' : `body_${String(a)}`;
  if (head === 'platformVariants' && a !== undefined && b !== undefined) return `variant_${String(a)}_${String(b)}`;
  return String(head ?? '');
}

export function importCsv(text: string, { now }: ImportOptions): ImportResult {
  const parsed = parseCsv(text);
  if (!parsed.ok) return { ok: false, errors: parsed.errors };
  const [head, ...records] = parsed.records;
  if (!head) return { ok: false, errors: [{ message: 'the file is empty' }] };
  const header = readHeader(head.cells);
  if ('errors' in header) return { ok: false, errors: header.errors };
  const { columns } = header;
  const errors: ImportIssue[] = [];
  const items: { row: number; line: number; t: Template }[] = [];
  for (const { row, line, cells } of records) {
    const at = { row, line };
    if (cells.length !== columns.length) {
      errors.push({ ...at, message: `${cells.length} fields where the header has ${columns.length}` });
      continue;
    }
    const raw: Record<string, unknown> = {};
    const bodies: Record<string, string> = {};
    const variants: Record<string, Record<string, string>> = {};
    let rowOk = true;
    columns.forEach((col, k) => {
      const cell = cells[k]!;
      if (col.kind === 'body') {
        if (cell.trim()) bodies[col.lang] = cell;
      } else if (col.kind === 'variant') {
        if (cell.trim()) (variants[col.platform] ??= {})[col.lang] = cell;
      } else if (cell.trim() === '') {
        // A blank cell leaves the schema's default.
      } else if (col.name === 'tags') raw.tags = cell.split('|').map((s) => s.trim()).filter(Boolean);
      else if (col.name === 'fields') {
        try {
          raw.fields = JSON.parse(cell);
        } catch {
          errors.push({ ...at, column: 'fields', message: 'not a valid JSON array of fields' });
          rowOk = false;
        }
      } else if (INTEGER_COLUMNS.has(col.name)) {
        if (/^\d+$/.test(cell.trim())) raw[col.name] = Number(cell.trim());
        else {
          errors.push({ ...at, column: col.name, message: `"${cell}" is not a whole number` });
          rowOk = false;
        }
      } else raw[col.name] = cell.trim();
    });
    if (!rowOk) continue;
    raw.bodies = bodies;
    raw.platformVariants = variants;
    if (raw.id === undefined && typeof raw.name === 'string') raw.id = slug(`${String(raw.folder ?? '')} ${raw.name}`) || `row-${row}`;
    const result = template.safeParse(withTimestamps(raw, now));
    if (result.success) items.push({ ...at, t: result.data });
    else for (const issue of result.error.issues) errors.push({ ...at, column: csvColumn(issue.path) || undefined, message: issue.message });
  }
  errors.push(...crossChecks(items));
  return errors.length ? { ok: false, errors } : { ok: true, templates: items.map((x) => x.t) };
}

/** Reads either format, told apart by the first character: JSON files start with "{". */
export function importTemplates(text: string, opts: ImportOptions): ImportResult {
  const start = text.replace(/^\ufeff/, '').trimStart();
  return start.startsWith('{') || start.startsWith('[') ? importJson(text, opts) : importCsv(text, opts);
}

import { z } from 'zod';
import { addBusinessDays, addDays, calendarDay, formatDay, parseIsoDay } from './dates';
import { guessFirstName } from './firstname';
import type { CustomField, Template } from './model';
import { PLATFORM_NAMES, type PlatformId } from './platforms';
import { compile } from './syntax';
import { builtInLabel, businessDaysOf, marker } from './variables';

const text = z.string().max(5_000).optional();

/** The values a render can draw on; every one is optional and a missing one shows as a marker. */
export const renderVars = z.object({
  author: z.object({ name: text, firstName: text, handle: text }).optional(),
  brand: z.object({ name: text }).optional(),
  agent: z.object({ name: text, signature: text }).optional(),
  /** Custom field values by key, as the picker's form collected them (dates as YYYY-MM-DD). */
  fields: z.record(z.string(), z.string().max(5_000)).optional(),
});
export type RenderVars = z.infer<typeof renderVars>;

export interface RenderOptions {
  /** The language to answer in, usually the comment's. */
  lang: string;
  platform?: PlatformId;
  vars?: RenderVars;
  /** Epoch ms for the date variables; defaults to the current time. */
  now?: number;
  /** IANA zone the dates are counted in; defaults to the runtime's. */
  timeZone?: string;
}

export interface RenderResult {
  /** Plain text, to be set as text (never as HTML) in the editor. */
  text: string;
  /** Variables with no value, shown in `text` as a marker like `[prénom]`; in order of appearance. */
  missing: string[];
  /** The language actually used. */
  lang: string;
  /** True when the template has no body in the requested language and `lang` is a fallback. */
  fellBack: boolean;
  /** True when the platform's own variant was used rather than the base body. */
  platformVariant: boolean;
}

export type RenderableTemplate = Pick<Template, 'bodies'> & Partial<Pick<Template, 'platformVariants' | 'fields'>>;

const base = (lang: string) => lang.toLowerCase().split('-')[0]!;

/** The requested language, else the same language in another region, else English, French, the first. */
export function pickLanguage(bodies: Record<string, string>, requested: string): { lang: string; fellBack: boolean } {
  if (requested in bodies) return { lang: requested, fellBack: false };
  const langs = Object.keys(bodies);
  const sameBase = langs.find((l) => base(l) === base(requested));
  if (sameBase) return { lang: sameBase, fellBack: false };
  const fallback = ['en', 'fr'].find((l) => l in bodies) ?? langs[0];
  if (fallback === undefined) throw new RangeError('a template without any body cannot be rendered');
  return { lang: fallback, fellBack: true };
}

// Control characters and bidi overrides in a display name could garble or visually reverse the
// reply around them; line breaks and tabs typed into a custom field are kept.
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/g;

function clean(value: string | undefined): string | null {
  if (value === undefined) return null;
  const v = value.replace(UNSAFE, '').trim();
  return v === '' ? null : v;
}

// A picker renders every suggestion for the same commenter: guess their first name once.
const firstNames = new Map<string, string | null>();

function firstNameOf(name: string | null): string | null {
  if (name === null) return null;
  if (!firstNames.has(name)) {
    if (firstNames.size >= 500) firstNames.clear();
    firstNames.set(name, guessFirstName(name));
  }
  return firstNames.get(name)!;
}

interface Context {
  lang: string;
  opts: RenderOptions;
  fields: Map<string, CustomField>;
}

function resolve(path: string, { lang, opts, fields }: Context): string | null {
  const vars = opts.vars ?? {};
  const today = () => calendarDay(opts.now ?? Date.now(), opts.timeZone);
  switch (path) {
    case 'author.name':
      return clean(vars.author?.name);
    case 'author.firstName':
      return clean(vars.author?.firstName) ?? firstNameOf(clean(vars.author?.name));
    case 'author.handle':
      return clean(vars.author?.handle);
    case 'brand.name':
      return clean(vars.brand?.name);
    case 'agent.name':
      return clean(vars.agent?.name);
    case 'agent.signature':
      return clean(vars.agent?.signature);
    case 'platform':
      return opts.platform ? PLATFORM_NAMES[opts.platform] : null;
    case 'date.today':
      return formatDay(today(), lang);
    case 'date.tomorrow':
      return formatDay(addDays(today(), 1), lang);
  }
  const n = businessDaysOf(path);
  if (n !== null) return formatDay(addBusinessDays(today(), n), lang);
  const field = fields.get(path);
  if (!field) return null;
  const value = clean(vars.fields?.[path]) ?? clean(field.default);
  if (value === null || field.kind !== 'date') return value;
  const day = parseIsoDay(value);
  return day ? formatDay(day, lang) : value;
}

function markerFor(path: string, ctx: Context): string {
  const field = ctx.fields.get(path);
  return marker(field ? field.label : builtInLabel(path, ctx.lang));
}

/**
 * Renders a template for one reply. Never throws on values: whatever they contain is copied as
 * text, and nothing in them is read as template syntax.
 */
export function render(template: RenderableTemplate, opts: RenderOptions): RenderResult {
  const { lang, fellBack } = pickLanguage(template.bodies, opts.lang);
  const variant = opts.platform ? template.platformVariants?.[opts.platform]?.[lang] : undefined;
  const source = variant ?? template.bodies[lang]!;
  const ctx: Context = { lang, opts, fields: new Map((template.fields ?? []).map((f) => [f.key, f])) };
  const missing = new Set<string>();
  let out = '';
  for (const part of compile(source).parts) {
    if (part.kind === 'text') {
      out += part.text;
      continue;
    }
    let value: string | null = null;
    for (const alt of part.alternatives) {
      value = alt.kind === 'literal' ? alt.value : resolve(alt.path, ctx);
      if (value !== null) break;
    }
    if (value === null) {
      // Only paths remain here: a quoted default always has a value.
      const wanted = part.alternatives[0]!;
      const path = wanted.kind === 'var' ? wanted.path : '';
      missing.add(path);
      value = markerFor(path, ctx);
    }
    out += value;
  }
  return { text: out, missing: [...missing], lang, fellBack, platformVariant: variant !== undefined };
}

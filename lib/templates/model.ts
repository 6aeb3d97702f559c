import { z } from 'zod';
import { teamOrigin } from '../team/origin';
import { platformId } from './platforms';
import { compile, variablesOf } from './syntax';
import { isBuiltIn, RESERVED_KEYS } from './variables';

/** ISO 639-1 (or -3) code, optionally with a region: fr, en, pt-BR. */
export const langCode = z.string().regex(/^[a-z]{2,3}(?:-[A-Z]{2})?$/, 'a language code such as fr, en or pt-BR');

export const fieldKind = z.enum(['text', 'choice', 'date']);

/** A value the picker asks the agent for in a small form, then available as `{{key}}`. */
export const customField = z
  .object({
    key: z
      .string()
      .regex(/^[A-Za-z][A-Za-z0-9_]{0,39}$/, 'a field key is a letter then letters, digits or "_" (40 at most)')
      .refine((k) => !RESERVED_KEYS.has(k), { message: 'this key is a built-in variable' }),
    label: z.string().trim().min(1).max(80),
    kind: fieldKind,
    /** For a date field, `YYYY-MM-DD`. */
    default: z.string().max(500).optional(),
    choices: z.array(z.string().min(1).max(200)).max(50).optional(),
  })
  .superRefine((f, ctx) => {
    if (f.kind === 'choice' && (!f.choices || f.choices.length === 0))
      ctx.addIssue({ code: 'custom', path: ['choices'], message: 'a choice field needs at least one choice' });
    if (f.kind !== 'choice' && f.choices)
      ctx.addIssue({ code: 'custom', path: ['choices'], message: `a ${f.kind} field has no choices` });
    if (f.kind === 'choice' && f.default !== undefined && f.choices && !f.choices.includes(f.default))
      ctx.addIssue({ code: 'custom', path: ['default'], message: 'the default is not one of the choices' });
    if (f.kind === 'date' && f.default !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(f.default))
      ctx.addIssue({ code: 'custom', path: ['default'], message: 'a date default is written YYYY-MM-DD' });
  });
export type CustomField = z.infer<typeof customField>;

/** What a template is for; ranking uses it to put apologies first under an angry comment. */
export const templateCategory = z.enum([
  'thanks',
  'positive-review',
  'apology',
  'complaint',
  'private-message',
  'delay',
  'refund',
  'holding',
  'info',
  'other',
]);
export type TemplateCategory = z.infer<typeof templateCategory>;

/** `;merci`: a punctuation mark then a word, so ordinary words never expand by accident. */
export const triggerText = z
  .string()
  .regex(/^[;:!/\\][\p{L}\p{N}_-]{1,31}$/u, 'a trigger is one of ; : ! / \\ then a word without spaces, like ;merci');

const body = z.string().trim().min(1, 'a body cannot be empty').max(20_000);
// Keys checked after the record so a bad one is named with the reason, not "Invalid key in record".
const bodies = z.record(z.string(), body).superRefine((b, ctx) => {
  for (const lang of Object.keys(b))
    if (!langCode.safeParse(lang).success)
      ctx.addIssue({ code: 'custom', path: [lang], message: `"${lang}" is not a language code such as fr, en or pt-BR` });
});

const tag = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[^|]+$/, 'a tag cannot contain "|" (it separates tags in CSV files)');

export const template = z
  .object({
    id: z.string().trim().min(1).max(100),
    brandId: z.string().min(1).nullable().default(null),
    name: z.string().trim().min(1, 'a template needs a name').max(120),
    /** "" is the root; nested folders are written "Livraison/Retards". */
    folder: z.string().trim().max(200).default(''),
    tags: z.array(tag).max(30).default([]),
    trigger: triggerText.optional(),
    bodies: bodies.refine((b) => Object.keys(b).length > 0, 'a template needs a body in at least one language'),
    platformVariants: z.partialRecord(platformId, bodies).default({}),
    fields: z.array(customField).max(20).default([]),
    category: templateCategory.optional(),
    usageCount: z.number().int().min(0).default(0),
    lastUsedAt: z.number().int().min(0).nullable().default(null),
    createdAt: z.number().int().min(0),
    updatedAt: z.number().int().min(0),
    /** Set when the template came from the team workspace. */
    team: teamOrigin.optional(),
  })
  .superRefine((t, ctx) => {
    const keys = new Set<string>();
    t.fields.forEach((f, i) => {
      if (keys.has(f.key)) ctx.addIssue({ code: 'custom', path: ['fields', i, 'key'], message: `field "${f.key}" is declared twice` });
      keys.add(f.key);
    });
    const sources: [path: (string | number)[], text: string][] = [
      ...Object.entries(t.bodies).map(([lang, text]): [string[], string] => [['bodies', lang], text]),
      ...Object.entries(t.platformVariants).flatMap(([platform, byLang]) =>
        Object.entries(byLang ?? {}).map(([lang, text]): [string[], string] => [['platformVariants', platform, lang], text]),
      ),
    ];
    for (const [platform, byLang] of Object.entries(t.platformVariants))
      for (const lang of Object.keys(byLang ?? {}))
        if (!(lang in t.bodies))
          ctx.addIssue({
            code: 'custom',
            path: ['platformVariants', platform, lang],
            message: `a ${platform} variant in "${lang}" needs a base body in "${lang}" for the other platforms`,
          });
    for (const [path, text] of sources) {
      for (const issue of compile(text).issues)
        ctx.addIssue({ code: 'custom', path, message: `at character ${issue.start + 1}: ${issue.message}` });
      for (const name of variablesOf(text))
        if (!isBuiltIn(name) && !keys.has(name))
          ctx.addIssue({ code: 'custom', path, message: `{{${name}}} is neither a built-in variable nor one of the template's fields` });
    }
  });

/** A stored template, defaults filled in. */
export type Template = z.infer<typeof template>;
/** What a caller may hand in: brandId, folder, tags, variants, fields and usage may be left out. */
export type TemplateInput = z.input<typeof template>;

/** The languages a template is written in (variants always have a base body in theirs). */
export function languagesOf(t: Pick<Template, 'bodies'>): string[] {
  return Object.keys(t.bodies);
}

import { z } from 'zod';
import { namedIssues } from './model';
import { defaultPlaybookData } from './default-playbook';

const text = z.object({
  fr: z.string().trim().min(1, 'French text is required').max(1_000),
  en: z.string().trim().min(1, 'English text is required').max(1_000),
});
const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'lowercase letters, digits and dashes only');

export const playbookRole = z.object({
  id: slug,
  name: text,
  /** What the person in this role does during the incident. */
  duty: text,
});

export const playbookStep = z.object({
  id: slug,
  text,
  /** Why the step matters: shown under the checklist item so nobody skips it for lack of a reason. */
  why: text,
  /** The role that usually does it. */
  role: slug.optional(),
});

export const playbook = z
  .object({
    id: slug,
    name: text,
    version: z.number().int().min(1),
    roles: z.array(playbookRole).min(1, 'a playbook names at least one role'),
    steps: z.array(playbookStep).min(1, 'a playbook has at least one step').max(100),
  })
  .superRefine((p, ctx) => {
    const seen = new Set<string>();
    p.steps.forEach((s, i) => {
      if (seen.has(s.id)) ctx.addIssue({ code: 'custom', path: ['steps', i, 'id'], message: `duplicate step id "${s.id}"` });
      seen.add(s.id);
    });
    const roles = new Set<string>();
    p.roles.forEach((r, i) => {
      if (roles.has(r.id)) ctx.addIssue({ code: 'custom', path: ['roles', i, 'id'], message: `duplicate role id "${r.id}"` });
      roles.add(r.id);
    });
    p.steps.forEach((s, i) => {
      if (s.role && !roles.has(s.role)) {
        ctx.addIssue({ code: 'custom', path: ['steps', i, 'role'], message: `unknown role "${s.role}"` });
      }
    });
  });
export type Playbook = z.infer<typeof playbook>;
export type PlaybookStep = z.infer<typeof playbookStep>;

export type PlaybookValidation =
  | { ok: true; playbook: Playbook }
  | { ok: false; errors: { path: string; message: string }[] };

/** Checks a playbook a lead edited; every error names its field, e.g. `steps.2.why.en`. */
export function validatePlaybook(input: unknown): PlaybookValidation {
  const parsed = playbook.safeParse(input);
  return parsed.success ? { ok: true, playbook: parsed.data } : { ok: false, errors: namedIssues(parsed.error) };
}

export const defaultPlaybook: Playbook = playbook.parse(defaultPlaybookData);

import { z } from 'zod';

/** Where a template or pack came from when the team workspace published it, and whether a lead locked it. */
export const teamOrigin = z.object({
  by: z.string(),
  at: z.number(),
  locked: z.boolean(),
  /** Rules of a pack nobody but a lead may pause or ignore. */
  lockedRules: z.array(z.string()).optional(),
});
export type TeamOrigin = z.infer<typeof teamOrigin>;

/**
 * A comment's team state as people read it: who flagged it, who is answering, who answered. Names
 * are the members' display names; the current user's own actions are marked `mine`.
 */
import { z } from 'zod';
import type { MemberRecord, TeamCommentRecord } from './local';

const who = z.object({ name: z.string(), mine: z.boolean(), at: z.number() });

export const teamView = z.object({
  flagged: who.optional(),
  claimed: who.extend({ until: z.number() }).optional(),
  answered: who.optional(),
  aside: who.optional(),
  /** The member's role lets them claim (a moderator flags, a community manager answers). */
  canClaim: z.boolean().optional(),
});
export type TeamView = z.infer<typeof teamView>;

export function viewOf(row: TeamCommentRecord | undefined, members: ReadonlyMap<string, MemberRecord>, me: string, now: number): TeamView {
  if (!row) return {};
  const person = (act: { by: string; at: number }) => ({ name: members.get(act.by)?.displayName ?? act.by, mine: act.by === me, at: act.at });
  const view: TeamView = {};
  if (row.flag) view.flagged = person(row.flag);
  // An expired claim holds nothing: the comment is free again.
  if (row.claim && row.claim.expiresAt > now && !row.answer) view.claimed = { ...person(row.claim), until: row.claim.expiresAt };
  if (row.answer) view.answered = person(row.answer);
  if (row.aside) view.aside = person(row.aside);
  return view;
}

/** Who holds a comment now (answering or answered), for the queue's mine / unassigned filter. */
export function holderOf(row: TeamCommentRecord | undefined, now: number): string | undefined {
  if (!row) return undefined;
  if (row.answer) return row.answer.by;
  if (row.claim && row.claim.expiresAt > now) return row.claim.by;
  return undefined;
}

/** Kept apart from view.ts (zod) because the content script uses it and must not bundle zod. */
import type { TeamView } from './view';

/** The user may take the comment (or release it, when it is theirs): nobody else answers it, and it is not answered or set aside. */
export const claimable = (v: TeamView): boolean => v.canClaim === true && !v.answered && !v.aside && (!v.claimed || v.claimed.mine);

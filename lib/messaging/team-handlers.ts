/** Messages of the team workspace: claims from the pages, connection and publishing from the extension pages. */
import { setStatus } from '../db/comments';
import { logEvent } from '../db/events';
import type { CommentRecord, CommentStatus } from '../db/model';
import type { VigieDb } from '../db/schema';
import type { CommentDocType } from '../team/docs';
import type { TeamService } from '../team/service';
import type { TeamView } from '../team/view';
import { HandlerError, type Handlers } from './handle';

export type TeamHooks = Pick<TeamService, 'act' | 'publish' | 'connect' | 'leave' | 'audit'>;

/** The team document a local status change becomes. */
const statusKinds: Partial<Record<CommentStatus, CommentDocType>> = { flagged: 'flag', replied: 'answer', ignored: 'aside' };

/** A status change for the user and, in a workspace, for the team: used by the pages' and the panels' handlers alike. */
export async function changeStatus(
  deps: { db: VigieDb; now(): number; team?: TeamHooks },
  commentId: string,
  status: CommentStatus,
  from: string | undefined,
): Promise<{ row: CommentRecord; team?: TeamView }> {
  const row = await setStatus(deps.db, commentId, status, deps.now());
  if (!row) throw new HandlerError('not-found', `no comment ${commentId}: it must be seen before it can be flagged`);
  await logEvent(deps.db, `comment.${status}`, { commentId, from }, deps.now());
  const kind = statusKinds[status];
  const team = kind ? await deps.team?.act(kind, row) : undefined;
  return { row, ...(team ? { team } : {}) };
}

export function createTeamHandlers(deps: { db: VigieDb; now(): number; team?: TeamHooks }): Pick<
  Handlers,
  'cs:team-claim' | 'ui:comment-action' | 'ui:team-connect' | 'ui:team-leave' | 'ui:team-publish' | 'ui:team-audit'
> {
  const { db, team } = deps;
  const needTeam = () => {
    if (!team) throw new HandlerError('not-found', 'no team workspace: connect one in the options page');
    return team;
  };
  const claim = async (commentId: string, release: boolean) => {
    const row = await db.comments.get(commentId);
    if (!row) throw new HandlerError('not-found', `no comment ${commentId}: it must be seen before it can be claimed`);
    const view = await needTeam().act('claim', row, { withdraw: release });
    if (!view) throw new HandlerError('not-found', 'no team workspace: connect one in the options page');
    return view;
  };
  return {
    async 'cs:team-claim'({ commentId, release }) {
      return { team: await claim(commentId, release) };
    },
    async 'ui:comment-action'({ commentId, action }) {
      if (action === 'claim' || action === 'release') {
        const view = await claim(commentId, action === 'release');
        const row = (await db.comments.get(commentId))!;
        return { id: row.id, status: row.status, team: view };
      }
      const { row, team: view } = await changeStatus(deps, commentId, action, 'sidepanel');
      return { id: row.id, status: row.status, ...(view ? { team: view } : {}) };
    },
    async 'ui:team-connect'({ invitation, password }) {
      try {
        return await needTeam().connect(invitation, password);
      } catch (e) {
        if (e instanceof HandlerError) throw e;
        throw new HandlerError('bad-request', (e as Error).message);
      }
    },
    async 'ui:team-leave'() {
      await needTeam().leave();
      return { left: true };
    },
    async 'ui:team-audit'() {
      return { csv: await needTeam().audit() };
    },
    async 'ui:team-publish'({ kind, id, locked, lockedRules, withdraw }) {
      const queued = await needTeam().publish(kind, id, { ...(locked !== undefined ? { locked } : {}), ...(lockedRules ? { lockedRules } : {}), ...(withdraw ? { withdraw } : {}) });
      if (!queued) throw new HandlerError('not-found', `no ${kind} ${id} to publish, or no team workspace`);
      return { queued };
    },
  };
}

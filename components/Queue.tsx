import { useLiveQuery } from 'dexie-react-hooks';
import { browser } from 'wxt/browser';
import { useState } from 'react';
import { getDb } from '../lib/db';
import type { CommentRecord } from '../lib/db/model';
import type { Answer } from '../lib/messaging/protocol';
import { can } from '../lib/team/state';
import { claimable } from '../lib/team/claimable';
import { holderOf, viewOf, type TeamView } from '../lib/team/view';
import { dueAt, listQueue, type Targets } from '../lib/db/queue';
import { platformIds, platformNames } from '../lib/platforms/types';
import { CommentRow } from './CommentRow';
import { formatDuration } from './format';
import { useNow, useSetting } from './hooks';
import { useLang, useT } from './i18n';
import { useUi } from './store';
import { useTeam } from './team';

type Holder = 'all' | 'mine' | 'unassigned';

/** Who holds the comment for the team, said as on the page's badge. */
function TeamLine({ view }: { view: TeamView }) {
  const t = useT();
  const lang = useLang();
  const name = (w: { name: string; mine: boolean }) => (w.mine ? t('team.me') : w.name);
  const parts = [
    view.answered && t('team.answeredBy', { name: name(view.answered), time: new Date(view.answered.at).toLocaleTimeString(lang, { hour: '2-digit', minute: '2-digit' }) }),
    view.claimed && (view.claimed.mine ? t('team.claimedByMe') : t('team.claimedBy', { name: view.claimed.name })),
    view.flagged && t('team.flaggedBy', { name: name(view.flagged) }),
  ].filter(Boolean);
  if (parts.length === 0) return null;
  return (
    <p className="team-line" data-testid="queue-team">
      {parts.join(' · ')}
    </p>
  );
}

function Timer({ comment, targets, now }: { comment: CommentRecord; targets: Targets; now: number }) {
  const t = useT();
  const lang = useLang();
  const left = dueAt(comment, targets) - now;
  const late = left <= 0;
  return (
    <span className={`timer${late ? ' late' : ''}`} data-testid="queue-timer" data-overdue={late}>
      {late ? t('queue.overdue', { time: formatDuration(-left, lang) }) : t('queue.due', { time: formatDuration(left, lang) })}
    </span>
  );
}

/** Comments waiting for an answer across platforms, oldest first, each with its time left against the target. */
export function Queue() {
  const t = useT();
  const now = useNow();
  const targets = useSetting('responseTargets');
  const { platformFilter, setPlatformFilter } = useUi();
  const team = useTeam();
  const [holder, setHolder] = useState<Holder>('all');
  const queue = useLiveQuery(() => listQueue(getDb(), 500), []);
  // The team's rows for the comments shown, and the members' names, follow the server live.
  const teamRows = useLiveQuery(async () => {
    if (!team || !queue) return undefined;
    const [rows, members] = await Promise.all([getDb().teamComments.bulkGet(queue.map((c) => c.id)), getDb().members.toArray()]);
    return { rows: new Map(queue.map((c, i) => [c.id, rows[i]])), members: new Map(members.map((m) => [m.name, m])) };
  }, [team?.user, queue]);
  const shown = queue?.filter((c) => {
    if (platformFilter !== 'all' && c.platform !== platformFilter) return false;
    if (!team || holder === 'all') return true;
    const held = holderOf(teamRows?.rows.get(c.id), now);
    return holder === 'mine' ? held === team.user : held === undefined;
  });

  const act = async (c: CommentRecord, action: 'replied' | 'ignored' | 'claim' | 'release') => {
    const answer = (await browser.runtime.sendMessage({ type: 'ui:comment-action', commentId: c.id, action })) as Answer<'ui:comment-action'>;
    if (!answer.ok) alert(answer.error.message);
  };
  const open = (c: CommentRecord) => browser.tabs.create({ url: c.permalink ?? c.threadUrl });

  return (
    <section aria-labelledby="queue-title">
      <h2 id="queue-title">{t('queue.title')}</h2>
      <label htmlFor="queue-platform">{t('queue.platform')}</label>
      <select id="queue-platform" value={platformFilter} onChange={(e) => setPlatformFilter(e.target.value as typeof platformFilter)}>
        <option value="all">{t('common.all')}</option>
        {platformIds.map((p) => (
          <option key={p} value={p}>
            {platformNames[p]}
          </option>
        ))}
      </select>
      {team && (
        <>
          <label htmlFor="queue-holder">{t('queue.holder')}</label>
          <select id="queue-holder" value={holder} onChange={(e) => setHolder(e.target.value as Holder)}>
            <option value="all">{t('queue.holder.all')}</option>
            <option value="mine">{t('queue.holder.mine')}</option>
            <option value="unassigned">{t('queue.holder.unassigned')}</option>
          </select>
        </>
      )}
      {shown?.length === 0 && <p className="empty">{t('queue.empty')}</p>}
      <ul className="comments" data-testid="queue">
        {shown?.map((c) => {
          const view = team && teamRows ? viewOf(teamRows.rows.get(c.id), teamRows.members, team.user, now) : undefined;
          const offer = view && claimable({ ...view, canClaim: can.claim(team?.role) });
          return (
          <CommentRow key={c.id} comment={c}>
            <Timer comment={c} targets={targets} now={now} />
            {view && <TeamLine view={view} />}
            <div className="row-actions">
              {offer && (
                <button type="button" data-action={view?.claimed?.mine ? 'release' : 'claim'} onClick={() => act(c, view?.claimed?.mine ? 'release' : 'claim')}>
                  {t(view?.claimed?.mine ? 'queue.release' : 'queue.claim')}
                </button>
              )}
              <button type="button" onClick={() => open(c)}>
                {t('queue.open')}
              </button>
              <button type="button" onClick={() => act(c, 'replied')}>
                {t('queue.markReplied')}
              </button>
              <button type="button" onClick={() => act(c, 'ignored')}>
                {t('queue.ignore')}
              </button>
            </div>
          </CommentRow>
          );
        })}
      </ul>
    </section>
  );
}

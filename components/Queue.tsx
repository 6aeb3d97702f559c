import { useLiveQuery } from 'dexie-react-hooks';
import { browser } from 'wxt/browser';
import { getDb } from '../lib/db';
import { setStatus } from '../lib/db/comments';
import { logEvent } from '../lib/db/events';
import type { CommentRecord } from '../lib/db/model';
import { dueAt, listQueue, type Targets } from '../lib/db/queue';
import { platformIds, platformNames } from '../lib/platforms/types';
import { CommentRow } from './CommentRow';
import { formatDuration } from './format';
import { useNow, useSetting } from './hooks';
import { useLang, useT } from './i18n';
import { useUi } from './store';

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
  const queue = useLiveQuery(() => listQueue(getDb(), 500), []);
  const shown = queue?.filter((c) => platformFilter === 'all' || c.platform === platformFilter);

  const act = async (c: CommentRecord, status: 'replied' | 'ignored') => {
    await setStatus(getDb(), c.id, status, Date.now());
    await logEvent(getDb(), `comment.${status}`, { commentId: c.id, from: 'sidepanel' });
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
      {shown?.length === 0 && <p className="empty">{t('queue.empty')}</p>}
      <ul className="comments" data-testid="queue">
        {shown?.map((c) => (
          <CommentRow key={c.id} comment={c}>
            <Timer comment={c} targets={targets} now={now} />
            <div className="row-actions">
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
        ))}
      </ul>
    </section>
  );
}

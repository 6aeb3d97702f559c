import { useLiveQuery } from 'dexie-react-hooks';
import { listFlagged } from '../lib/db/comments';
import { getDb } from '../lib/db';
import { CommentRow } from './CommentRow';
import { useT } from './i18n';

/** Flagged comments, live: a flag raised in any tab shows here without reopening. */
export function FlaggedList({ limit = 20 }: { limit?: number }) {
  const t = useT();
  const flagged = useLiveQuery(() => listFlagged(getDb(), limit), [limit]);
  return (
    <section aria-labelledby="flagged-title">
      <h2 id="flagged-title">{t('popup.flagged')}</h2>
      {flagged && flagged.length === 0 && <p className="empty">{t('popup.flaggedEmpty')}</p>}
      <ul className="comments" data-testid="flagged-list">
        {flagged?.map((c) => <CommentRow key={c.id} comment={c} />)}
      </ul>
    </section>
  );
}

import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '../lib/db';
import { todayCounts, type TodayCounts as Counts } from '../lib/db/queue';
import type { MessageKey } from '../lib/i18n';
import { useNow, useSetting } from './hooks';
import { useT } from './i18n';

const items: { key: keyof Counts; label: MessageKey }[] = [
  { key: 'seen', label: 'today.seen' },
  { key: 'negative', label: 'today.negative' },
  { key: 'flagged', label: 'today.flagged' },
  { key: 'answered', label: 'today.answered' },
  { key: 'overdue', label: 'today.overdue' },
];

export function TodayCounts() {
  const t = useT();
  const targets = useSetting('responseTargets');
  // Minute resolution is enough for "overdue", and keeps liveQuery from re-running every render.
  const now = useNow(60_000);
  const counts = useLiveQuery(() => todayCounts(getDb(), now, targets), [now, targets]);
  return (
    <section aria-labelledby="today-title">
      <h2 id="today-title">{t('today.title')}</h2>
      <dl className="counts" data-testid="today-counts">
        {items.map(({ key, label }) => (
          <div key={key} className={`count count-${key}`} data-count={key}>
            <dt>{t(label)}</dt>
            <dd>{counts ? counts[key] : '…'}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '../lib/db';
import { listHealth } from '../lib/db/health';
import type { HealthProblem } from '../lib/db/model';
import { platformNames } from '../lib/platforms/types';
import { formatRelative } from './format';
import { useNow } from './hooks';
import { useLang, useT } from './i18n';

/** How each platform's adapter fared on the last page it saw: a markup change shows here first. */
export function HealthList() {
  const t = useT();
  const lang = useLang();
  const now = useNow();
  const health = useLiveQuery(() => listHealth(getDb()), []);
  return (
    <section aria-labelledby="health-title">
      <h2 id="health-title">{t('health.title')}</h2>
      {health?.length === 0 && <p className="empty">{t('health.empty')}</p>}
      <ul className="health" data-testid="health-list">
        {health?.map((h) => (
          <li key={h.platform} data-platform={h.platform} data-healthy={h.problems.length === 0} data-problems={h.problems.map((p) => p.code).join(" ")}>
            <span aria-hidden="true">{h.problems.length ? '⚠️' : '✅'}</span> <strong>{platformNames[h.platform]}</strong>{' '}
            {h.problems.length ? h.problems.map((p) => problemText(t, p)).join(' · ') : t('health.ok', { comments: h.comments, composers: h.composers })}{' '}
            {h.retries || h.failures ? (
              <span className="transport" data-retries={h.retries ?? 0} data-failures={h.failures ?? 0}>
                {t('health.transport', { retries: h.retries ?? 0, failures: h.failures ?? 0 })}{' '}
              </span>
            ) : null}
            <span className="muted">({t('health.checked', { when: formatRelative(h.checkedAt, now, lang) })})</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function problemText(t: ReturnType<typeof useT>, problem: HealthProblem): string {
  switch (problem.code) {
    case 'no-comments':
      return t('health.no-comments');
    case 'unreadable':
      return t('health.unreadable', { found: problem.found });
    case 'read-failed':
      return t('health.read-failed', { count: problem.count });
  }
}

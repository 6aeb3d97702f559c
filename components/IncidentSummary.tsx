import { useLiveQuery } from 'dexie-react-hooks';
import { isCrisisMode, type Severity } from '../lib/crisis/model';
import { getDb } from '../lib/db';
import { listActiveIncidents } from '../lib/db/incidents';
import { useT } from './i18n';

/** Crisis mode and open incidents by severity, as the popup shows them. */
export function IncidentSummary() {
  const t = useT();
  const incidents = useLiveQuery(() => listActiveIncidents(getDb()), []);
  if (!incidents) return null;
  const crisis = isCrisisMode(incidents);
  const bySeverity = ([4, 3, 2, 1] as Severity[]).map((level) => ({ level, count: incidents.filter((i) => i.severity === level).length })).filter((s) => s.count);
  return (
    <section aria-labelledby="incidents-title">
      <p className={crisis ? 'crisis-banner' : 'calm'} role="status" data-testid="crisis-state" data-crisis={crisis}>
        {crisis ? t('crisis.on', { title: incidents[0]!.title }) : t('crisis.off')}
      </p>
      <h2 id="incidents-title">{t('incidents.title')}</h2>
      {incidents.length === 0 ? (
        <p className="empty">{t('incidents.empty')}</p>
      ) : (
        <ul className="severity-list">
          {bySeverity.map(({ level, count }) => (
            <li key={level} className={`sev sev-${level}`} data-severity={level}>
              {t('incidents.bySeverity', { level, count })}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

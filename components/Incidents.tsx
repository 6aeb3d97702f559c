import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { severityDefinitions, type Incident } from '../lib/crisis/model';
import { getDb } from '../lib/db';
import { listIncidents } from '../lib/db/incidents';
import { formatDuration } from './format';
import { useNow } from './hooks';
import { useLang, useT } from './i18n';
import { IncidentDetail } from './IncidentDetail';
import { IncidentNew } from './IncidentNew';
import './Incidents.css';

/** Being handled first (most severe, then newest), resolved ones after. */
export function sortIncidents(incidents: Incident[]): Incident[] {
  const active = (i: Incident) => (i.status === 'resolved' ? 0 : 1);
  return [...incidents].sort((a, b) => active(b) - active(a) || b.severity - a.severity || b.createdAt.localeCompare(a.createdAt));
}

/** The side panel's incidents tab: the list, one incident's detail, or the form for a new one. */
export function Incidents() {
  const t = useT();
  const lang = useLang();
  const now = useNow();
  const incidents = useLiveQuery(async () => sortIncidents(await listIncidents(getDb())), []);
  const [selected, setSelected] = useState<string>();
  const [creating, setCreating] = useState(false);

  if (creating) return <IncidentNew onDone={(id) => (setCreating(false), id && setSelected(id))} />;
  if (selected) return <IncidentDetail id={selected} onBack={() => setSelected(undefined)} />;
  if (!incidents) return null;
  return (
    <section aria-labelledby="incidents-list-title" data-testid="incidents">
      <div className="inc-head">
        <h2 id="incidents-list-title">{t('inc.list')}</h2>
        <button type="button" className="primary" onClick={() => setCreating(true)}>
          {t('inc.new')}
        </button>
      </div>
      {incidents.length === 0 ? (
        <p className="empty">{t('inc.none')}</p>
      ) : (
        <ul className="inc-list">
          {incidents.map((i) => (
            <li key={i.id} data-incident-id={i.id} className={`inc-item status-${i.status}`}>
              <button type="button" className="inc-open" onClick={() => setSelected(i.id)}>
                <span className={`sev-badge sev-${i.severity}`} title={severityDefinitions[i.severity][lang].definition}>
                  {i.severity}
                </span>
                <span className="inc-title">{i.title}</span>
                <span className="muted">
                  {t(`inc.status.${i.status}`)} · {t('inc.age', { age: formatDuration(now - Date.parse(i.createdAt), lang) })}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

import { useState, type FormEvent } from 'react';
import { category, categoryNames, CrisisInputError, severityDefinitions, type Category, type Severity } from '../lib/crisis/model';
import { getDb } from '../lib/db';
import { escalateToIncident } from '../lib/db/incidents';
import { getSetting } from '../lib/db/settings';
import { incidentChanged, useAgentName } from './IncidentActions';
import { useLang, useT } from './i18n';

/**
 * A lead opens an incident about a subject before (or without) a comment to escalate: a product recall
 * in the news, an outage. An open incident on the same topic takes it instead of a duplicate.
 */
export function IncidentNew({ onDone }: { onDone(id?: string): void }) {
  const t = useT();
  const lang = useLang();
  const by = useAgentName();
  const [topic, setTopic] = useState('');
  const [severity, setSeverity] = useState<Severity>(2);
  const [cat, setCat] = useState<Category>('reputation');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string>();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      const db = getDb();
      const { incident } = await escalateToIncident(
        db,
        { platform: 'manual', topic, severity, category: cat, ...(note.trim() ? { note: note.trim() } : {}), ...(by ? { by } : {}), lang },
        await getSetting(db, 'playbook'),
        new Date(),
      );
      await incidentChanged(incident.id);
      onDone(incident.id);
    } catch (err) {
      setError(err instanceof CrisisInputError ? err.issues.map((i) => `${i.path}: ${i.message}`).join('; ') : (err as Error).message);
    }
  };

  return (
    <form onSubmit={submit} aria-labelledby="inc-new-title" data-testid="incident-new" className="setting">
      <h2 id="inc-new-title">{t('inc.new')}</h2>
      <label htmlFor="inc-new-topic">{t('inc.new.topic')}</label>
      <input id="inc-new-topic" required maxLength={200} value={topic} onChange={(e) => setTopic(e.target.value)} />
      <fieldset>
        <legend>{t('escalate.severity')}</legend>
        {([1, 2, 3, 4] as Severity[]).map((level) => (
          <label key={level} className="sev-choice">
            <input type="radio" name="inc-new-severity" value={level} checked={severity === level} onChange={() => setSeverity(level)} />{' '}
            <strong>
              {level} · {severityDefinitions[level][lang].name}
            </strong>
            <span className="muted"> {severityDefinitions[level][lang].definition}</span>
          </label>
        ))}
      </fieldset>
      <label htmlFor="inc-new-category">{t('escalate.category')}</label>
      <select id="inc-new-category" value={cat} onChange={(e) => setCat(e.target.value as Category)}>
        {category.options.map((c) => (
          <option key={c} value={c}>
            {categoryNames[c][lang]}
          </option>
        ))}
      </select>
      <label htmlFor="inc-new-note">{t('escalate.note')}</label>
      <textarea id="inc-new-note" rows={2} maxLength={5000} value={note} onChange={(e) => setNote(e.target.value)} />
      <div className="row-actions">
        <button type="submit" className="primary">
          {t('inc.new.submit')}
        </button>
        <button type="button" onClick={() => onDone()}>
          {t('common.cancel')}
        </button>
        {error && (
          <span role="alert" className="error-text">
            {error}
          </span>
        )}
      </div>
    </form>
  );
}

import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { browser } from 'wxt/browser';
import { clipTab } from '../lib/background/clipper';
import { getDb } from '../lib/db';
import { listActiveIncidents } from '../lib/db/incidents';
import { incidentChanged } from './IncidentActions';
import { useT } from './i18n';

/** The tab the user is reading: the active tab of the last focused browser window (not the popup itself). */
async function readingTab() {
  const win = await browser.windows.getLastFocused({ windowTypes: ['normal'] });
  const [tab] = await browser.tabs.query({ active: true, windowId: win.id });
  return tab;
}

/** "Clip this page" into one of the incidents being handled: the article's text is kept as evidence. */
export function ClipPage() {
  const t = useT();
  const incidents = useLiveQuery(() => listActiveIncidents(getDb()), []);
  const [choice, setChoice] = useState<string>();
  const [state, setState] = useState<{ ok: boolean; text: string } | { busy: true }>();
  if (!incidents?.length) return null;
  const target = choice && incidents.some((i) => i.id === choice) ? choice : incidents[0]!.id;

  const clip = async () => {
    setState({ busy: true });
    try {
      const tab = await readingTab();
      if (!tab) throw new Error(t('clip.noTab'));
      const stored = await clipTab(getDb(), tab, target, new Date());
      await incidentChanged(target);
      setState({ ok: true, text: t('clip.doneTitle', { title: stored.title }) });
    } catch (err) {
      setState({ ok: false, text: t('clip.failedReason', { reason: (err as Error).message }) });
    }
  };

  return (
    <section aria-labelledby="clip-title" data-testid="clip-page">
      <h2 id="clip-title">{t('clip.title')}</h2>
      <label htmlFor="clip-incident">{t('clip.into')}</label>
      <select id="clip-incident" value={target} onChange={(e) => setChoice(e.target.value)}>
        {incidents.map((i) => (
          <option key={i.id} value={i.id}>
            {i.severity} · {i.title}
          </option>
        ))}
      </select>{' '}
      <button type="button" onClick={clip} disabled={state !== undefined && 'busy' in state}>
        {t('clip.button')}
      </button>
      {state && !('busy' in state) && (
        <p role={state.ok ? 'status' : 'alert'} className={state.ok ? 'muted' : 'error-text'}>
          {state.text}
        </p>
      )}
    </section>
  );
}

import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import '../../components/base.css';
import { formatDuration } from '../../components/format';
import { LangProvider, useLang, useT } from '../../components/i18n';
import { ALERTS_KEY, parseAlerts, type StoredAlert } from '../../lib/background/alerts';
import { categoryNames, severityDefinitions } from '../../lib/crisis/model';
import { summarizeIncident, type IncidentBundle } from '../../lib/crisis/report';
import { getDb } from '../../lib/db';
import { loadBundle } from '../../lib/db/incidents';
import './report.css';

const when = (iso: string | number, lang: string) => new Date(iso).toLocaleString(lang, { dateStyle: 'medium', timeStyle: 'short' });
const safeHref = (url?: string) => (url && /^https?:\/\//.test(url) ? url : undefined);

/** The printable incident report: what happened, the evidence, sentiment over time, response times, the plan. */
function IncidentReport({ bundle }: { bundle: IncidentBundle }) {
  const t = useT();
  const lang = useLang();
  const { incident, comments, clips } = bundle;
  const summary = summarizeIncident(bundle);
  const timeline = [...bundle.timeline].sort((a, b) => a.at.localeCompare(b.at));
  const peak = Math.max(1, ...summary.sentimentOverTime.buckets.map((b) => b.negative + b.neutral + b.positive));
  const end = incident.resolvedAt ? Date.parse(incident.resolvedAt) : Date.now();
  useEffect(() => void (document.title = `${t('report.title')}: ${incident.title}`), [incident.title]);
  return (
    <article className="report" data-testid="incident-report">
      <p className="no-print">
        <button type="button" className="primary" onClick={() => window.print()}>
          {t('report.print')}
        </button>
      </p>
      <h1>
        {t('report.title')}: {incident.title}
      </h1>
      <dl className="facts">
        <dt>{t('escalate.severity')}</dt>
        <dd>
          {incident.severity} · {severityDefinitions[incident.severity][lang].name}
        </dd>
        <dt>{t('escalate.category')}</dt>
        <dd>{categoryNames[incident.category][lang]}</dd>
        <dt>{t('inc.status')}</dt>
        <dd>{t(`inc.status.${incident.status}`)}</dd>
        <dt>{t('inc.owner')}</dt>
        <dd>{incident.owner ?? '—'}</dd>
        <dt>{t('inc.roles')}</dt>
        <dd>{incident.roles.map((r) => `${r.role}: ${r.person}`).join(', ') || '—'}</dd>
        <dt>{t('report.opened')}</dt>
        <dd>{when(incident.createdAt, lang)}</dd>
        {incident.resolvedAt && (
          <>
            <dt>{t('report.resolved')}</dt>
            <dd>{when(incident.resolvedAt, lang)}</dd>
          </>
        )}
        <dt>{t('report.duration')}</dt>
        <dd>{formatDuration(end - Date.parse(incident.createdAt), lang)}</dd>
      </dl>

      <h2>
        {t('inc.checklist')} ({summary.checklist.done}/{summary.checklist.total})
      </h2>
      <table>
        <tbody>
          {incident.checklist.map((c) => (
            <tr key={c.id} data-done={c.done}>
              <td>{c.done ? '☑' : '☐'}</td>
              <td>{c.text}</td>
              <td>{c.done && c.doneAt ? `${when(c.doneAt, lang)}${c.doneBy ? ` · ${c.doneBy}` : ''}` : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2>{t('report.sentiment')}</h2>
      {summary.sentimentOverTime.buckets.length === 0 ? (
        <p className="empty">{t('inc.comments.none')}</p>
      ) : (
        <>
          <div className="bars" role="img" aria-label={t('report.sentiment')}>
            {summary.sentimentOverTime.buckets.map((b) => (
              <div key={b.start} className="bar" title={`${when(b.start, lang)}: ${b.negative} / ${b.neutral} / ${b.positive}`}>
                {(['negative', 'neutral', 'positive'] as const).map((l) => (
                  <span key={l} className={l} style={{ height: `${(b[l] / peak) * 120}px` }} />
                ))}
              </div>
            ))}
          </div>
          <p className="legend">
            {(['negative', 'neutral', 'positive'] as const).map((l) => (
              <span key={l}>
                <i className={`bar-key ${l}`} style={{ background: l === 'negative' ? '#c92a2a' : l === 'neutral' ? '#adb5bd' : '#2f9e44' }} />
                {t(`sentiment.${l}`)}
              </span>
            ))}{' '}
            <span className="muted">{t('report.bucket', { minutes: summary.sentimentOverTime.bucketMinutes })}</span>
          </p>
        </>
      )}

      <h2>{t('report.response')}</h2>
      <dl className="facts" data-testid="report-response">
        <dt>{t('report.answered')}</dt>
        <dd>{summary.responseTimes.answered}</dd>
        <dt>{t('report.unanswered')}</dt>
        <dd>{summary.responseTimes.unanswered}</dd>
        <dt>{t('report.median')}</dt>
        <dd>{summary.responseTimes.medianMinutes === null ? '—' : formatDuration(summary.responseTimes.medianMinutes * 60_000, lang)}</dd>
        <dt>{t('report.max')}</dt>
        <dd>{summary.responseTimes.maxMinutes === null ? '—' : formatDuration(summary.responseTimes.maxMinutes * 60_000, lang)}</dd>
      </dl>

      <h2>{t('inc.comments', { count: comments.length })}</h2>
      <table>
        <tbody>
          {comments.map((c) => (
            <tr key={c.id}>
              <td>{when(c.firstSeenAt, lang)}</td>
              <td>
                {c.platform} · {c.author.name}
                {c.author.handle ? ` ${c.author.handle}` : ''}
              </td>
              <td className="evidence-text">
                {c.text}
                {safeHref(c.permalink) && (
                  <>
                    {' '}
                    <a href={safeHref(c.permalink)}>{t('popup.open')}</a>
                  </>
                )}
              </td>
              <td>{t(`sentiment.${c.sentiment.label}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2>{t('inc.clips', { count: clips.length })}</h2>
      <ul>
        {clips.map((c) => (
          <li key={c.id}>
            <a href={safeHref(c.url)}>{c.title}</a> <span className="muted">{[c.byline, c.publishedAt, when(c.capturedAt, lang)].filter(Boolean).join(' · ')}</span>
            <p className="evidence-text">{c.excerpt}</p>
          </li>
        ))}
      </ul>

      <h2>{t('inc.timeline')}</h2>
      <table data-testid="report-timeline">
        <tbody>
          {timeline.map((e) => (
            <tr key={e.id ?? `${e.at}-${e.kind}`}>
              <td>{when(e.at, lang)}</td>
              <td>{t(`inc.kind.${e.kind}`)}</td>
              <td className="evidence-text">{e.text}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </article>
  );
}

/** A spike alert's evidence, opened from its notification. */
function AlertReport({ id }: { id: string }) {
  const t = useT();
  const lang = useLang();
  const [alert, setAlert] = useState<StoredAlert | null>();
  useEffect(() => {
    void browser.storage.local.get(ALERTS_KEY).then((r) => setAlert(parseAlerts(r[ALERTS_KEY]).find((a) => a.id === id) ?? null));
  }, [id]);
  if (alert === undefined) return null;
  if (alert === null) return <p className="empty report">{t('report.alert.gone')}</p>;
  return (
    <article className="report" data-testid="alert-report">
      <h1>{t('alert.notification.title', { platform: alert.platform })}</h1>
      <p>{alert.reason}</p>
      <p className="muted">
        {when(alert.at, lang)}
        {alert.keyword ? ` · ${alert.keyword}` : ''}
      </p>
      <h2>{t('report.evidence')}</h2>
      <table>
        <tbody>
          {alert.evidence.map((e, k) => (
            <tr key={e.id ?? k}>
              <td>{when(e.at, lang)}</td>
              <td className="evidence-text">{e.text ?? e.id}</td>
              <td>{[t(`sentiment.${e.label as 'negative'}`), ...e.tags].join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </article>
  );
}

function App() {
  const t = useT();
  const params = new URLSearchParams(location.search);
  const incidentId = params.get('incident');
  const alertId = params.get('alert');
  const bundle = useLiveQuery(async () => (incidentId ? loadBundle(getDb(), incidentId).catch(() => null) : null), [incidentId]);
  if (alertId) return <AlertReport id={alertId} />;
  if (bundle === undefined) return null;
  if (bundle === null) return <p className="empty report">{t('inc.gone')}</p>;
  return <IncidentReport bundle={bundle} />;
}

createRoot(document.getElementById('root')!).render(
  <LangProvider>
    <App />
  </LangProvider>,
);

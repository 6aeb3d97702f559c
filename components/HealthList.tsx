import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { browser } from 'wxt/browser';
import { getDb } from '../lib/db';
import { listHealth } from '../lib/db/health';
import type { HealthProblem, HealthRecord } from '../lib/db/model';
import type { PageReport } from '../lib/page/report';
import { uiLabels } from '../lib/platforms/ui-labels';
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
  const [report, setReport] = useState<{ health: HealthRecord; answer: PageReport }>();
  const [reportError, setReportError] = useState<string>();

  // The report is made by the tab that shows the page the row is about, if it is still open.
  const makeReport = async (h: HealthRecord) => {
    setReport(undefined);
    setReportError(undefined);
    const tab = (await browser.tabs.query({})).find((t) => t.url === h.url && t.id !== undefined);
    if (!tab) return setReportError(t('health.report.noTab'));
    try {
      // The report code is injected only now, into the reported tab alone (entrypoints/page-report.ts).
      await browser.scripting.executeScript({ target: { tabId: tab.id! }, files: ['/page-report.js'] });
      const info = { platform: h.platform, extensionVersion: browser.runtime.getManifest().version, found: { comments: h.comments, composers: h.composers, problems: h.problems.map((p) => p.code) } };
      const [frame] = await browser.scripting.executeScript({
        target: { tabId: tab.id! },
        func: (i: typeof info, labels: string[]) => (globalThis as unknown as { vigiePageReport(i: unknown, l: string[]): PageReport }).vigiePageReport(i, labels),
        args: [info, [...(uiLabels[h.platform] ?? [])]],
      });
      const answer = frame?.result as PageReport | undefined;
      if (!answer?.html) throw new Error('no answer');
      setReport({ health: h, answer });
    } catch (err) {
      setReportError(t('health.report.failed', { reason: (err as Error).message }));
    }
  };
  return (
    <section aria-labelledby="health-title">
      <h2 id="health-title">{t('health.title')}</h2>
      {health?.length === 0 && <p className="empty">{t('health.empty')}</p>}
      <ul className="health" data-testid="health-list">
        {health?.map((h) => (
          <li key={h.platform} data-platform={h.platform} data-url={h.url} data-healthy={h.problems.length === 0} data-problems={h.problems.map((p) => p.code).join(" ")}>
            <span aria-hidden="true">{h.problems.length ? '⚠️' : '✅'}</span> <strong>{platformNames[h.platform]}</strong>{' '}
            {h.problems.length ? h.problems.map((p) => problemText(t, p)).join(' · ') : t('health.ok', { comments: h.comments, composers: h.composers })}{' '}
            {h.retries || h.failures ? (
              <span className="transport" data-retries={h.retries ?? 0} data-failures={h.failures ?? 0}>
                {t('health.transport', { retries: h.retries ?? 0, failures: h.failures ?? 0 })}{' '}
              </span>
            ) : null}
            <span className="muted">({t('health.checked', { when: formatRelative(h.checkedAt, now, lang) })})</span>{' '}
            <button type="button" data-action="page-report" onClick={() => void makeReport(h)}>
              {t('health.report')}
            </button>
          </li>
        ))}
      </ul>
      {reportError && (
        <p role="alert" className="error-text">
          {reportError}
        </p>
      )}
      {report && <ReportPreview health={report.health} answer={report.answer} onClose={() => setReport(undefined)} />}
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

/** What the report file holds, shown whole before the user saves it. */
function ReportPreview({ health, answer, onClose }: { health: HealthRecord; answer: PageReport; onClose(): void }) {
  const t = useT();
  const platform = health.platform;
  const save = () => {
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([answer.html], { type: 'text/html' }));
    link.download = `vigie-page-report-${platform}-${new Date().toISOString().slice(0, 10)}.html`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
    onClose();
  };
  return (
    <section aria-labelledby="report-title" data-testid="page-report">
      <h3 id="report-title">{t('health.report.title', { platform: platformNames[platform] })}</h3>
      <p className="muted">{t('health.report.help')}</p>
      <p data-testid="page-report-found">
        <code>{answer.url}</code> · {t('health.report.found', { comments: health.comments, composers: health.composers, size: Math.ceil(answer.html.length / 1024) })}
      </p>
      <pre className="report-preview" tabIndex={0} data-testid="page-report-preview">
        {answer.html}
      </pre>
      <button type="button" className="primary" data-action="save-report" onClick={save}>
        {t('common.save')}
      </button>{' '}
      <button type="button" onClick={onClose}>
        {t('common.cancel')}
      </button>
    </section>
  );
}

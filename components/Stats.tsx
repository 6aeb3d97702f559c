import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import type { Options } from 'uplot';
import { getDb } from '../lib/db';
import { loadStats, statsToCsv, type Stats as StatsData } from '../lib/db/stats';
import { platformIds, platformNames } from '../lib/platforms/types';
import { Chart } from './Chart';
import { saveAsFile } from './files';
import { statsSeries } from './stats-series';
import { formatDuration } from './format';
import { useNow } from './hooks';
import { useLang, useT } from './i18n';
import { useUi } from './store';

export function Stats() {
  const t = useT();
  const lang = useLang();
  const now = useNow(300_000);
  const { statsDays, setStatsDays, platformFilter, setPlatformFilter } = useUi();
  const stats = useLiveQuery(() => loadStats(getDb(), statsDays, now), [statsDays, now]);
  const data = useMemo(() => stats && statsSeries(stats, platformFilter, statsDays, now), [stats, platformFilter, statsDays, now]);
  // The time axis spans the period chosen, whatever days hold data.
  const [xMin, xMax] = data?.xRange ?? [0, 0];
  const scales = useMemo<Options['scales']>(() => ({ x: { time: true, range: (): [number, number] => [xMin, xMax] } }), [xMin, xMax]);
  const sentimentOptions = useMemo<Omit<Options, 'width'>>(
    () => ({
      height: 180,
      scales,
      series: [{}, { label: t('sentiment.negative'), stroke: '#d93025' }, { label: t('sentiment.neutral'), stroke: '#9aa0a6' }, { label: t('sentiment.positive'), stroke: '#1e8e3e' }],
    }),
    [lang, scales],
  );
  const repliesOptions = useMemo<Omit<Options, 'width'>>(() => ({ height: 140, scales, series: [{}, { label: t('stats.replies'), stroke: '#0b57d0', fill: 'rgba(11,87,208,.15)' }] }), [lang, scales]);

  return (
    <section aria-labelledby="stats-title">
      <h2 id="stats-title">{t('stats.title')}</h2>
      <div className="row-actions">
        <label>
          {t('stats.period')}{' '}
          <select value={statsDays} onChange={(e) => setStatsDays(Number(e.target.value))}>
            {[7, 14, 30, 90].map((n) => (
              <option key={n} value={n}>
                {t('stats.days', { n })}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('queue.platform')}{' '}
          <select value={platformFilter} onChange={(e) => setPlatformFilter(e.target.value as typeof platformFilter)}>
            <option value="all">{t('common.all')}</option>
            {platformIds.map((p) => (
              <option key={p} value={p}>
                {platformNames[p]}
              </option>
            ))}
          </select>
        </label>
        <button type="button" disabled={!stats} onClick={() => stats && saveAsFile(`vigie-stats-${statsDays}d.csv`, statsToCsv(stats), 'text/csv')}>
          {t('common.exportCsv')}
        </button>
      </div>
      {!stats || !data ? (
        <p>{t('common.loading')}</p>
      ) : (
        <>
          <p data-testid="stats-total">{t('stats.total', { n: stats.total })}</p>
          <h3>{t('stats.sentiment')}</h3>
          <Chart options={sentimentOptions} data={data.sentiment} label={t('stats.sentiment')} />
          <h3>{t('stats.replies')}</h3>
          <Chart options={repliesOptions} data={data.replies} label={t('stats.replies')} />
          <h3>{t('stats.median')}</h3>
          <p data-testid="stats-median">{stats.medianResponseMinutes === null ? t('stats.noReplies') : formatDuration(stats.medianResponseMinutes * 60_000, lang)}</p>
          <h3>{t('stats.topRisks')}</h3>
          <ol>
            {stats.topRisks.slice(0, 5).map((r) => (
              <li key={r.tag}>
                {t(`risk.${r.tag}`)} : {r.count}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

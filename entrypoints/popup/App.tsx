import { browser } from 'wxt/browser';
import { ClipPage } from '../../components/ClipPage';
import { FlaggedList } from '../../components/FlaggedList';
import { HealthList } from '../../components/HealthList';
import { IncidentSummary } from '../../components/IncidentSummary';
import { TodayCounts } from '../../components/TodayCounts';
import { useT } from '../../components/i18n';
import './popup.css';

export function App() {
  const t = useT();
  const openSidePanel = async () => {
    const win = await browser.windows.getCurrent();
    await browser.sidePanel.open({ windowId: win.id! });
    window.close();
  };
  return (
    <main className="popup">
      <h1>Vigie</h1>
      <IncidentSummary />
      <ClipPage />
      <TodayCounts />
      <nav aria-label={t('actions.title')} className="actions">
        {browser.sidePanel && (
          <button type="button" onClick={openSidePanel}>
            {t('popup.openSidePanel')}
          </button>
        )}
        <button type="button" onClick={() => browser.runtime.openOptionsPage()}>
          {t('actions.options')}
        </button>
      </nav>
      <FlaggedList limit={10} />
      <HealthList />
    </main>
  );
}

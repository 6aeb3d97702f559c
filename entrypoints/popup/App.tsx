import { browser } from 'wxt/browser';
import { ClipPage } from '../../components/ClipPage';
import { FlaggedList } from '../../components/FlaggedList';
import { HealthList } from '../../components/HealthList';
import { IncidentSummary } from '../../components/IncidentSummary';
import { TodayCounts } from '../../components/TodayCounts';
import { TeamState } from '../../components/TeamSettings';
import { useTeam } from '../../components/team';
import { useT } from '../../components/i18n';
import './popup.css';

/** Firefox's sidebar API, which Chrome's types (WXT's) do not describe. */
const sidebar = (browser as unknown as { sidebarAction?: { open(): Promise<void> } }).sidebarAction;

export function App() {
  const t = useT();
  const team = useTeam();
  const openSidePanel = async () => {
    const win = await browser.windows.getCurrent();
    await browser.sidePanel.open({ windowId: win.id! });
    window.close();
  };
  return (
    <main className="popup">
      <h1>Vigie</h1>
      {team && <TeamState team={team} />}
      <IncidentSummary />
      <ClipPage />
      <TodayCounts />
      <nav aria-label={t('actions.title')} className="actions">
        {browser.sidePanel && (
          <button type="button" onClick={openSidePanel}>
            {t('popup.openSidePanel')}
          </button>
        )}
        {/* Firefox: the side panel is the sidebar, which a popup may open from the user's click. */}
        {!browser.sidePanel && sidebar && (
          <button type="button" onClick={() => void sidebar.open().then(() => window.close())}>
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

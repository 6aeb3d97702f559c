import { browser } from 'wxt/browser';
import { FlaggedList } from '../../components/FlaggedList';
import { useT } from '../../components/i18n';
import './popup.css';

export function App() {
  const t = useT();
  const openSidePanel = async () => {
    const win = await browser.windows.getCurrent();
    await browser.sidePanel?.open({ windowId: win.id! });
    window.close();
  };
  return (
    <main className="popup">
      <h1>Vigie</h1>
      {browser.sidePanel && (
        <button type="button" onClick={openSidePanel}>
          {t('popup.openSidePanel')}
        </button>
      )}
      <FlaggedList />
    </main>
  );
}

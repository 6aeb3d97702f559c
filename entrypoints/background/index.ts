import { browser } from 'wxt/browser';
import { publishPageState } from '../../lib/background/page-state';
import { getDb } from '../../lib/db';
import { createDispatcher } from '../../lib/messaging/handle';
import { createHandlers } from '../../lib/messaging/handlers';
import { classify } from '../../lib/sentiment';

export default defineBackground(() => {
  const db = getDb();
  const effects = {
    async commentsSeen() {},
    async incidentChanged() {
      await publishPageState(db);
    },
    async settingsChanged() {
      await publishPageState(db);
    },
  };
  const dispatch = createDispatcher(
    createHandlers({ db, classify, now: Date.now, version: browser.runtime.getManifest().version, effects }),
    browser.runtime.id,
    browser.runtime.getURL('/'),
  );

  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    dispatch(message, sender).then(sendResponse);
    return true;
  });

  browser.runtime.onInstalled.addListener(() => void publishPageState(db));
  browser.runtime.onStartup.addListener(() => void publishPageState(db));
  // Chrome: the toolbar button keeps its popup; the side panel opens from the popup or the menu.
  browser.sidePanel?.setPanelBehavior?.({ openPanelOnActionClick: false }).catch(() => {});
});

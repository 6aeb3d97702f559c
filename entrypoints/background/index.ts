import { browser } from 'wxt/browser';
import { getDb } from '../../lib/db';
import { createDispatcher } from '../../lib/messaging/handle';
import { createHandlers } from '../../lib/messaging/handlers';
import { classify } from '../../lib/sentiment';

export default defineBackground(() => {
  const db = getDb();
  const dispatch = createDispatcher(
    createHandlers({ db, classify, now: Date.now, version: browser.runtime.getManifest().version }),
    browser.runtime.id,
    browser.runtime.getURL('/'),
  );

  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    dispatch(message, sender).then(sendResponse);
    return true;
  });

  // Chrome: the toolbar button keeps its popup; the side panel opens from the popup or the menu.
  browser.sidePanel?.setPanelBehavior?.({ openPanelOnActionClick: false }).catch(() => {});
});

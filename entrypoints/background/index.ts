import { browser } from 'wxt/browser';
import type { ScriptPublicPath } from 'wxt/utils/inject-script';
import { createCommandHandler } from '../../lib/background/commands';
import { startCrisisServices } from '../../lib/background/crisis';
import { injectIntoOpenTabs } from '../../lib/background/inject';
import { publishPageState } from '../../lib/background/page-state';
import { RETENTION_ALARM, runRetention, scheduleRetention } from '../../lib/background/retention';
import type { Incident } from '../../lib/crisis/model';
import { getDb } from '../../lib/db';
import { seedDefaults, seedIfIncomplete } from '../../lib/db/seed';
import { createDispatcher } from '../../lib/messaging/handle';
import { loadInstanceHosts } from '../../lib/platforms/mastodon/hosts';
import { createInstances } from '../../lib/platforms/mastodon/instances';
import { createHandlers } from '../../lib/messaging/handlers';
import { classify } from '../../lib/sentiment';
import { startTeamService } from '../../lib/team/service';
import { createSpellerLoader } from '../../lib/voice/dictionaries/index';
import { browserDictionaries } from '../../lib/voice/dictionaries/browser';
import { browserTaggers } from '../../lib/voice/tagger/browser';
import { createTaggerLoader } from '../../lib/voice/tagger/index';

export default defineBackground(() => {
  const db = getDb();
  const crisis = startCrisisServices(db);
  // The team workspace, when one is joined: its sync wakes with the worker and from its alarm.
  const team = startTeamService({ db, classify, now: Date.now, onIncidents: () => void publishPageState(db) });
  const effects = {
    commentsSeen: crisis.commentsSeen,
    async incidentChanged(incident: Incident, created: boolean) {
      await publishPageState(db);
      await team.publishIncident(incident.id);
      await crisis.incidentChanged(incident, created);
    },
    async settingsChanged() {
      await publishPageState(db);
      await crisis.settingsChanged();
    },
    retryWebhook: (id: string) => crisis.webhooks.retry(id),
  };
  // The built-in voice packs and starter templates again on a start after an install whose seeding
  // the browser cut short (it stops the worker when it likes): messages wait for that, so that the
  // first voice check after such a start has its packs.
  const seeded = seedIfIncomplete(db)
    .then((done) => (done ? publishPageState(db) : undefined))
    .catch((err: unknown) => console.error('[vigie] built-in packs and starter templates not stored', err));
  const dispatch = createDispatcher(
    createHandlers({
      db,
      classify,
      now: Date.now,
      version: browser.runtime.getManifest().version,
      effects,
      team,
      spellers: createSpellerLoader(browserDictionaries),
      taggers: createTaggerLoader(browserTaggers),
    }),
    browser.runtime.id,
    browser.runtime.getURL('/'),
    { ready: () => Promise.all([loadInstanceHosts(), seeded]).then(() => undefined) },
  );
  const mastodon = createInstances(browser);

  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    // An answer on every path: Firefox reports a listener that returned true and never answered as an error in the page.
    dispatch(message, sender).then(sendResponse, (err: unknown) => {
      console.error('[vigie] message failed', err);
      sendResponse({ ok: false, error: { code: 'internal', message: err instanceof Error ? err.message : String(err) } });
    });
    return true;
  });

  // The starter templates and built-in voice packs, once; seedDefaults never overwrites the team's edits.
  browser.runtime.onInstalled.addListener(() => void seedDefaults(db).then(() => publishPageState(db)));
  // Chrome drops scripts registered at run time when the extension updates: register the added
  // instances again, then run the current scripts in the platform tabs already open (Firefox, the
  // Manifest V2 build, does that itself).
  const injectApis = {
    tabs: browser.tabs,
    scripting: {
      // The manifest names its scripts from the package root; WXT types them as its public paths.
      executeScript: ({ target, files }: { target: { tabId: number }; files: string[] }) =>
        browser.scripting.executeScript({ target, files: files.map((f) => `/${f.replace(/^\//, '')}` as ScriptPublicPath) }),
      getRegisteredContentScripts: () => browser.scripting.getRegisteredContentScripts(),
    },
  };
  browser.runtime.onInstalled.addListener(({ reason }) => {
    const reinject = (reason === 'install' || reason === 'update') && browser.runtime.getManifest().manifest_version === 3;
    void mastodon
      .syncInstances()
      .then(() => (reinject ? injectIntoOpenTabs(injectApis, browser.runtime.getManifest().content_scripts ?? []) : undefined))
      .catch((err: unknown) => console.error('[vigie] content scripts not started in open tabs', err));
  });
  browser.runtime.onStartup.addListener(() => void mastodon.syncInstances());

  browser.commands.onCommand.addListener(createCommandHandler(browser.tabs));

  void scheduleRetention(browser.alarms);
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === RETENTION_ALARM) void runRetention(db, Date.now());
  });
  browser.runtime.onStartup.addListener(() => void publishPageState(db));
  // Chrome: the toolbar button keeps its popup; the side panel opens from the popup or the menu.
  browser.sidePanel?.setPanelBehavior?.({ openPanelOnActionClick: false }).catch(() => {});
});

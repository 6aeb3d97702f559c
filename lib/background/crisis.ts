/**
 * The background's crisis services wired to the browser: spike alerts, team webhooks, the clip
 * context menu. Listeners are registered synchronously, as a service worker woken by an alarm,
 * a notification click or a menu click needs them in place before its first task runs.
 */
import { browser } from 'wxt/browser';
import type { Incident } from '../crisis/model';
import type { Alert } from '../crisis/spike';
import { appendTimeline, listActiveIncidents } from '../db/incidents';
import type { CommentRecord } from '../db/model';
import type { VigieDb } from '../db/schema';
import { getSetting } from '../db/settings';
import { detectUiLang, translate, type UiLang } from '../i18n';
import { raiseAlert } from './alerts';
import { clipTab } from './clipper';
import { localStore } from './kv';
import { incidentOfMenuItem, rebuildClipMenu } from './menus';
import { createSpikeWatcher } from './spike';
import { createWebhookQueue, WEBHOOK_ALARM, type Delivery } from './webhooks';

const ALERT_NOTIFICATION = 'vigie-alert:';

async function uiLang(db: VigieDb): Promise<UiLang> {
  const choice = await getSetting(db, 'uiLang');
  return choice === 'auto' ? detectUiLang() : choice;
}

/** The notification icon, drawn once: a red disc with a white "!" (no image file to ship). */
let icon: Promise<string> | undefined;
function notificationIcon(): Promise<string> {
  icon ??= (async () => {
    const canvas = new OffscreenCanvas(96, 96);
    const g = canvas.getContext('2d')!;
    g.fillStyle = '#b3261e';
    g.beginPath();
    g.arc(48, 48, 46, 0, Math.PI * 2);
    g.fill();
    g.fillStyle = '#fff';
    g.fillRect(42, 18, 12, 40);
    g.fillRect(42, 66, 12, 12);
    const blob = await canvas.convertToBlob({ type: 'image/png' });
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let binary = '';
    for (const b of bytes) binary += String.fromCharCode(b);
    return `data:image/png;base64,${btoa(binary)}`;
  })();
  return icon;
}

export const alertPageUrl = (id: string) => browser.runtime.getURL(`/report.html?alert=${encodeURIComponent(id)}`);

export function startCrisisServices(db: VigieDb) {
  const store = localStore();
  const log = (what: string) => (err: unknown) => console.error(`[vigie] ${what} failed`, err);

  const webhooks = createWebhookQueue({
    store,
    fetch: (url, init) => fetch(url, init),
    now: Date.now,
    config: () => getSetting(db, 'webhook'),
    lang: () => uiLang(db),
    async wakeAt(at) {
      if (at === null) await browser.alarms.clear(WEBHOOK_ALARM);
      else await browser.alarms.create(WEBHOOK_ALARM, { when: Math.max(at, Date.now() + 30_000) });
    },
    async onSettled(d: Delivery) {
      if (!d.incidentId) return;
      const lang = await uiLang(db);
      const text = d.status === 'delivered' ? translate(lang, 'webhook.timeline.delivered', { summary: d.summary }) : translate(lang, 'webhook.timeline.failed', { summary: d.summary, error: d.lastError ?? '' });
      await appendTimeline(db, { incidentId: d.incidentId, at: new Date().toISOString(), kind: 'webhook', text });
    },
  });

  const spike = createSpikeWatcher({
    store,
    settings: async () => ({ spike: await getSetting(db, 'spike'), keywords: await getSetting(db, 'trackedKeywords') }),
    async onAlert(alert: Alert) {
      const lang = await uiLang(db);
      await raiseAlert(
        {
          db,
          store,
          title: (a) => translate(lang, 'alert.notification.title', { platform: a.platform }),
          async notify(id, title, message) {
            await browser.notifications
              .create(`${ALERT_NOTIFICATION}${id}`, { type: 'basic', iconUrl: await notificationIcon(), title, message, priority: 2 })
              .catch(log('notification'));
          },
          tellTeam: (a) => void webhooks.notifyAlert(a).catch(log('alert webhook')),
        },
        alert,
      );
    },
  });

  const toast = async (title: string, message: string) =>
    void (await browser.notifications.create({ type: 'basic', iconUrl: await notificationIcon(), title, message: message.slice(0, 300) }).catch(log('notification')));

  const refreshMenu = async () => rebuildClipMenu(await listActiveIncidents(db), await uiLang(db)).catch(log('context menu'));

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === WEBHOOK_ALARM) void webhooks.runDue().catch(log('webhook retry'));
  });
  browser.notifications.onClicked.addListener((id) => {
    if (!id.startsWith(ALERT_NOTIFICATION)) return;
    void browser.tabs.create({ url: alertPageUrl(id.slice(ALERT_NOTIFICATION.length)) });
    void browser.notifications.clear(id);
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    const incidentId = incidentOfMenuItem(info.menuItemId);
    if (!incidentId || !tab) return;
    // The menu has no other way to answer: the outcome comes back as a notification.
    void (async () => {
      const lang = await uiLang(db);
      try {
        const clip = await clipTab(db, tab, incidentId, new Date());
        await toast(translate(lang, 'clip.done'), clip.title);
      } catch (err) {
        await toast(translate(lang, 'clip.failed'), (err as Error).message);
      }
    })().catch(log('clip'));
  });
  browser.runtime.onInstalled.addListener(() => void refreshMenu());
  browser.runtime.onStartup.addListener(() => {
    void refreshMenu();
    void webhooks.runDue().catch(log('webhook queue'));
  });

  return {
    webhooks,
    commentsSeen: (rows: CommentRecord[]) => spike.seen(rows).then(() => undefined),
    async incidentChanged(incident: Incident, created: boolean) {
      await refreshMenu();
      // The team is told in the background: the moderator's page never waits for the webhook.
      void webhooks.notifyIncident(incident, created).catch(log('incident webhook'));
    },
    async settingsChanged() {
      await spike.settingsChanged();
      await refreshMenu();
    },
  };
}

/** Glue between WXT's content-script context and the page runtime, shared by every platform's entry. */
import { browser, type Browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { detectUiLang, type UiLang } from '../i18n';
import type { PingAnswer, TeamStateMessage } from '../messaging/protocol';
import { browserSender } from '../messaging/send';
import type { PlatformAdapter } from '../platforms/types';
import type { PageState } from '../settings/page-state';
import { showCrisisBanner } from './banner';
import { storagePageState } from './page-state';
import { runPage, type PageController } from './runtime';
import { nearViewport } from './near-view';
import { showUpdateNote, UPDATE_NOTE_TAG } from './update-note';

const langOf = (s: PageState): UiLang => (s.uiLang === 'auto' ? detectUiLang() : s.uiLang);

export async function startContentScript(ctx: ContentScriptContext, adapter: PlatformAdapter): Promise<void> {
  let page: PageController | undefined;
  // Listening from the first moment, before the awaits below: the background's ping after an install
  // (lib/background/inject.ts) must find this script even while it starts, or it would run a second copy.
  // The keyboard shortcut is a browser command: the background forwards it to the active tab.
  const onMessage = (message: unknown, sender: Browser.runtime.MessageSender, sendResponse: (answer: PingAnswer) => void) => {
    if (sender.id !== browser.runtime.id) return;
    const type = (message as { type?: string } | null)?.type;
    if (type === 'bg:ping') sendResponse({ alive: true });
    else if (type === 'bg:open-picker') page?.openPicker();
    else if (type === 'bg:team-state') page?.showTeam((message as TeamStateMessage).views);
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
  const state = await storagePageState();
  if (ctx.isInvalid) return;
  // A copy of this script from before an update (run again in open tabs by lib/background/inject.ts)
  // left its badges and its "reload the page" note: this one badges the page afresh.
  for (const el of document.querySelectorAll(`vigie-badge, ${UPDATE_NOTE_TAG}`)) el.remove();
  // The extension was updated or reloaded (no runtime id), not replaced by a newer copy of this script in the same page.
  ctx.onInvalidated(() => {
    if (!browser.runtime?.id) showUpdateNote(document, langOf(state.get()));
  });
  // WXT notices an update only when asked (isValid) and watches navigation without polling: ask once a second.
  ctx.setInterval(() => {}, 1000);
  const { send, stats } = browserSender({
    onStats: () => page?.transportChanged(),
    // A failed send often notices before WXT's once-a-second check does.
    onInvalidated: () => ctx.notifyInvalidated(),
  });
  showCrisisBanner(document, ctx.signal, () => langOf(state.get()), (cb) => state.subscribe(cb, ctx.signal), state.get());
  page = runPage({
    adapter,
    document,
    signal: ctx.signal,
    onLocationChange: (callback) => ctx.addEventListener(window, 'wxt:locationchange', callback),
    send,
    transport: stats,
    lang: langOf(state.get()),
    voiceEnabled: () => !state.get().voice.disabledPlatforms.includes(adapter.id),
    nearView: nearViewport,
  });
}

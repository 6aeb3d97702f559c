/** Glue between WXT's content-script context and the page runtime, shared by every platform's entry. */
import { browser, type Browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { detectUiLang, type UiLang } from '../i18n';
import type { TeamStateMessage } from '../messaging/protocol';
import { send } from '../messaging/send';
import type { PlatformAdapter } from '../platforms/types';
import type { PageState } from '../settings/page-state';
import { showCrisisBanner } from './banner';
import { storagePageState } from './page-state';
import { runPage } from './runtime';

const langOf = (s: PageState): UiLang => (s.uiLang === 'auto' ? detectUiLang() : s.uiLang);

export async function startContentScript(ctx: ContentScriptContext, adapter: PlatformAdapter): Promise<void> {
  const state = await storagePageState();
  if (ctx.isInvalid) return;
  showCrisisBanner(document, ctx.signal, () => langOf(state.get()), (cb) => state.subscribe(cb, ctx.signal), state.get());
  const page = runPage({
    adapter,
    document,
    signal: ctx.signal,
    onLocationChange: (callback) => ctx.addEventListener(window, 'wxt:locationchange', callback),
    send,
    lang: langOf(state.get()),
    voiceEnabled: () => !state.get().voice.disabledPlatforms.includes(adapter.id),
  });
  // The keyboard shortcut is a browser command: the background forwards it to the active tab.
  const onMessage = (message: unknown, sender: Browser.runtime.MessageSender) => {
    if (sender.id !== browser.runtime.id) return;
    const type = (message as { type?: string } | null)?.type;
    if (type === 'bg:open-picker') page.openPicker();
    else if (type === 'bg:team-state') page.showTeam((message as TeamStateMessage).views);
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
}

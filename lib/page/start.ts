/** Glue between WXT's content-script context and the page runtime, shared by every platform's entry. */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { detectUiLang } from '../i18n';
import { send } from '../messaging/send';
import type { PlatformAdapter } from '../platforms/types';
import { runPage } from './runtime';

export function startContentScript(ctx: ContentScriptContext, adapter: PlatformAdapter): void {
  runPage({
    adapter,
    document,
    signal: ctx.signal,
    onLocationChange: (callback) => ctx.addEventListener(window, 'wxt:locationchange', callback),
    send,
    lang: detectUiLang(),
  });
}

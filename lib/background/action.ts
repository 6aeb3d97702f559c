/**
 * The toolbar button: `action` in Manifest V3 (Chrome), `browserAction` in Manifest V2 (Firefox's
 * build). The one place that tells them apart; everything else calls toolbarButton().
 */
import { browser } from 'wxt/browser';

/** The methods both share that the background uses. */
export interface ToolbarButton {
  setBadgeText(details: { text: string }): Promise<void>;
  setBadgeBackgroundColor(details: { color: string }): Promise<void>;
  setTitle(details: { title: string }): Promise<void>;
}

type Apis = { action?: ToolbarButton; browserAction?: ToolbarButton };

export function toolbarButton(api: Apis = browser as unknown as Apis): ToolbarButton {
  const button = api.action ?? api.browserAction;
  if (!button) throw new Error('this browser has neither action nor browserAction');
  return button;
}

/** The content script's view of the page-state mirror the background keeps in browser.storage.local. */
import { browser } from 'wxt/browser';
import { initialPageState, PAGE_STATE_KEY, type PageState } from '../settings/page-state';

export interface PageStateSource {
  get(): PageState;
  subscribe(callback: (state: PageState) => void, signal: AbortSignal): void;
}

export async function storagePageState(): Promise<PageStateSource> {
  let state: PageState = ((await browser.storage.local.get(PAGE_STATE_KEY))[PAGE_STATE_KEY] as PageState | undefined) ?? initialPageState;
  const listeners = new Set<(s: PageState) => void>();
  browser.storage.local.onChanged.addListener((changes) => {
    const change = changes[PAGE_STATE_KEY];
    if (!change) return;
    state = (change.newValue as PageState | undefined) ?? initialPageState;
    listeners.forEach((l) => l(state));
  });
  return {
    get: () => state,
    subscribe(callback, signal) {
      listeners.add(callback);
      signal.addEventListener('abort', () => listeners.delete(callback));
    },
  };
}

import { describe, expect, it } from 'vitest';
import { injectIntoOpenTabs, type ContentScriptEntry, type InjectApis } from '../../../lib/background/inject';

type Tab = {
  id?: number;
  url: string;
  discarded?: boolean;
  /** Chrome's tab status; a loading tab turns complete after `loadsFor` pauses. */
  status?: 'loading' | 'complete' | 'unloaded';
  loadsFor?: number;
  /** A current content script, which answers the ping; `startsAfter` pauses once the page has loaded. */
  live?: boolean;
  startsAfter?: number;
  closesAfter?: number;
};

/**
 * Tabs and the scripting API as Chrome answers them: a query by match patterns, one injection per
 * call, a message to a tab with no current content script rejected ("Could not establish connection").
 * Time passes only in `pause`.
 */
function fakeBrowser(tabs: Tab[], registered: ContentScriptEntry[] = [], failing = new Set<number>()) {
  const injected: { tabId: number; files: string[] }[] = [];
  const pings: number[] = [];
  let now = 0;
  const matches = (pattern: string, url: string) => new RegExp(`^${pattern.replace(/[.?]/g, '\\$&').replace(/\*/g, '.*')}$`).test(url);
  const byId = (id: number) => tabs.find((t) => t.id === id);
  const closed = (t: Tab) => t.closesAfter !== undefined && now >= t.closesAfter;
  const loaded = (t: Tab) => (t.status ?? 'complete') === 'complete' || now >= (t.loadsFor ?? 0);
  const status = (t: Tab) => (t.status === 'unloaded' ? 'unloaded' : loaded(t) ? 'complete' : 'loading');
  const api: InjectApis = {
    tabs: {
      query: async ({ url }) => tabs.filter((t) => url.some((p) => matches(p, t.url))).map((t) => ({ ...t, status: status(t) })),
      async get(id) {
        const tab = byId(id);
        if (!tab || closed(tab)) throw new Error(`No tab with id: ${id}.`);
        return { ...tab, status: status(tab) };
      },
      async sendMessage(id, message) {
        pings.push(id);
        const tab = byId(id)!;
        expect(message).toEqual({ type: 'bg:ping' });
        if (tab.live && loaded(tab) && now >= (tab.loadsFor ?? 0) + (tab.startsAfter ?? 0)) return { alive: true };
        throw new Error('Could not establish connection. Receiving end does not exist.');
      },
    },
    pause: async () => {
      now++;
    },
    scripting: {
      async executeScript({ target, files }) {
        if (failing.has(target.tabId)) throw new Error('Cannot access contents of the page');
        injected.push({ tabId: target.tabId, files });
        return [];
      },
      getRegisteredContentScripts: async () => registered,
    },
  };
  return { api, injected, pings, elapsed: () => now };
}

const declared: ContentScriptEntry[] = [
  { matches: ['https://x.com/*', 'https://twitter.com/*'], js: ['content-scripts/x.js'] },
  { matches: ['https://www.facebook.com/*'], js: ['content-scripts/facebook.js'] },
];

describe('injectIntoOpenTabs (after an install or an update)', () => {
  it('runs each platform script in the open tabs it matches, and nowhere else', async () => {
    const { api, injected } = fakeBrowser([
      { id: 1, url: 'https://x.com/vigie_demo/status/1' },
      { id: 2, url: 'https://www.facebook.com/VigieDemo' },
      { id: 3, url: 'https://example.org/' },
      { id: 4, url: 'https://twitter.com/home' },
    ]);
    expect(await injectIntoOpenTabs(api, declared)).toEqual({ injected: 3, failed: 0, running: 0 });
    expect(injected).toEqual([
      { tabId: 1, files: ['content-scripts/x.js'] },
      { tabId: 4, files: ['content-scripts/x.js'] },
      { tabId: 2, files: ['content-scripts/facebook.js'] },
    ]);
  });

  it('includes the scripts registered at run time for Mastodon instances', async () => {
    const { api, injected } = fakeBrowser([{ id: 9, url: 'https://mastodon.social/@vigie/1' }], [{ matches: ['https://mastodon.social/*'], js: ['content-scripts/mastodon.js'] }]);
    await injectIntoOpenTabs(api, declared);
    expect(injected).toEqual([{ tabId: 9, files: ['content-scripts/mastodon.js'] }]);
  });

  it('leaves discarded tabs to reload by themselves, and counts a tab it could not reach without giving up on the others', async () => {
    const { api, injected } = fakeBrowser(
      [
        { id: 1, url: 'https://x.com/a', discarded: true },
        { id: 2, url: 'https://x.com/b' },
        { id: 3, url: 'https://x.com/c' },
      ],
      [],
      new Set([2]),
    );
    expect(await injectIntoOpenTabs(api, declared)).toEqual({ injected: 1, failed: 1, running: 0 });
    expect(injected.map((i) => i.tabId)).toEqual([3]);
  });

  it('leaves a tab that already runs the current script alone: a page loaded after the install has its declared script', async () => {
    const { api, injected, pings } = fakeBrowser([
      { id: 1, url: 'https://x.com/a', live: true },
      { id: 2, url: 'https://x.com/b' },
    ]);
    expect(await injectIntoOpenTabs(api, declared)).toEqual({ injected: 1, failed: 0, running: 1 });
    expect(injected.map((i) => i.tabId)).toEqual([2]);
    expect(pings.filter((id) => id === 1)).toEqual([1]);
  });

  it('waits for a loading tab: its declared script, which starts after the load, is found and not doubled', async () => {
    const { api, injected, pings } = fakeBrowser([{ id: 1, url: 'https://x.com/a', status: 'loading', loadsFor: 20, live: true, startsAfter: 2 }]);
    expect(await injectIntoOpenTabs(api, declared)).toEqual({ injected: 0, failed: 0, running: 1 });
    expect(injected).toEqual([]);
    expect(pings.length).toBe(23);
  });

  it('runs the script in a loaded tab that never answers (an orphan from before an update), after a few pings', async () => {
    const { api, injected, pings } = fakeBrowser([{ id: 1, url: 'https://x.com/a', status: 'loading', loadsFor: 3 }]);
    expect(await injectIntoOpenTabs(api, declared)).toEqual({ injected: 1, failed: 0, running: 0 });
    expect(injected.map((i) => i.tabId)).toEqual([1]);
    expect(pings.length).toBeLessThanOrEqual(3 + 4);
  });

  it('does not let a slow page hold up the other platforms’ tabs, and leaves a tab not restored yet to load by itself', async () => {
    const { api, injected } = fakeBrowser([
      { id: 1, url: 'https://x.com/a', status: 'loading', loadsFor: 40 },
      { id: 2, url: 'https://www.facebook.com/VigieDemo' },
      { id: 3, url: 'https://x.com/b', status: 'unloaded' },
    ]);
    expect(await injectIntoOpenTabs(api, declared)).toEqual({ injected: 2, failed: 0, running: 0 });
    expect(injected.map((i) => i.tabId)).toEqual([2, 1]);
  });

  it('gives a page that never finishes loading the script after 30 s, and skips a tab closed meanwhile', async () => {
    const { api, injected, elapsed } = fakeBrowser([
      { id: 1, url: 'https://x.com/a', status: 'loading', loadsFor: Infinity },
      { id: 2, url: 'https://x.com/b', status: 'loading', loadsFor: Infinity, closesAfter: 5 },
    ]);
    expect(await injectIntoOpenTabs(api, declared)).toEqual({ injected: 1, failed: 0, running: 0 });
    expect(injected.map((i) => i.tabId)).toEqual([1]);
    expect(elapsed()).toBeLessThanOrEqual(2 * (30_000 / 250 + 1));
  });
});

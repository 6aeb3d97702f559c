import { describe, expect, it } from 'vitest';
import { injectIntoOpenTabs, type ContentScriptEntry, type InjectApis } from '../../../lib/background/inject';

type Tab = { id?: number; url: string; discarded?: boolean };

/** Tabs and the scripting API as Chrome answers them: a query by match patterns, one injection per call. */
function fakeBrowser(tabs: Tab[], registered: ContentScriptEntry[] = [], failing = new Set<number>()) {
  const injected: { tabId: number; files: string[] }[] = [];
  const matches = (pattern: string, url: string) => new RegExp(`^${pattern.replace(/[.?]/g, '\\$&').replace(/\*/g, '.*')}$`).test(url);
  const api: InjectApis = {
    tabs: { query: async ({ url }) => tabs.filter((t) => url.some((p) => matches(p, t.url))) },
    scripting: {
      async executeScript({ target, files }) {
        if (failing.has(target.tabId)) throw new Error('Cannot access contents of the page');
        injected.push({ tabId: target.tabId, files });
        return [];
      },
      getRegisteredContentScripts: async () => registered,
    },
  };
  return { api, injected };
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
    expect(await injectIntoOpenTabs(api, declared)).toEqual({ injected: 3, failed: 0 });
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
    expect(await injectIntoOpenTabs(api, declared)).toEqual({ injected: 1, failed: 1 });
    expect(injected.map((i) => i.tabId)).toEqual([3]);
  });
});

/**
 * The WebExtension API differences between Chrome (Manifest V3) and Firefox's Manifest V2 build that
 * broke the background in Firefox: the toolbar button's namespace, and Firefox's callback-style
 * `chrome` beside its promise-returning `browser`.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { toolbarButton } from '../../../lib/background/action';
import { INSTANCES_KEY, instanceHosts, loadInstanceHosts } from '../../../lib/platforms/mastodon/hosts';

const button = (name: string) => ({ name, setBadgeText: async () => {}, setBadgeBackgroundColor: async () => {}, setTitle: async () => {} });

describe('toolbarButton', () => {
  it('is action in Manifest V3 (Chrome)', () => {
    expect(toolbarButton({ action: button('action') })).toMatchObject({ name: 'action' });
  });
  it('is browserAction in Manifest V2 (Firefox), which has no action', () => {
    expect(toolbarButton({ browserAction: button('browserAction') })).toMatchObject({ name: 'browserAction' });
  });
  it('says so when the browser has neither', () => {
    expect(() => toolbarButton({})).toThrow(/neither action nor browserAction/);
  });
});

type Listener = (changes: Record<string, { newValue?: unknown }>, area: string) => void;

/** storage as Firefox's `browser` has it: promises. */
function promiseStorage(local: Record<string, unknown>, opts: { failFirst?: boolean } = {}) {
  const listeners: Listener[] = [];
  let calls = 0;
  return {
    listeners,
    local: {
      async get(key: string) {
        calls++;
        if (opts.failFirst && calls === 1) throw new Error('storage not ready');
        return key in local ? { [key]: local[key] } : {};
      },
    },
    onChanged: { addListener: (l: Listener) => void listeners.push(l) },
  };
}

/** storage as Firefox's `chrome` has it in Manifest V2: callbacks, and undefined returned. */
const callbackStorage = { local: { get: (_key: string, _cb?: unknown) => undefined }, onChanged: { addListener: () => {} } };

const g = globalThis as { browser?: unknown; chrome?: unknown };
afterEach(() => {
  delete g.browser;
  delete g.chrome;
  instanceHosts.clear();
});

describe('loadInstanceHosts in Firefox', () => {
  it("reads the stored instances through `browser`, not Firefox's callback-style `chrome`", async () => {
    g.chrome = { runtime: { id: 'vigie@vigie.app' }, storage: callbackStorage };
    g.browser = { runtime: { id: 'vigie@vigie.app' }, storage: promiseStorage({ [INSTANCES_KEY]: ['piaille.fr'] }) };
    await loadInstanceHosts();
    expect([...instanceHosts]).toEqual(['piaille.fr']);
  });

  it('uses chrome where there is no browser (Chrome, whose chrome.* return promises)', async () => {
    g.chrome = { runtime: { id: 'abcdefghijklmnop' }, storage: promiseStorage({ [INSTANCES_KEY]: ['mastodon.social'] }) };
    await loadInstanceHosts();
    expect([...instanceHosts]).toEqual(['mastodon.social']);
  });

  it('tries again after a failed read instead of failing every later sender check', async () => {
    const storage = promiseStorage({ [INSTANCES_KEY]: ['piaille.fr'] }, { failFirst: true });
    await expect(loadInstanceHosts(storage)).rejects.toThrow('storage not ready');
    await loadInstanceHosts(storage);
    expect([...instanceHosts]).toEqual(['piaille.fr']);
  });

  it('keeps a change that arrived while the first read was on its way', async () => {
    let release!: () => void;
    const storage = promiseStorage({});
    const get = storage.local.get;
    storage.local.get = async (key) => {
      await new Promise<void>((r) => (release = r));
      return get(key);
    };
    const loading = loadInstanceHosts(storage);
    await Promise.resolve();
    for (const l of storage.listeners) l({ [INSTANCES_KEY]: { newValue: ['piaille.fr'] } }, 'local');
    release();
    await loading;
    expect([...instanceHosts]).toEqual(['piaille.fr']);
  });
});

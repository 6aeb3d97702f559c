/**
 * The Mastodon instances the user added, as a set the adapter's synchronous matches() can consult
 * (the background checks message senders with it). Kept in browser.storage.local by instances.ts;
 * this module only mirrors that list, with no browser import, so the command line can load it.
 */
export const INSTANCES_KEY = 'mastodon.instances';

export const instanceHosts = new Set<string>();

interface StorageLike {
  local: { get(key: string): Promise<Record<string, unknown>> };
  onChanged: { addListener(cb: (changes: Record<string, { newValue?: unknown }>, area: string) => void): void };
}

const hostList = (value: unknown): string[] => (Array.isArray(value) ? value.filter((h): h is string => typeof h === 'string') : []);

function replace(hosts: string[]) {
  instanceHosts.clear();
  for (const h of hosts) instanceHosts.add(h);
}

interface ExtensionGlobals {
  browser?: { runtime?: { id?: string }; storage?: StorageLike };
  chrome?: { runtime?: { id?: string }; storage?: StorageLike };
  location?: { protocol: string };
}

/**
 * The promise-returning storage API, as wxt/browser picks it: Firefox's `browser`; Chrome's `chrome`.
 * Firefox also has a `chrome`, whose methods take callbacks and return undefined.
 */
function extensionApi() {
  const g = globalThis as ExtensionGlobals;
  return g.browser?.runtime?.id ? g.browser : g.chrome;
}

const loading = new WeakMap<StorageLike, Promise<void>>();

/** Fills the set from storage once and follows every later change; the same promise for every caller. */
export function loadInstanceHosts(storage: StorageLike | undefined = extensionApi()?.storage): Promise<void> {
  if (!storage) return Promise.resolve();
  const started = loading.get(storage);
  if (started) return started;
  let follows = false;
  const load = (async () => {
    storage.onChanged.addListener((changes, area) => {
      if (area !== 'local' || !(INSTANCES_KEY in changes)) return;
      follows = true;
      replace(hostList(changes[INSTANCES_KEY]!.newValue));
    });
    const stored = (await storage.local.get(INSTANCES_KEY))?.[INSTANCES_KEY];
    // A change that came in while the read was on its way is newer than what the read returned.
    if (!follows) replace(hostList(stored));
  })();
  loading.set(storage, load);
  // A failed read is tried again by the next caller instead of failing every caller for the worker's life.
  load.catch(() => loading.delete(storage));
  return load;
}

/**
 * In the extension's own pages and service worker, start mirroring as soon as this module loads, so
 * the list is there before a Mastodon tab's first message (web pages and Node have no chrome.storage
 * of ours; content scripts never consult the set).
 */
const extensionContext = () => {
  const api = extensionApi();
  return !!api?.runtime?.id && !!api.storage && !/^https?:$/.test((globalThis as ExtensionGlobals).location?.protocol ?? '');
};
if (extensionContext()) loadInstanceHosts().catch((err: unknown) => console.error('[vigie] Mastodon instances not loaded', err));

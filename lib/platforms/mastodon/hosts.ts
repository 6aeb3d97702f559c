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

const loading = new WeakMap<StorageLike, Promise<void>>();

/** Fills the set from storage once and follows every later change; the same promise for every caller. */
export function loadInstanceHosts(storage: StorageLike | undefined = (globalThis as { chrome?: { storage?: StorageLike } }).chrome?.storage): Promise<void> {
  if (!storage) return Promise.resolve();
  const started = loading.get(storage);
  if (started) return started;
  const load = (async () => {
    storage.onChanged.addListener((changes, area) => {
      if (area === 'local' && INSTANCES_KEY in changes) replace(hostList(changes[INSTANCES_KEY]!.newValue));
    });
    replace(hostList((await storage.local.get(INSTANCES_KEY))[INSTANCES_KEY]));
  })();
  loading.set(storage, load);
  return load;
}

/**
 * In the extension's own pages and service worker, start mirroring as soon as this module loads, so
 * the list is there before a Mastodon tab's first message (web pages and Node have no chrome.storage
 * of ours; content scripts never consult the set).
 */
const extensionContext = () => {
  const g = globalThis as { chrome?: { runtime?: { id?: string }; storage?: unknown }; location?: { protocol: string } };
  return !!g.chrome?.runtime?.id && !!g.chrome.storage && !/^https?:$/.test(g.location?.protocol ?? '');
};
if (extensionContext()) void loadInstanceHosts();

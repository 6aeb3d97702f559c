/**
 * Chrome runs an extension's content scripts only in pages loaded after it was installed or updated:
 * a tab open at that moment keeps the orphaned old script (it shows lib/page/update-note.ts) or, on a
 * first install, has none. The background runs the current scripts in every open tab they match,
 * declared (the platforms) and registered at run time (Mastodon instances) alike; the new script takes
 * the page over from the old one (lib/page/start.ts). Firefox does this itself for declared scripts.
 *
 * A tab that loaded after the install already runs the current script, declared in the manifest:
 * a second copy would take the page over and badge it again, so a tab whose script answers the
 * ping is left alone. A tab still loading is asked again once it has loaded, because its declared
 * script starts only then.
 */
import type { PingAnswer, PingMessage } from '../messaging/protocol';

export interface ContentScriptEntry {
  matches?: string[];
  js?: string[];
}

const PING: PingMessage = { type: 'bg:ping' };

interface TabInfo {
  id?: number;
  discarded?: boolean;
  status?: string;
}

/** The parts of the browser API it needs, so that a unit test can stand in for them. */
export interface InjectApis {
  tabs: {
    query(query: { url: string[] }): Promise<TabInfo[]>;
    get(tabId: number): Promise<TabInfo>;
    sendMessage(tabId: number, message: PingMessage): Promise<unknown>;
  };
  scripting: {
    executeScript(injection: { target: { tabId: number }; files: string[] }): Promise<unknown>;
    getRegisteredContentScripts(): Promise<ContentScriptEntry[]>;
  };
  /** Waits between two pings of a loading tab. */
  pause?(ms: number): Promise<void>;
}

const PING_EVERY_MS = 250;
/** A page that takes longer to load gets the script anyway: it may have started before the install. */
const LOADING_LIMIT_MS = 30_000;
/** Pings after the tab reports "complete": a loaded page's script starts a moment after its load event. */
const PINGS_AFTER_LOAD = 4;

type Outcome = 'injected' | 'failed' | 'running' | 'closed';

export async function injectIntoOpenTabs(api: InjectApis, declared: readonly ContentScriptEntry[]): Promise<{ injected: number; failed: number; running: number }> {
  const scripts = [...declared, ...(await api.scripting.getRegisteredContentScripts())].filter((s) => s.matches?.length && s.js?.length);
  // Every tab at once: one slow page must not hold up the other platforms' tabs.
  const starts = await Promise.all(
    scripts.map(async (script) => {
      // A discarded tab (or one not restored yet) reloads its page, with the current scripts, when the user comes back to it.
      const tabs = (await api.tabs.query({ url: script.matches! })).filter((t) => t.id !== undefined && !t.discarded && t.status !== 'unloaded');
      return Promise.all(tabs.map((t) => startIn(api, t.id!, script.js!)));
    }),
  );
  const tally = { injected: 0, failed: 0, running: 0 };
  for (const o of starts.flat()) if (o !== 'closed') tally[o]++;
  return tally;
}

async function startIn(api: InjectApis, tabId: number, files: string[]): Promise<Outcome> {
  const found = await probe(api, tabId);
  if (found !== 'absent') return found;
  return api.scripting.executeScript({ target: { tabId }, files }).then(
    () => 'injected' as const,
    () => 'failed' as const,
  );
}

async function probe(api: InjectApis, tabId: number): Promise<'running' | 'closed' | 'absent'> {
  const pause = api.pause ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  let pingsLeftAfterLoad = PINGS_AFTER_LOAD;
  for (let waited = 0; waited <= LOADING_LIMIT_MS; waited += PING_EVERY_MS) {
    // An orphaned script from before an update cannot receive messages: only a current one answers.
    const answer = await api.tabs.sendMessage(tabId, PING).catch(() => undefined);
    if ((answer as PingAnswer | undefined)?.alive === true) return 'running';
    const tab = await api.tabs.get(tabId).catch(() => undefined);
    if (!tab) return 'closed';
    if (tab.status !== 'loading' && --pingsLeftAfterLoad <= 0) return 'absent';
    await pause(PING_EVERY_MS);
  }
  return 'absent';
}

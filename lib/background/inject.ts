/**
 * Chrome runs an extension's content scripts only in pages loaded after it was installed or updated:
 * a tab open at that moment keeps the orphaned old script (it shows lib/page/update-note.ts) or, on a
 * first install, has none. The background runs the current scripts in every open tab they match,
 * declared (the platforms) and registered at run time (Mastodon instances) alike; the new script takes
 * the page over from the old one (lib/page/start.ts). Firefox does this itself for declared scripts.
 */

export interface ContentScriptEntry {
  matches?: string[];
  js?: string[];
}

/** The parts of the browser API it needs, so that a unit test can stand in for them. */
export interface InjectApis {
  tabs: { query(query: { url: string[] }): Promise<{ id?: number; discarded?: boolean }[]> };
  scripting: {
    executeScript(injection: { target: { tabId: number }; files: string[] }): Promise<unknown>;
    getRegisteredContentScripts(): Promise<ContentScriptEntry[]>;
  };
}

export async function injectIntoOpenTabs(api: InjectApis, declared: readonly ContentScriptEntry[]): Promise<{ injected: number; failed: number }> {
  const scripts = [...declared, ...(await api.scripting.getRegisteredContentScripts())].filter((s) => s.matches?.length && s.js?.length);
  let injected = 0;
  let failed = 0;
  for (const script of scripts) {
    // A discarded tab reloads its page, with the current scripts, when the user comes back to it.
    const tabs = (await api.tabs.query({ url: script.matches! })).filter((t) => t.id !== undefined && !t.discarded);
    const results = await Promise.allSettled(tabs.map((t) => api.scripting.executeScript({ target: { tabId: t.id! }, files: script.js! })));
    for (const r of results) r.status === 'fulfilled' ? injected++ : failed++;
  }
  return { injected, failed };
}

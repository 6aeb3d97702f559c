/**
 * Mastodon instances the user adds from an extension page. A content script cannot be listed in
 * the manifest for every Mastodon domain, so for each instance: its host permission is requested
 * (optional_host_permissions covers https://*\/*), the built mastodon content script is registered
 * for it at run time, and the host is stored so the background accepts that tab's messages.
 */
import { INSTANCES_KEY } from './hosts';
import { instancePattern, normalizeHost } from './routes';

/** WXT's output for entrypoints/mastodon.content.ts (registration: 'runtime'). */
export const CONTENT_SCRIPT_FILE = 'content-scripts/mastodon.js';
const SCRIPT_PREFIX = 'mastodon-';

/** The parts of the WebExtension API this module uses (browser from wxt/browser in the extension). */
export interface InstanceApi {
  permissions: {
    request(p: { origins: string[] }): Promise<boolean>;
    contains(p: { origins: string[] }): Promise<boolean>;
    remove(p: { origins: string[] }): Promise<boolean>;
  };
  scripting: {
    registerContentScripts(scripts: { id: string; matches: string[]; js: string[]; runAt: 'document_idle'; persistAcrossSessions: boolean }[]): Promise<unknown>;
    unregisterContentScripts(filter: { ids: string[] }): Promise<unknown>;
    getRegisteredContentScripts(filter?: { ids?: string[] }): Promise<{ id: string }[]>;
  };
  storage: { local: { get(key: string): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> } };
}

export type AddResult = { ok: true; host: string } | { ok: false; reason: 'invalid-host' | 'permission-denied'; message: string };

export interface Instance {
  host: string;
  /** The host permission is still granted (the user can revoke it in the browser's settings). */
  granted: boolean;
  /** The content script is registered for it. */
  registered: boolean;
}

const scriptId = (host: string) => SCRIPT_PREFIX + host;

async function stored(api: InstanceApi): Promise<string[]> {
  const value = (await api.storage.local.get(INSTANCES_KEY))[INSTANCES_KEY];
  return Array.isArray(value) ? value.filter((h): h is string => typeof h === 'string') : [];
}

async function register(api: InstanceApi, host: string): Promise<void> {
  const id = scriptId(host);
  if ((await api.scripting.getRegisteredContentScripts({ ids: [id] })).length) return;
  await api.scripting.registerContentScripts([{ id, matches: [instancePattern(host)], js: [CONTENT_SCRIPT_FILE], runAt: 'document_idle', persistAcrossSessions: true }]);
}

export function createInstances(api: InstanceApi) {
  return {
    /** Must run from a user gesture in an extension page: the browser asks the user for the host. */
    async addInstance(input: string): Promise<AddResult> {
      const host = normalizeHost(input);
      if (!host) return { ok: false, reason: 'invalid-host', message: `"${input.slice(0, 100)}" is not a host name such as mastodon.social` };
      if (!(await api.permissions.request({ origins: [instancePattern(host)] }))) {
        return { ok: false, reason: 'permission-denied', message: `access to ${host} was not granted` };
      }
      await register(api, host);
      const hosts = await stored(api);
      if (!hosts.includes(host)) await api.storage.local.set({ [INSTANCES_KEY]: [...hosts, host].sort() });
      return { ok: true, host };
    },

    async removeInstance(input: string): Promise<void> {
      const host = normalizeHost(input);
      if (!host) return;
      const id = scriptId(host);
      if ((await api.scripting.getRegisteredContentScripts({ ids: [id] })).length) await api.scripting.unregisterContentScripts({ ids: [id] });
      await api.storage.local.set({ [INSTANCES_KEY]: (await stored(api)).filter((h) => h !== host) });
      await api.permissions.remove({ origins: [instancePattern(host)] });
    },

    async listInstances(): Promise<Instance[]> {
      const registered = new Set((await api.scripting.getRegisteredContentScripts()).map((s) => s.id));
      return Promise.all(
        (await stored(api)).map(async (host) => ({
          host,
          granted: await api.permissions.contains({ origins: [instancePattern(host)] }),
          registered: registered.has(scriptId(host)),
        })),
      );
    },

    /**
     * Brings registrations in line with the stored list and the granted permissions: Chrome keeps
     * registered scripts across restarts but drops them when the extension updates, and the user
     * may revoke a host in the browser's settings. For the background's onStartup and onInstalled.
     */
    async syncInstances(): Promise<Instance[]> {
      const hosts = await stored(api);
      const existing = (await api.scripting.getRegisteredContentScripts()).map((s) => s.id).filter((id) => id.startsWith(SCRIPT_PREFIX));
      const stale = existing.filter((id) => !hosts.includes(id.slice(SCRIPT_PREFIX.length)));
      if (stale.length) await api.scripting.unregisterContentScripts({ ids: stale });
      for (const host of hosts) {
        const granted = await api.permissions.contains({ origins: [instancePattern(host)] });
        if (granted) await register(api, host);
        else if (existing.includes(scriptId(host))) await api.scripting.unregisterContentScripts({ ids: [scriptId(host)] });
      }
      return this.listInstances();
    },
  };
}

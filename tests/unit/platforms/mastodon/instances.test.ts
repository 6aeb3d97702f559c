import { describe, expect, it } from 'vitest';
import { INSTANCES_KEY, instanceHosts, loadInstanceHosts } from '../../../../lib/platforms/mastodon/hosts';
import { CONTENT_SCRIPT_FILE, createInstances, type InstanceApi } from '../../../../lib/platforms/mastodon/instances';

/** The browser as far as instances.ts sees it: permissions the user grants or refuses, registered scripts, storage. */
function fakeBrowser(opts: { grant: boolean }) {
  const granted = new Set<string>();
  const scripts = new Map<string, { id: string; matches: string[]; js: string[] }>();
  const local: Record<string, unknown> = {};
  const listeners: ((changes: Record<string, { newValue?: unknown }>, area: string) => void)[] = [];
  const api: InstanceApi = {
    permissions: {
      request: async ({ origins }) => (opts.grant ? (origins.forEach((o) => granted.add(o)), true) : false),
      contains: async ({ origins }) => origins.every((o) => granted.has(o)),
      remove: async ({ origins }) => (origins.forEach((o) => granted.delete(o)), true),
    },
    scripting: {
      registerContentScripts: async (list) => {
        for (const s of list) {
          if (scripts.has(s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
          scripts.set(s.id, s);
        }
      },
      unregisterContentScripts: async ({ ids }) => ids.forEach((id) => scripts.delete(id)),
      getRegisteredContentScripts: async (filter) => Array.from(scripts.values()).filter((s) => !filter?.ids || filter.ids.includes(s.id)),
    },
    storage: {
      local: {
        get: async (key) => (key in local ? { [key]: local[key] } : {}),
        set: async (items) => {
          Object.assign(local, items);
          for (const l of listeners) l(Object.fromEntries(Object.entries(items).map(([k, v]) => [k, { newValue: v }])), 'local');
        },
      },
    },
  };
  const storage = { local: api.storage.local, onChanged: { addListener: (l: (typeof listeners)[number]) => listeners.push(l) } };
  return { api, granted, scripts, local, storage };
}

describe('mastodon instances', () => {
  it('adds an instance: permission for its host, the content script registered for it, the host stored and mirrored', async () => {
    const b = fakeBrowser({ grant: true });
    await loadInstanceHosts(b.storage);
    const instances = createInstances(b.api);
    expect(await instances.addInstance('https://Piaille.fr/@vigie')).toEqual({ ok: true, host: 'piaille.fr' });
    expect(b.granted).toEqual(new Set(['https://piaille.fr/*']));
    expect(b.scripts.get('mastodon-piaille.fr')).toMatchObject({ matches: ['https://piaille.fr/*'], js: [CONTENT_SCRIPT_FILE] });
    expect(b.local[INSTANCES_KEY]).toEqual(['piaille.fr']);
    expect(instanceHosts.has('piaille.fr')).toBe(true);
    // Adding it twice changes nothing and does not throw on the existing registration.
    expect(await instances.addInstance('piaille.fr')).toEqual({ ok: true, host: 'piaille.fr' });
    expect(await instances.listInstances()).toEqual([{ host: 'piaille.fr', granted: true, registered: true }]);

    await instances.removeInstance('piaille.fr');
    expect(b.scripts.size).toBe(0);
    expect(b.granted.size).toBe(0);
    expect(await instances.listInstances()).toEqual([]);
    expect(instanceHosts.has('piaille.fr')).toBe(false);
  });

  it('stores nothing when the user refuses the permission or the host is not one', async () => {
    const b = fakeBrowser({ grant: false });
    const instances = createInstances(b.api);
    expect(await instances.addInstance('mastodon.social')).toMatchObject({ ok: false, reason: 'permission-denied' });
    expect(await instances.addInstance('https://*/*')).toMatchObject({ ok: false, reason: 'invalid-host' });
    expect(b.scripts.size).toBe(0);
    expect(b.local[INSTANCES_KEY]).toBeUndefined();
  });

  it('sync re-registers granted instances after an update and drops revoked or unknown ones', async () => {
    const b = fakeBrowser({ grant: true });
    const instances = createInstances(b.api);
    await instances.addInstance('mastodon.social');
    await instances.addInstance('piaille.fr');
    b.scripts.clear(); // an extension update clears dynamic registrations
    b.granted.delete('https://piaille.fr/*'); // the user revoked one host in the browser
    b.scripts.set('mastodon-gone.example', { id: 'mastodon-gone.example', matches: ['https://gone.example/*'], js: [CONTENT_SCRIPT_FILE] });
    expect(await instances.syncInstances()).toEqual([
      { host: 'mastodon.social', granted: true, registered: true },
      { host: 'piaille.fr', granted: false, registered: false },
    ]);
    expect(Array.from(b.scripts.keys())).toEqual(['mastodon-mastodon.social']);
  });
});

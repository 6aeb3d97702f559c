import { defineConfig } from 'wxt';
import type { Plugin } from 'vite';
import { OPEN_PICKER_COMMAND } from './lib/background/commands';
import { dictionaryAssets } from './lib/voice/dictionaries/files';
import { taggerAssets } from './lib/voice/tagger/node';

// Webhook hosts and Mastodon instances, asked for when the user adds one; plain http on this machine only, for local receivers.
const OPTIONAL_HOSTS = ['https://*/*', 'http://127.0.0.1/*', 'http://localhost/*'];

/**
 * No eval in the extension: its pages forbid it by their content security policy (script-src 'self',
 * no 'unsafe-eval'), and addons-linter (ours, and the one addons.mozilla.org runs on upload) reports
 * every Function constructor. What could only throw there is taken out of the bundle:
 * - zod: jitless from the moment its config object exists, so no schema ever compiles itself with
 *   `new Function`; its JIT probe (`new F("")`), then never called, becomes `false`. Done here
 *   rather than by z.config({ jitless: true }) imported first in each entrypoint: rolldown does not
 *   keep that order for modules it deems pure, and zod's schema builders are annotated pure (the
 *   settings schemas were built before such a call).
 * - core-js 2 polyfills that twitter-text imports for ES2015 features (Array.prototype.reduce,
 *   iterators, RegExp#match...): every browser WXT builds for has them natively, and their global
 *   shim finds the global object with `Function('return this')()`. Replaced by an empty module.
 * - PouchDB's scopeEval, which runs design-document functions given as strings (a filter or view
 *   named 'ddoc/name' run on the client): the team sync uses none, and the CSP refuses them anyway;
 *   it now throws saying so.
 * Each patch fails the build when the code it expects is not found, so that an update of one of
 * these packages cannot make it silently stop working.
 */
const PATCHES: { pkg: string; module: RegExp; find: RegExp; replace: string }[] = [
  {
    pkg: '/node_modules/zod/',
    module: /\/node_modules\/zod\/v4\/core\/core\.js$/,
    find: /^export const globalConfig = globalThis\.__zod_globalConfig;$/m,
    replace: '$&\nglobalConfig.jitless = true;',
  },
  {
    pkg: '/node_modules/zod/',
    module: /\/node_modules\/zod\/v4\/core\/util\.js$/,
    find: /try \{\s*const F = Function;\s*new F\(""\);\s*return true;\s*\}\s*catch \(_\) \{\s*return false;\s*\}/,
    replace: 'return false;',
  },
  {
    pkg: '/node_modules/pouchdb-browser/',
    module: /\/node_modules\/pouchdb-browser\/lib\/index\.es\.js$/,
    find: /return Function\.apply\(null, keys\)\.apply\(null, values\);/,
    replace: "throw new Error('PouchDB: design-document functions given as strings cannot run in the extension (its content security policy forbids eval)');",
  },
];

function noEvalInBundle(): Plugin {
  const EMPTY = '\0vigie:native-polyfill';
  const patched = new Set<RegExp>();
  const packages = new Set<string>();
  return {
    name: 'vigie:no-eval-in-bundle',
    enforce: 'pre',
    buildStart() {
      patched.clear();
      packages.clear();
    },
    resolveId(id, importer) {
      if (/^core-js\/modules\/[\w.-]+$/.test(id) && importer?.includes('/node_modules/twitter-text/')) return EMPTY;
      return null;
    },
    load(id) {
      return id === EMPTY ? 'export {};' : null;
    },
    transform(code, id) {
      for (const p of PATCHES) if (id.includes(p.pkg)) packages.add(p.pkg);
      const patch = PATCHES.find((p) => p.module.test(id));
      if (!patch) return null;
      if (!patch.find.test(code)) this.error(`${id}: ${patch.find} not found; update PATCHES in wxt.config.ts`);
      patched.add(patch.module);
      return { code: code.replace(patch.find, patch.replace), map: null };
    },
    buildEnd(error) {
      // A package that is bundled but whose file was never seen (it moved in an update) keeps its eval.
      const missed = PATCHES.filter((p) => packages.has(p.pkg) && !patched.has(p.module));
      if (!error && missed.length) this.error(`bundled but not patched: ${missed.map((p) => p.module).join(', ')}; update PATCHES in wxt.config.ts`);
    },
  };
}

export default defineConfig({
  // Parallel builds (several engineers, or a test beside a demo) each get their own output directory.
  outDir: process.env.WXT_OUT_DIR ?? '.output',
  modules: ['@wxt-dev/module-react'],
  vite: () => ({ plugins: [noEvalInBundle()] }),
  hooks: {
    // The spelling dictionaries and the tagger's data, as files the background fetches on first need
    // (lib/voice/dictionaries/files.ts, lib/voice/tagger/files.ts).
    'build:publicAssets': (wxt, files) => void files.push(...dictionaryAssets(wxt.config.root), ...taggerAssets()),
    // Host access to exactly the hosts the content scripts match (the same sites the install prompt
    // already names, so no new warning): Chrome's background runs the current content scripts in the
    // tabs already open after an install or update (lib/background/inject.ts), and the popup's page
    // report is injected into the tab it reports on (components/HealthList.tsx).
    'build:manifestGenerated': (_wxt, manifest) => {
      const hosts = [...new Set((manifest.content_scripts ?? []).flatMap((s) => s.matches ?? []))].sort();
      if (manifest.manifest_version === 3) manifest.host_permissions = hosts;
      else manifest.permissions = [...(manifest.permissions ?? []), ...hosts];
    },
  },
  manifest: ({ browser, manifestVersion }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'fr',
    permissions: ['storage', 'notifications', 'contextMenus', 'activeTab', 'scripting', 'alarms', ...(browser === 'firefox' ? [] : ['sidePanel'])],
    // Manifest V2 (Firefox's build) has no optional_host_permissions: origins go with the optional permissions.
    ...(manifestVersion === 2 ? { optional_permissions: OPTIONAL_HOSTS } : { optional_host_permissions: OPTIONAL_HOSTS }),
    action: { default_title: 'Vigie' },
    commands: {
      [OPEN_PICKER_COMMAND]: {
        suggested_key: { default: 'Alt+Shift+M' },
        description: '__MSG_commandTemplates__',
      },
    },
    ...(browser === 'firefox'
      ? {
          sidebar_action: { default_panel: 'sidepanel.html', default_title: 'Vigie' },
          // Nothing leaves the browser unless the user sets up a team webhook.
          browser_specific_settings: { gecko: { id: 'vigie@vigie.app', data_collection_permissions: { required: ['none'] } } },
        }
      : { side_panel: { default_path: 'sidepanel.html' } }),
  }),
});

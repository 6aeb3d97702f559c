import { defineConfig } from 'wxt';

export default defineConfig({
  // Parallel builds (several engineers, or a test beside a demo) each get their own output directory.
  outDir: process.env.WXT_OUT_DIR ?? '.output',
  modules: ['@wxt-dev/module-react'],
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'fr',
    permissions: ['storage', 'notifications', 'contextMenus', 'activeTab', 'scripting', 'alarms', ...(browser === 'firefox' ? [] : ['sidePanel'])],
    // Webhook hosts, asked for when the webhook is saved; plain http on this machine only, for local receivers.
    optional_host_permissions: ['https://*/*', 'http://127.0.0.1/*', 'http://localhost/*'],
    action: { default_title: 'Vigie' },
    commands: {
      'open-template-picker': {
        suggested_key: { default: 'Alt+Shift+T' },
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

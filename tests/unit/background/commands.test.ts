import { describe, expect, it } from 'vitest';
import { createCommandHandler, OPEN_PICKER_COMMAND, type CommandTabs } from '../../../lib/background/commands';

/** browser.tabs with the given tabs active in the current window, recording what it is asked. */
function fakeTabs(active: { id?: number }[], opts: { noReceiver?: boolean } = {}) {
  const queries: object[] = [];
  const sent: { tabId: number; message: object }[] = [];
  const tabs: CommandTabs = {
    async query(query) {
      queries.push(query);
      return active;
    },
    async sendMessage(tabId, message) {
      sent.push({ tabId, message });
      if (opts.noReceiver) throw new Error('Could not establish connection. Receiving end does not exist.');
      return undefined;
    },
  };
  return { tabs, queries, sent };
}

describe('the keyboard shortcut (Alt+Shift+M)', () => {
  it('asks the active tab of the current window to open the template picker', async () => {
    const { tabs, queries, sent } = fakeTabs([{ id: 42 }]);
    await createCommandHandler(tabs)('open-template-picker');
    expect(queries).toEqual([{ active: true, currentWindow: true }]);
    expect(sent).toEqual([{ tabId: 42, message: { type: 'bg:open-picker' } }]);
  });

  it('ignores any other command', async () => {
    const { tabs, queries, sent } = fakeTabs([{ id: 42 }]);
    await createCommandHandler(tabs)('_execute_action');
    expect(queries).toEqual([]);
    expect(sent).toEqual([]);
  });

  it('does nothing when no tab is active (a devtools or popup window has the focus)', async () => {
    const { tabs, sent } = fakeTabs([]);
    await createCommandHandler(tabs)(OPEN_PICKER_COMMAND);
    expect(sent).toEqual([]);
  });

  it('does not throw in the background when the active page has no content script to answer', async () => {
    const { tabs, sent } = fakeTabs([{ id: 7 }], { noReceiver: true });
    await expect(createCommandHandler(tabs)(OPEN_PICKER_COMMAND)).resolves.toBeUndefined();
    expect(sent).toHaveLength(1);
  });
});

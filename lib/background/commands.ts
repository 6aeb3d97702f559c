/**
 * The browser's keyboard commands (manifest `commands`). A command reaches the background only: it
 * forwards the template picker's to the page the user is looking at, whose content script opens the
 * picker on its focused reply box.
 */
export const OPEN_PICKER_COMMAND = 'open-template-picker';

/** The part of `browser.tabs` a command needs. */
export interface CommandTabs {
  query(query: { active: true; currentWindow: true }): Promise<{ id?: number }[]>;
  sendMessage(tabId: number, message: { type: 'bg:open-picker' }): Promise<unknown>;
}

export function createCommandHandler(tabs: CommandTabs): (command: string) => Promise<void> {
  return async (command) => {
    if (command !== OPEN_PICKER_COMMAND) return;
    const [tab] = await tabs.query({ active: true, currentWindow: true });
    if (tab?.id === undefined) return;
    // A tab without our content script (a new tab page, a site we do not serve) has no one to answer.
    await tabs.sendMessage(tab.id, { type: 'bg:open-picker' }).catch(() => {});
  };
}

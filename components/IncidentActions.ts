/** What the incident pages share: telling the background about a change, file names, who is acting. */
import { browser } from 'wxt/browser';
import { useSetting } from './hooks';

/** The background republishes crisis mode, rebuilds the clip menu and tells the team when it matters. */
export async function incidentChanged(incidentId: string): Promise<void> {
  await browser.runtime.sendMessage({ type: 'ui:incident-changed', incidentId }).catch(() => {});
}

/** A file name from an incident title: letters, digits and dashes. */
export const fileStem = (title: string) =>
  'incident-' +
  (title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 50) || 'vigie');

/** The name this browser's user gave in the options, for "ticked by" and timeline entries. */
export function useAgentName(): string | undefined {
  return useSetting('agent').name.trim() || undefined;
}

export const reportUrl = (incidentId: string) => browser.runtime.getURL(`/report.html?incident=${encodeURIComponent(incidentId)}`);

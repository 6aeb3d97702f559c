import { browser } from 'wxt/browser';
import { isCrisisMode } from '../crisis/model';
import { listActiveIncidents } from '../db/incidents';
import type { VigieDb } from '../db/schema';
import { getSetting } from '../db/settings';
import { PAGE_STATE_KEY, type PageState } from '../settings/page-state';
import { toolbarButton } from './action';

export async function computePageState(db: VigieDb): Promise<PageState> {
  const [uiLang, voice, incidents] = await Promise.all([getSetting(db, 'uiLang'), getSetting(db, 'voice'), listActiveIncidents(db)]);
  const lead = incidents[0];
  return {
    uiLang,
    crisis: isCrisisMode(incidents) && lead ? { incidentId: lead.id, title: lead.title, severity: lead.severity } : null,
    voice,
  };
}

/** Recomputes the mirror and the toolbar badge; called after anything that can change them. */
export async function publishPageState(db: VigieDb): Promise<PageState> {
  const state = await computePageState(db);
  await browser.storage.local.set({ [PAGE_STATE_KEY]: state });
  const button = toolbarButton();
  await button.setBadgeText({ text: state.crisis ? '!' : '' });
  if (state.crisis) await button.setBadgeBackgroundColor({ color: '#b3261e' });
  await button.setTitle({ title: state.crisis ? `Vigie: ${state.crisis.title}` : 'Vigie' });
  return state;
}

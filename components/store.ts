/** UI state only (which tab, which filter): the data itself stays in Dexie, read live. */
import { create } from 'zustand';
import type { PlatformId } from '../lib/platforms/types';

export type PanelTab = 'queue' | 'incidents' | 'templates' | 'voice' | 'stats';

interface UiState {
  tab: PanelTab;
  platformFilter: PlatformId | 'all';
  statsDays: number;
  setTab(tab: PanelTab): void;
  setPlatformFilter(p: PlatformId | 'all'): void;
  setStatsDays(days: number): void;
}

export const useUi = create<UiState>((set) => ({
  tab: 'queue',
  platformFilter: 'all',
  statsDays: 14,
  setTab: (tab) => set({ tab }),
  setPlatformFilter: (platformFilter) => set({ platformFilter }),
  setStatsDays: (statsDays) => set({ statsDays }),
}));

/**
 * What every platform tab must know at once, mirrored by the background into browser.storage.local
 * (whose change events reach content scripts; IndexedDB's do not cross origins).
 */
import type { UiLang } from '../i18n';
import type { PlatformId } from '../platforms/types';

export const PAGE_STATE_KEY = 'vigie:page';

export interface PageState {
  uiLang: UiLang | 'auto';
  crisis: { incidentId: string; title: string; severity: number } | null;
  voice: { mode: 'trainee' | 'expert'; disabledPlatforms: PlatformId[] };
}

export const initialPageState: PageState = { uiLang: 'auto', crisis: null, voice: { mode: 'trainee', disabledPlatforms: [] } };

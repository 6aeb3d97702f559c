import { detectUiLang } from '../i18n';
import type { VigieDb } from './schema';
import { getSetting } from './settings';
import { seedStarterTemplates } from './templates';
import { seedBuiltInPacks } from './voicePacks';

/**
 * What a fresh install needs: the built-in voice packs and, once, the starter templates (named in
 * the team's interface language). Idempotent: the background calls it on install and update, the
 * side panel on opening, and neither overwrites the team's edits.
 */
export async function seedDefaults(db: VigieDb, now = Date.now()): Promise<{ templates: number; packs: number }> {
  const choice = await getSetting(db, 'uiLang');
  const uiLang = choice === 'auto' ? detectUiLang() : choice;
  const packs = await seedBuiltInPacks(db);
  const templates = await seedStarterTemplates(db, { uiLang, now });
  return { templates, packs };
}

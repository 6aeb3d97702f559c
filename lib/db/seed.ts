import { detectUiLang } from '../i18n';
import type { VigieDb } from './schema';
import { getSetting } from './settings';
import { STARTER_SEEDED, seedStarterTemplates } from './templates';
import { seedBuiltInPacks } from './voicePacks';
import { builtInPacks } from '../voice/packs/index';

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

/**
 * seedDefaults when the install's seeding did not complete: Chrome stops the service worker when it
 * likes, and one stopped during it left no voice packs (every reply then passed the voice check,
 * "✓", spelling included) or no starter templates, until an update. Called on each start of the
 * background; a complete database costs two reads.
 */
export async function seedIfIncomplete(db: VigieDb, now = Date.now()): Promise<boolean> {
  const [packs, seeded] = await Promise.all([db.voicePacks.bulkGet(Object.values(builtInPacks).map((p) => p.id)), db.events.where('type').equals(STARTER_SEEDED).count()]);
  if (packs.every(Boolean) && seeded > 0) return false;
  await seedDefaults(db, now);
  return true;
}

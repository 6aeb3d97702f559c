import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type VigieDb } from '../../../lib/db/schema';
import { seedDefaults } from '../../../lib/db/seed';
import { saveSetting } from '../../../lib/db/settings';
import { getTemplate, saveTemplate } from '../../../lib/db/templates';
import { setActive } from '../../../lib/db/voicePacks';

let db: VigieDb;
beforeEach(async () => {
  db = openDb(`vigie-test-${Math.random()}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

describe('seedDefaults', () => {
  it('fills an empty database with the starter templates (in the chosen interface language) and the built-in packs', async () => {
    await saveSetting(db, 'uiLang', 'fr');
    const first = await seedDefaults(db, 1000);
    expect(first.packs).toBe(3);
    expect(first.templates).toBeGreaterThanOrEqual(6);
    expect((await getTemplate(db, 'starter-thanks'))?.name).toBe('Remerciement');
    expect(await db.voicePacks.count()).toBe(3);
  });

  it('is idempotent and keeps edits: a second run adds nothing and changes nothing', async () => {
    await seedDefaults(db, 1000);
    const thanks = (await getTemplate(db, 'starter-thanks'))!;
    await saveTemplate(db, { ...thanks, bodies: { fr: 'Merci !' } }, 2000);
    await setActive(db, 'builtin-crisis', false);
    const templates = await db.templates.toArray();
    expect(await seedDefaults(db, 3000)).toEqual({ templates: 0, packs: 0 });
    expect(await db.templates.toArray()).toEqual(templates);
    expect((await db.voicePacks.get('builtin-crisis'))?.active).toBe(0);
  });
});

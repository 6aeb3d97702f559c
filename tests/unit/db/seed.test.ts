import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type VigieDb } from '../../../lib/db/schema';
import { seedDefaults, seedIfIncomplete } from '../../../lib/db/seed';
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

  it('a start after an install whose seeding was cut seeds what is missing; a complete database is left as it is', async () => {
    // The worker stopped after the packs and before the templates, then before anything at all.
    await seedDefaults(db, 1000);
    await db.templates.clear();
    await db.events.clear();
    expect(await seedIfIncomplete(db, 2000)).toBe(true);
    expect(await getTemplate(db, 'starter-thanks')).toBeDefined();
    await db.voicePacks.clear();
    expect(await seedIfIncomplete(db, 3000)).toBe(true);
    expect(await db.voicePacks.count()).toBe(3);
    await setActive(db, 'builtin-crisis', false);
    const packs = await db.voicePacks.toArray();
    expect(await seedIfIncomplete(db, 4000)).toBe(false);
    expect(await db.voicePacks.toArray()).toEqual(packs);
  });
});

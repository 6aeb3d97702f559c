import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { brandForAccount, saveBrand } from '../../../lib/db/brands';
import { openDb, type VigieDb } from '../../../lib/db/schema';
import { getSetting, saveSetting } from '../../../lib/db/settings';

let db: VigieDb;
beforeEach(async () => {
  db = openDb(`vigie-settings-${Math.random()}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

describe('settings', () => {
  it('answers defaults: 24 h targets, 90 days retention, trainee mode, no webhook', async () => {
    expect(await getSetting(db, 'responseTargets')).toEqual({ defaultHours: 24, perPlatform: {} });
    expect(await getSetting(db, 'retentionDays')).toBe(90);
    expect(await getSetting(db, 'voice')).toEqual({ mode: 'trainee', disabledPlatforms: [] });
    expect(await getSetting(db, 'webhook')).toBeNull();
  });

  it.each([
    ['retentionDays', 0, 'retentionDays: Too small'],
    ['retentionDays', 2.5, 'retentionDays: retention is a whole number of days'],
    ['responseTargets', { defaultHours: 24, perPlatform: { myspace: 3 } }, 'responseTargets: perPlatform: Unrecognized key: "myspace"'],
    ['trackedKeywords', ['ok', 'x'], 'trackedKeywords: 1: a keyword needs at least 2 characters'],
    ['uiLang', 'de', 'uiLang: '],
  ] as const)('refuses %s = %j with a clear reason and stores nothing', async (key, value, message) => {
    await expect(saveSetting(db, key, value)).rejects.toThrow(message);
    expect(await db.settings.get(key)).toBeUndefined();
  });

  it('stores a valid value and reads it back', async () => {
    await saveSetting(db, 'trackedKeywords', ['  rappel chargeur ', '#VigieDemo']);
    expect(await getSetting(db, 'trackedKeywords')).toEqual(['rappel chargeur', '#VigieDemo']);
  });

  it('falls back to the default when a stored value no longer parses', async () => {
    await db.settings.put({ key: 'retentionDays', value: 'ninety' });
    expect(await getSetting(db, 'retentionDays')).toBe(90);
  });
});

describe('brands', () => {
  const acme = { id: 'b1', name: 'Acme', agents: [{ name: 'Léa', signature: '— Léa, service client Acme' }], address: 'vous' as const, accounts: [{ platform: 'x' as const, handle: '@acme_fr' }] };

  it('selects the brand from the account being managed, whatever the @ and case', async () => {
    await saveBrand(db, acme);
    expect((await brandForAccount(db, 'x', 'ACME_FR'))?.name).toBe('Acme');
    expect(await brandForAccount(db, 'facebook', 'acme_fr')).toBeUndefined();
  });

  it('refuses an account already selecting another brand', async () => {
    await saveBrand(db, acme);
    await expect(saveBrand(db, { ...acme, id: 'b2', name: 'Other' })).rejects.toThrow('x @acme_fr already selects the brand Acme');
  });

  it('refuses a brand without a name, naming the field', async () => {
    await expect(saveBrand(db, { ...acme, name: '' })).rejects.toThrow('name:');
  });
});

import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type VigieDb } from '../../../lib/db/schema';
import {
  addVocabulary,
  allowList,
  deletePack,
  ignoreForBrand,
  importValeStyle,
  listPacks,
  packsForBrand,
  removeVocabulary,
  savePack,
  seedBuiltInPacks,
  setActive,
  unignoreForBrand,
  voiceForBrand,
  VoicePackError,
} from '../../../lib/db/voicePacks';
import { check, ignoreForBrandKey } from '../../../lib/voice';

let db: VigieDb;
beforeEach(async () => {
  db = openDb(`vigie-test-${Math.random()}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

const packJson = (rules: unknown[], id = 'acme') =>
  JSON.stringify(
    {
      format: 'vigie-voice-pack',
      version: 1,
      id,
      name: 'Acme',
      lang: 'fr',
      rules,
    },
    null,
    2,
  );
const promo = { id: 'acme.promo', kind: 'existence', severity: 'error', message: 'Pas de « %s ».', explanation: 'La marque ne fait pas de promotion en réponse.', tokens: ['promo'] };

describe('built-in packs', () => {
  it('seeds fr, en and crisis active, idempotently, keeping a switched-off pack off', async () => {
    expect(await seedBuiltInPacks(db)).toBe(3);
    await setActive(db, 'builtin-en', false);
    expect(await seedBuiltInPacks(db)).toBe(0);
    const packs = await listPacks(db);
    expect(packs.map((p) => [p.id, p.builtIn, p.active])).toEqual(
      expect.arrayContaining([
        ['builtin-fr', true, 1],
        ['builtin-en', true, 0],
        ['builtin-crisis', true, 1],
      ]),
    );
    expect(packs).toHaveLength(3);
  });

  it('cannot be deleted, only switched off', async () => {
    await seedBuiltInPacks(db);
    await expect(deletePack(db, 'builtin-fr')).rejects.toThrow(VoicePackError);
    expect(await db.voicePacks.get('builtin-fr')).toBeDefined();
  });
});

describe('custom packs', () => {
  it('stores a brand pack active, and refuses a bad new version with its line, leaving the stored one in use', async () => {
    expect((await savePack(db, packJson([promo]), 'acme')).ok).toBe(true);
    const bad = packJson([{ ...promo, patterns: ['(a+)+$'], tokens: undefined }]);
    const result = await savePack(db, bad, 'acme');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]!.line).toBe(bad.split('\n').findIndex((l) => l.includes('(a+)+$')) + 1);
    const stored = await db.voicePacks.get('acme/acme');
    expect(stored).toMatchObject({ active: 1, brandId: 'acme', rules: [{ tokens: ['promo'] }] });
  });

  it('refuses JSON that does not parse with the line of the error', async () => {
    const result = await savePack(db, '{\n  "format": "vigie-voice-pack",\n  "id": oops\n}');
    expect(result).toMatchObject({ ok: false, errors: [{ line: 3 }] });
    expect(await db.voicePacks.count()).toBe(0);
  });

  it('refuses a shared pack that would replace a built-in one', async () => {
    await seedBuiltInPacks(db);
    const result = await savePack(db, packJson([promo], 'builtin-fr'));
    expect(result.ok).toBe(false);
    expect((await db.voicePacks.get('builtin-fr'))?.builtIn).toBe(true);
  });

  it("lists a brand's own packs beside the shared ones, never another brand's, and deletes a custom one", async () => {
    await seedBuiltInPacks(db);
    await savePack(db, packJson([promo]), 'acme');
    await savePack(db, packJson([promo]), 'globex');
    expect((await packsForBrand(db, 'acme')).map((p) => p.id)).toEqual(['builtin-crisis', 'builtin-en', 'builtin-fr', 'acme/acme']);
    await deletePack(db, 'acme/acme');
    expect((await packsForBrand(db, 'acme')).map((p) => p.id)).not.toContain('acme/acme');
  });

  it('imports a Vale style as a brand pack and lists what it could not convert', async () => {
    const dir = join(import.meta.dirname, '..', '..', 'fixtures', 'vale', 'Acme');
    const files = readdirSync(dir).map((f) => ({ path: f, yaml: readFileSync(join(dir, f), 'utf8') }));
    const result = await importValeStyle(db, files, 'Acme', 'acme');
    expect(result.ok).toBe(true);
    expect(result.unsupported.length).toBeGreaterThan(0);
    expect(result.unsupported.every((u) => u.rule.startsWith('Acme.') && u.reason.length > 0)).toBe(true);
    expect((await db.voicePacks.get('acme/vale-Acme'))?.rules.length).toBeGreaterThan(0);
  });
});

describe('what a brand reply is checked against', () => {
  const reply = 'Tu peux profiter de la promo ZenBox !!!';

  it('takes active packs in the reply language, the crisis pack only in crisis mode', async () => {
    await seedBuiltInPacks(db);
    await savePack(db, packJson([promo]), 'acme');
    const ids = async (opts: { lang?: string; crisis?: boolean }) => (await voiceForBrand(db, 'acme', opts)).packs.map((p) => p.id).sort();
    expect(await ids({ lang: 'fr' })).toEqual(['acme/acme', 'builtin-fr']);
    expect(await ids({ lang: 'en-GB' })).toEqual(['builtin-en']);
    expect(await ids({ lang: 'en', crisis: true })).toEqual(['builtin-crisis', 'builtin-en']);
    await setActive(db, 'builtin-fr', false);
    expect(await ids({ lang: 'fr' })).toEqual(['acme/acme']);
    expect((await voiceForBrand(db, 'globex', { lang: 'fr' })).packs).toEqual([]);
  });

  it('silences a finding on a brand term in every pack, and drops findings ignored for the brand', async () => {
    await seedBuiltInPacks(db);
    await savePack(db, packJson([promo]), 'acme');
    const run = async (brandId: string) => {
      const voice = await voiceForBrand(db, brandId, { lang: 'fr' });
      return check(reply, voice.packs, { ignored: voice.ignored, address: 'vous', lang: 'fr' });
    };
    const before = await run('acme');
    expect(before.map((f) => f.ruleId)).toEqual(expect.arrayContaining(['fr.address', 'acme.promo', 'fr.punctuation']));

    await addVocabulary(db, { brandId: 'acme' }, 'promo');
    const promoFinding = before.find((f) => f.ruleId === 'acme.promo')!;
    expect((await run('acme')).some((f) => f.ruleId === 'acme.promo')).toBe(false);

    const address = before.find((f) => f.ruleId === 'fr.address')!;
    expect(await ignoreForBrand(db, 'acme', ignoreForBrandKey(address))).toBe(1);
    expect((await run('acme')).some((f) => f.ruleId === 'fr.address')).toBe(false);
    expect(await allowList(db, 'acme')).toEqual({ vocabulary: ['promo'], ignored: [ignoreForBrandKey(address)] });
    expect(await allowList(db, 'globex')).toEqual({ vocabulary: [], ignored: [] });

    await unignoreForBrand(db, 'acme', ignoreForBrandKey(address));
    await removeVocabulary(db, 'acme', 'promo');
    expect((await run('acme')).map((f) => f.ruleId)).toEqual(before.map((f) => f.ruleId));
    expect(promoFinding.match).toBe('promo');
    expect(await listPacks(db)).toHaveLength(4);
  });

  it('adds a term to one pack only when asked', async () => {
    await seedBuiltInPacks(db);
    await addVocabulary(db, { packId: 'builtin-fr' }, 'ZenBox');
    expect((await db.voicePacks.get('builtin-fr'))?.vocabulary).toContain('ZenBox');
    await seedBuiltInPacks(db);
    expect((await db.voicePacks.get('builtin-fr'))?.vocabulary).toContain('ZenBox');
    await expect(addVocabulary(db, { packId: 'nope' }, 'x')).rejects.toThrow(VoicePackError);
    await expect(addVocabulary(db, { brandId: null }, '  ')).rejects.toThrow(VoicePackError);
  });
});

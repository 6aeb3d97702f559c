import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type VigieDb } from '../../../lib/db/schema';
import {
  deleteTemplate,
  duplicateTemplate,
  exportTemplates,
  getTemplate,
  importTemplates,
  listTemplates,
  recordUse,
  saveTemplate,
  seedStarterTemplates,
  templatesForBrand,
  TemplateError,
} from '../../../lib/db/templates';
import { starterTemplates } from '../../../lib/templates/starter';

let db: VigieDb;
beforeEach(async () => {
  db = openDb(`vigie-test-${Math.random()}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

const draft = (over: Record<string, unknown> = {}) => ({
  id: 'delay',
  name: 'Retard',
  folder: 'Livraison',
  bodies: { fr: 'Bonjour {{author.firstName}}, votre colis {{order}} arrive.' },
  fields: [{ key: 'order', label: 'Commande', kind: 'text' }],
  ...over,
});

describe('saveTemplate', () => {
  it('stores a valid template with defaults and timestamps', async () => {
    await saveTemplate(db, draft(), 1000);
    expect(await getTemplate(db, 'delay')).toMatchObject({ name: 'Retard', brandId: null, tags: [], usageCount: 0, createdAt: 1000, updatedAt: 1000 });
  });

  it('refuses an undeclared variable and an empty name, naming each, and stores nothing', async () => {
    const err = await saveTemplate(db, draft({ name: ' ', bodies: { fr: 'Bonjour {{prenom}}' }, fields: [] }), 1000).catch((e) => e);
    expect(err).toBeInstanceOf(TemplateError);
    const paths = (err as TemplateError).issues.map((i) => i.path);
    expect(paths).toContain('name');
    expect((err as TemplateError).issues.find((i) => i.path === 'bodies.fr')?.message).toContain('{{prenom}}');
    expect(await db.templates.count()).toBe(0);
  });

  it('keeps createdAt and usage when editing, and refuses a trigger another template owns', async () => {
    await saveTemplate(db, draft({ trigger: ';retard' }), 1000);
    await recordUse(db, 'delay', 1500);
    const edited = await saveTemplate(db, draft({ trigger: ';retard', name: 'Retard colis' }), 2000);
    expect(edited).toMatchObject({ createdAt: 1000, updatedAt: 2000, usageCount: 1, lastUsedAt: 1500 });
    const err = await saveTemplate(db, draft({ id: 'other', trigger: ';RETARD' }), 3000).catch((e) => e);
    expect(err).toBeInstanceOf(TemplateError);
    expect((err as TemplateError).message).toContain('Retard colis');
    expect(await db.templates.count()).toBe(1);
  });

  it('lets two brands use the same trigger, but not a brand and a shared template', async () => {
    await saveTemplate(db, draft({ id: 'a', brandId: 'acme', trigger: ';x' }));
    await saveTemplate(db, draft({ id: 'b', brandId: 'globex', trigger: ';x' }));
    await expect(saveTemplate(db, draft({ id: 'c', trigger: ';x' }))).rejects.toThrow(TemplateError);
  });
});

describe('usage, copies and brands', () => {
  it('recordUse counts uses and stamps the last one', async () => {
    await saveTemplate(db, draft(), 1000);
    expect(await recordUse(db, 'delay', 2000)).toBe(1);
    expect(await recordUse(db, 'delay', 3000)).toBe(2);
    expect(await getTemplate(db, 'delay')).toMatchObject({ usageCount: 2, lastUsedAt: 3000 });
    expect(await recordUse(db, 'missing', 3000)).toBeUndefined();
  });

  it('duplicates under a new id without trigger or usage, and deletes', async () => {
    await saveTemplate(db, draft({ trigger: ';retard' }), 1000);
    await recordUse(db, 'delay', 1500);
    const copy = await duplicateTemplate(db, 'delay', 'Retard (copie)', 2000);
    expect(copy.id).not.toBe('delay');
    expect(copy).toMatchObject({ name: 'Retard (copie)', usageCount: 0, lastUsedAt: null, bodies: { fr: expect.stringContaining('{{order}}') } });
    expect(copy.trigger).toBeUndefined();
    await deleteTemplate(db, 'delay');
    expect((await listTemplates(db)).map((t) => t.name)).toEqual(['Retard (copie)']);
  });

  it("gives a brand its own and the shared templates, never another brand's", async () => {
    await saveTemplate(db, draft({ id: 'shared' }));
    await saveTemplate(db, draft({ id: 'acme', brandId: 'acme' }));
    await saveTemplate(db, draft({ id: 'globex', brandId: 'globex' }));
    expect((await templatesForBrand(db, 'acme')).map((t) => t.id).sort()).toEqual(['acme', 'shared']);
    expect((await templatesForBrand(db, null)).map((t) => t.id)).toEqual(['shared']);
  });
});

describe('import and export', () => {
  it('round-trips every field through JSON and through CSV', async () => {
    for (const t of starterTemplates({ now: 1000 })) await saveTemplate(db, t, 1000);
    await recordUse(db, 'starter-thanks', 5000);
    const before = await listTemplates(db);
    for (const format of ['json', 'csv'] as const) {
      const file = await exportTemplates(db, format);
      await db.templates.clear();
      expect(await importTemplates(db, file, format, 9000)).toEqual({ ok: true, imported: before.length, replaced: 0 });
      expect(await listTemplates(db)).toEqual(before);
    }
  });

  it('refuses a CSV with one bad row whole: the table is untouched and the row is named', async () => {
    await saveTemplate(db, draft(), 1000);
    const before = await listTemplates(db);
    const csv = ['id,name,body_fr', 'a,Merci,Merci beaucoup !', 'b,,Sans nom', 'c,Bonjour,Bonjour {{inconnu}}', 'd,Salut,Salut'].join('\n');
    const result = await importTemplates(db, csv, 'csv', 2000);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.row)).toEqual([3, 4]);
    expect(result.errors[0]).toMatchObject({ column: 'name' });
    expect(await listTemplates(db)).toEqual(before);
  });

  it('refuses a file whose trigger is taken by a stored template, writing none of its rows', async () => {
    await saveTemplate(db, draft({ trigger: ';retard' }), 1000);
    const file = JSON.stringify({
      format: 'vigie-templates',
      version: 1,
      templates: [
        { id: 'ok', name: 'Fine', bodies: { fr: 'Bonjour' } },
        { id: 'clash', name: 'Clash', trigger: ';retard', bodies: { fr: 'Bonjour' } },
      ],
    });
    const result = await importTemplates(db, file, 'json', 2000);
    expect(result).toMatchObject({ ok: false, errors: [{ row: 2, column: 'trigger' }] });
    expect(await db.templates.count()).toBe(1);
  });

  it('replaces templates with the same id on import, so re-importing an export changes nothing', async () => {
    await saveTemplate(db, draft(), 1000);
    const file = await exportTemplates(db, 'json');
    await saveTemplate(db, draft({ name: 'Edited' }), 2000);
    expect(await importTemplates(db, file, 'json', 3000)).toEqual({ ok: true, imported: 1, replaced: 1 });
    expect((await getTemplate(db, 'delay'))?.name).toBe('Retard');
  });
});

describe('seedStarterTemplates', () => {
  it('adds the starter set once, in the interface language, and never overwrites an edit or restores a deletion', async () => {
    const n = await seedStarterTemplates(db, { uiLang: 'en', now: 1000 });
    expect(n).toBeGreaterThanOrEqual(6);
    expect(await db.templates.count()).toBe(n);
    expect((await getTemplate(db, 'starter-thanks'))?.name).toBe('Thanks');
    await saveTemplate(db, { ...(await getTemplate(db, 'starter-thanks'))!, name: 'Merci (maison)' }, 2000);
    await deleteTemplate(db, 'starter-apology');
    expect(await seedStarterTemplates(db, { uiLang: 'en', now: 3000 })).toBe(0);
    expect((await getTemplate(db, 'starter-thanks'))?.name).toBe('Merci (maison)');
    expect(await getTemplate(db, 'starter-apology')).toBeUndefined();
    expect(await db.templates.count()).toBe(n - 1);
  });
});

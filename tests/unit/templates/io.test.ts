import { describe, expect, it } from 'vitest';
import { parseCsv, serializeCsv } from '../../../lib/templates/csv';
import { exportCsv, exportJson, importCsv, importJson, importTemplates } from '../../../lib/templates/io';
import { template } from '../../../lib/templates/model';
import { starterTemplates } from '../../../lib/templates/starter';

const NOW = Date.UTC(2026, 10, 18);
const opts = { now: NOW };

// Everything a cell can hold that breaks naive CSV: delimiters, quotes, line breaks, accents.
const tricky = template.parse({
  id: 'tricky',
  brandId: 'acme',
  name: 'Virgule, "guillemets" et\nretour',
  folder: 'Service client/Livraison',
  tags: ['a, b', 'c "d"', 'é'],
  trigger: ';tricky',
  category: 'other',
  bodies: { fr: 'Ligne 1\r\nLigne 2, "citée" ; {{order}}\n', en: '  leading spaces', 'pt-BR': 'Olá {{author.name}}' },
  platformVariants: { x: { fr: 'court' }, tiktok: { en: 'tiny' } },
  fields: [{ key: 'order', label: 'Commande', kind: 'choice', choices: ['A, 1', 'B "2"'], default: 'A, 1' }],
  usageCount: 12,
  lastUsedAt: NOW - 1000,
  createdAt: NOW - 5000,
  updatedAt: NOW - 2000,
});
const all = [...starterTemplates({ now: NOW }), tricky];

describe('round trip', () => {
  it('JSON gives back exactly what was exported', () => {
    expect(importJson(exportJson(all), opts)).toEqual({ ok: true, templates: all });
  });

  it('CSV gives back exactly what was exported', () => {
    expect(importCsv(exportCsv(all), opts)).toEqual({ ok: true, templates: all });
  });

  it('CSV written with ";" by a French spreadsheet reads the same', () => {
    const semi = parseCsv(exportCsv(all));
    if (!semi.ok) throw new Error('export did not parse');
    const resaved = serializeCsv(semi.records.map((r) => r.cells), ';');
    expect(importCsv(resaved, opts)).toEqual({ ok: true, templates: all });
  });

  it('importTemplates tells the formats apart', () => {
    expect(importTemplates(exportJson(all), opts)).toMatchObject({ ok: true, templates: all });
    expect(importTemplates(exportCsv(all), opts)).toMatchObject({ ok: true, templates: all });
  });

  it('exports CSV with a BOM, CRLF records and a body column per language', () => {
    const csv = exportCsv(all);
    expect(csv.startsWith('\ufeffid,name,folder,tags,trigger,category,brandId,body_fr,body_en,body_pt-BR,variant_x_fr,')).toBe(true);
    expect(csv).toContain('\r\n');
  });
});

describe('CSV import of a sheet written by hand', () => {
  it('fills ids, timestamps and defaults', () => {
    const csv = 'name,folder,tags,body_fr,body_en\nMerci,Courant,merci|thanks,Merci {{author.name}} !,Thanks!\n';
    const r = importCsv(csv, opts);
    expect(r).toEqual({
      ok: true,
      templates: [
        expect.objectContaining({
          id: 'courant-merci', name: 'Merci', tags: ['merci', 'thanks'], bodies: { fr: 'Merci {{author.name}} !', en: 'Thanks!' },
          createdAt: NOW, updatedAt: NOW, usageCount: 0, fields: [], platformVariants: {},
        }),
      ],
    });
  });

  it('leaves out a language whose cell is blank', () => {
    const r = importCsv('name,body_fr,body_en\nA,Bonjour,\n', opts);
    expect(r.ok && r.templates[0]!.bodies).toEqual({ fr: 'Bonjour' });
  });
});

describe('all-or-nothing refusal', () => {
  it('names the row, column and reason of every bad row, and returns no template', () => {
    const csv = [
      'id,name,trigger,body_fr,fields,usageCount', // row 1
      'ok1,Bon,;bon,Bonjour,,0', // row 2
      'bad-var,Variable,,Bonjour {{prenom}},,0', // row 3
      ',,,Sans nom,,0', // row 4
      'bad-json,Champs,,x,[oops,0', // row 5
      'bad-count,Compte,,x,,-3', // row 6
      'ok1,Doublon,;bon,Encore,,0', // row 7: same id and trigger as row 2
      'short,Trop court', // row 8
    ].join('\n');
    const r = importCsv(csv, opts);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r).not.toHaveProperty('templates');
    const found = r.errors.map((e) => `${e.row}:${e.column ?? ''}`);
    expect(found).toEqual(expect.arrayContaining(['3:body_fr', '4:name', '5:fields', '6:usageCount', '7:id', '7:trigger', '8:']));
    expect(r.errors.find((e) => e.row === 3)!.message).toMatch(/\{\{prenom\}\} is neither a built-in/);
    expect(r.errors.find((e) => e.row === 7 && e.column === 'id')!.message).toMatch(/already used by row 2/);
    expect(r.errors.find((e) => e.row === 8)!.message).toMatch(/2 fields where the header has 6/);
    expect(r.errors.some((e) => e.row === 2)).toBe(false);
  });

  it('counts rows as a spreadsheet does when a cell spans lines', () => {
    const csv = 'name,body_fr\n"Multi","ligne 1\nligne 2\nligne 3"\nVide,\n';
    const r = importCsv(csv, opts);
    expect(r).toEqual({ ok: false, errors: [expect.objectContaining({ row: 3, line: 5, column: 'body_*' })] });
  });

  it.each([
    ['name,body_fr\n"A,unterminated\n', /quote opened on line 2 is never closed/, 2],
    ['name,body_fr\nA,bad"quote\n', /quote inside an unquoted field/, 2],
    ['name,body_fr\n"A"x,b\n', /text after a closing quote/, 2],
  ])('refuses broken CSV %j', (csv, message, row) => {
    const r = importCsv(csv, opts);
    expect(r).toEqual({ ok: false, errors: [expect.objectContaining({ row, message: expect.stringMatching(message) })] });
  });

  it.each([
    ['name,body-fr\nA,b\n', /unknown column "body-fr"/],
    ['name,colour,body_fr\nA,b,c\n', /unknown column "colour"/],
    ['name,name,body_fr\nA,B,c\n', /appears twice/],
    ['id,body_fr\nA,b\n', /no "name" column/],
    ['name,folder\nA,b\n', /no body column/],
    ['', /empty/],
  ])('refuses the header of %j', (csv, message) => {
    const r = importCsv(csv, opts);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors.map((e) => e.message).join('\n')).toMatch(message);
  });

  it('refuses a JSON file whole, with the position and path of each bad template', () => {
    const file = JSON.stringify({
      format: 'vigie-templates',
      version: 1,
      templates: [
        { id: 'a', name: 'A', bodies: { fr: 'ok' } },
        { id: 'b', name: 'B', bodies: {} },
        { id: 'c', name: 'C', bodies: { fr: 'x' }, platformVariants: { x: { en: 'y' } } },
        { id: 'a', name: 'A again', bodies: { fr: 'ok' } },
      ],
    });
    const r = importJson(file, opts);
    expect(r).toEqual({
      ok: false,
      errors: [
        expect.objectContaining({ row: 2, column: 'bodies' }),
        expect.objectContaining({ row: 3, column: 'platformVariants.x.en' }),
        expect.objectContaining({ row: 4, column: 'id', message: expect.stringMatching(/already used by row 1/) }),
      ],
    });
  });

  it.each([
    ['{"format": "vigie-templates", "version": 1, "templates": [}', /not valid JSON/],
    ['[{"id": "a"}]', /bare list/],
    ['{"format": "other", "version": 1, "templates": []}', /not a Vigie templates file/],
    ['{"format": "vigie-templates", "version": 2, "templates": []}', /newer Vigie/],
    ['{"format": "vigie-templates", "version": 1}', /.+/],
  ])('refuses the JSON %s', (text, message) => {
    const r = importJson(text, opts);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors.map((e) => e.message).join('\n')).toMatch(message);
  });

  it('gives the line of a JSON syntax error', () => {
    const r = importJson('{\n"format": "vigie-templates",\n"version": 1,\n"templates": [{,}]\n}', opts);
    expect(r).toEqual({ ok: false, errors: [expect.objectContaining({ line: 4 })] });
  });
});

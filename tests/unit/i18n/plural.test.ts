import { describe, expect, it } from 'vitest';
import { plural, translate, type MessageKey, type UiLang } from '../../../lib/i18n';
import { en } from '../../../lib/i18n/en';
import { fr } from '../../../lib/i18n/fr';

describe('plural', () => {
  const forms = { one: '# commentaire', many: '# de commentaires', other: '# commentaires' };
  it.each([
    ['fr', 0, '0 commentaire'],
    ['fr', 1, '1 commentaire'],
    ['fr', 1.5, '1.5 commentaire'],
    ['fr', 2, '2 commentaires'],
    ['fr', 1_000_000, '1000000 de commentaires'],
    ['en', 0, '0 commentaires'],
    ['en', 1, '1 commentaire'],
    ['en', 2, '2 commentaires'],
  ] as const)('%s %d -> %s', (lang, n, expected) => {
    expect(plural(lang, n, forms)).toBe(expected);
  });

  it('prefers an exact =N branch, and falls back to other when the category has no branch', () => {
    expect(plural('fr', 0, { '=0': 'aucun', one: '# seul', other: '# tous' })).toBe('aucun');
    expect(plural('fr', 1_000_000, { one: '# règle', other: '# règles' })).toBe('1000000 règles');
  });
});

// Every message that shows a count, in both languages, for 0, 1 and 2.
const table: [UiLang, MessageKey, Record<string, string | number>, string][] = [
  ['fr', 'composer.summary', { errors: 1, warnings: 1, suggestions: 1 }, '1 erreur · 1 avert. · 1 sugg.'],
  ['fr', 'composer.summary', { errors: 2, warnings: 0, suggestions: 3 }, '2 erreurs · 0 avert. · 3 sugg.'],
  ['fr', 'composer.summary', { errors: 0, warnings: 2, suggestions: 0 }, '0 erreur · 2 avert. · 0 sugg.'],
  ['en', 'composer.summary', { errors: 1, warnings: 1, suggestions: 1 }, '1 error · 1 warning · 1 tip'],
  ['en', 'composer.summary', { errors: 2, warnings: 0, suggestions: 3 }, '2 errors · 0 warnings · 3 tips'],
  ['fr', 'health.ok', { comments: 1, composers: 0 }, '1 commentaire, 0 zone de réponse'],
  ['fr', 'health.ok', { comments: 12, composers: 2 }, '12 commentaires, 2 zones de réponse'],
  ['en', 'health.ok', { comments: 1, composers: 0 }, '1 comment, 0 reply boxes'],
  ['en', 'health.ok', { comments: 12, composers: 1 }, '12 comments, 1 reply box'],
  ['fr', 'stats.total', { n: 1 }, '1 commentaire sur la période'],
  ['fr', 'stats.total', { n: 0 }, '0 commentaire sur la période'],
  ['fr', 'stats.total', { n: 5 }, '5 commentaires sur la période'],
  ['en', 'stats.total', { n: 1 }, '1 comment in the period'],
  ['en', 'stats.total', { n: 0 }, '0 comments in the period'],
  ['fr', 'stats.days', { n: 14 }, '14 jours'],
  ['en', 'stats.days', { n: 7 }, '7 days'],
  ['fr', 'webhook.attempts', { count: 1 }, '1 tentative'],
  ['fr', 'webhook.attempts', { count: 3 }, '3 tentatives'],
  ['en', 'webhook.attempts', { count: 1 }, '1 attempt'],
  ['en', 'webhook.attempts', { count: 3 }, '3 attempts'],
  ['fr', 'tpl.import.done', { file: 'a.csv', n: 1, replaced: 0 }, 'a.csv : 1 modèle importé.'],
  ['fr', 'tpl.import.done', { file: 'a.csv', n: 3, replaced: 1 }, 'a.csv : 3 modèles importés, dont 1 remplacé.'],
  ['fr', 'tpl.import.done', { file: 'a.csv', n: 3, replaced: 2 }, 'a.csv : 3 modèles importés, dont 2 remplacés.'],
  ['en', 'tpl.import.done', { file: 'a.csv', n: 1, replaced: 0 }, 'a.csv: 1 template imported.'],
  ['en', 'tpl.import.done', { file: 'a.csv', n: 3, replaced: 1 }, 'a.csv: 3 templates imported, 1 of them replaced.'],
  ['fr', 'tpl.import.refused', { file: 'b.csv', n: 1 }, 'b.csv refusé, rien n’a été importé (1 problème) :'],
  ['fr', 'tpl.import.refused', { file: 'b.csv', n: 4 }, 'b.csv refusé, rien n’a été importé (4 problèmes) :'],
  ['en', 'tpl.import.refused', { file: 'b.csv', n: 1 }, 'b.csv refused, nothing was imported (1 problem):'],
  ['fr', 'tpl.nFields', { n: 1 }, '1 champ'],
  ['fr', 'tpl.nFields', { n: 2 }, '2 champs'],
  ['en', 'tpl.nFields', { n: 1 }, '1 field'],
  ['en', 'tpl.nFields', { n: 2 }, '2 fields'],
  ['fr', 'tpl.uses', { n: 0 }, 'jamais utilisé'],
  ['fr', 'tpl.uses', { n: 1 }, 'utilisé 1 fois'],
  ['en', 'tpl.uses', { n: 0 }, 'never used'],
  ['en', 'tpl.uses', { n: 1 }, 'used once'],
  ['en', 'tpl.uses', { n: 7 }, 'used 7 times'],
  ['fr', 'tpl.preview.length', { length: 1, limit: 280 }, '1 caractère sur 280.'],
  ['fr', 'tpl.preview.length', { length: 120, limit: 280 }, '120 caractères sur 280.'],
  ['en', 'tpl.preview.length', { length: 1, limit: 280 }, '1 of 280 characters.'],
  ['fr', 'tpl.preview.tooLong', { length: 300, limit: 280 }, 'Trop long : 300 caractères sur 280.'],
  ['en', 'tpl.preview.tooLong', { length: 300, limit: 280 }, 'Too long: 300 of 280 characters.'],
  ['fr', 'picker.tooLong', { length: 300, limit: 280 }, 'Trop long pour cette plateforme : 300 caractères sur 280.'],
  ['en', 'picker.tooLong', { length: 300, limit: 280 }, 'Too long for this platform: 300 characters of 280.'],
  ['fr', 'vp.rules', { n: 1 }, '1 règle'],
  ['fr', 'vp.rules', { n: 30 }, '30 règles'],
  ['en', 'vp.rules', { n: 1 }, '1 rule'],
  ['en', 'vp.rules', { n: 30 }, '30 rules'],
  ['fr', 'vp.loaded', { name: 'Maison', n: 1 }, 'Pack « Maison » chargé (1 règle).'],
  ['en', 'vp.loaded', { name: 'House', n: 2 }, 'Pack “House” loaded (2 rules).'],
  ['fr', 'vp.vale.unsupported', { n: 1 }, '1 règle non reprise :'],
  ['fr', 'vp.vale.unsupported', { n: 2 }, '2 règles non reprises :'],
  ['en', 'vp.vale.unsupported', { n: 1 }, '1 rule not carried over:'],
  ['en', 'vp.vale.unsupported', { n: 2 }, '2 rules not carried over:'],
];

describe('counts in the interface', () => {
  it.each(table)('%s %s %j', (lang, key, params, expected) => {
    expect(translate(lang, key, params)).toBe(expected);
  });

  it('page text given as a parameter is not read as a plural block or a placeholder', () => {
    expect(translate('fr', 'tpl.import.done', { file: '{n, plural, one {x} other {y}}', n: 2, replaced: 0 })).toBe('{n, plural, one {x} other {y}} : 2 modèles importés.');
  });

  const catalogs = { fr, en } as Record<UiLang, Record<string, string>>;
  // A count written straight before a word ("{n} règles") is a plural bug waiting for n = 1. The
  // exceptions are abbreviations and units that do not change with the number.
  const invariant = new Set(['fr composer.summary', 'en tpl.preview.length', 'en tpl.preview.tooLong', 'fr report.bucket', 'en report.bucket']);
  it.each(['fr', 'en'] as const)('%s: every count before a word goes through a plural block', (lang) => {
    const bare = Object.entries(catalogs[lang])
      .filter(([key, text]) => /\{(n|count|errors|warnings|suggestions|comments|composers|length|limit|replaced|minutes)\} ?\p{L}/u.test(text) && !invariant.has(`${lang} ${key}`))
      .map(([key]) => key);
    expect(bare).toEqual([]);
  });

  it.each(['fr', 'en'] as const)('%s: every plural block parses (none left in the text)', (lang) => {
    for (const [key, text] of Object.entries(catalogs[lang])) {
      if (!text.includes('plural,')) continue;
      const names = [...text.matchAll(/\{(\w+)(?:,\s*plural,)?/g)].map((m) => m[1]!);
      for (const n of [0, 1, 2, 1_000_000]) {
        const out = translate(lang, key as MessageKey, Object.fromEntries(names.map((p) => [p, n])));
        expect(out, `${key} with ${n}`).not.toMatch(/plural|[{}#]/);
      }
    }
  });
});

import { describe, expect, it } from 'vitest';
import { createSpellerLoader, dictionariesOf } from '../../../lib/voice/dictionaries/index';
import { nodeDictionaries } from '../../../lib/voice/dictionaries/node';
import { createSpeller, withoutElisionPrefixes } from '../../../lib/voice/dictionaries/speller';
import { check } from '../../../lib/voice/engine';
import { builtInPacks } from '../../../lib/voice/packs/index';
import { at, packOf, rule, ruleTable } from './table';

const spellers = await createSpellerLoader(nodeDictionaries)([builtInPacks.fr, builtInPacks.en]);
const fr = { lang: 'fr', spellers };
const en = { lang: 'en', spellers };

const t1 = 'Bonjuor Julie, votre colis est en route.';
const t2 = "Nous avons bien recu l’adresse, merci !";
const t3 = 'Merci, numero de commande noté.';
const t4 = "Contactez-nous, on regarde ça aujourd'hui.";
const t5 = 'Contactez-nuos en privé.';
ruleTable('spelling (French)', { kind: 'spelling', dictionary: 'fr', message: '« %s » ?' }, {
  valid: [
    { text: "Bonjour Julie, nous sommes désolés : l'adresse et le numéro de commande sont bien notés. Contactez-nous en privé, on regarde ça aujourd’hui.", ctx: fr },
    // Links, e-mail, handles, hashtags, emoji, numbers, acronyms and names are not prose to check.
    { text: 'Écrivez à sav@boutiqe.fr ou sur https://boutiqe.fr/aidee, @jeanmichl #soldesz 😀 le 12e, SAV, RGPD, iPhone.', ctx: fr },
    { text: 'Merci Kevinn et Mme Duboisz pour votre retour.', ctx: fr },
    // Capitals often go without their accent in French.
    { text: 'Etats, Ecologie et Economie.', ctx: fr },
    // Elided words, with either apostrophe.
    { text: "l'ami, d’emblée, qu'il, jusqu'ici, lorsqu’elle.", ctx: fr },
    // The dictionary is the language's: an English or unknown reply is not checked with it.
    { text: 'Bonjuor', ctx: en },
    { text: 'Bonjuor', ctx: { spellers } },
    // Not loaded yet: nothing is flagged rather than everything.
    { text: 'Bonjuor', ctx: { lang: 'fr' } },
  ],
  invalid: [
    { text: t1, ctx: fr, expected: [{ ...at(t1, 'Bonjuor'), fixes: ['Bonjour'] }] },
    { text: t2, ctx: fr, expected: [{ ...at(t2, 'recu'), fixes: ['reçu', 'revu', 'relu'] }] },
    { text: t3, ctx: fr, expected: [{ ...at(t3, 'numero'), fixes: ['numéro'] }] },
    // A missing accent ranks first even on the first letter, above the REP pair c → qu.
    { text: 'Merci, ca arrive.', ctx: fr, expected: [{ start: 7, end: 9, fixes: ['ça', 'qua', 'ac'] }] },
    // Only the misspelt part of a compound.
    { text: t5, ctx: fr, expected: [{ ...at(t5, 'nuos'), fixes: ['nous', 'nuis', 'nuls'] }] },
    // A missing vowel ranks above a slip on the first letter (crament, brament).
    { text: 'Quelle erreur : vrament.', ctx: fr, expected: [{ start: 16, end: 23, fixes: ['vraiment', 'crament', 'brament'] }] },
  ],
});
// t4 is valid French: kept apart so that its compound and elision are checked on their own.
ruleTable('spelling (French compounds)', { kind: 'spelling', dictionary: 'fr' }, { valid: [{ text: t4, ctx: fr }], invalid: [] });

const e1 = 'Sorry, we recieve too many orders tody.';
const e2 = "Julie's parcel shipped; we don't know teh date.";
ruleTable('spelling (English)', { kind: 'spelling', dictionary: 'en', accept: ['Vigie', 'unboxing'] }, {
  valid: [
    { text: "Hi Julie, we're sorry: your customers' parcels shipped today. DM us your order number, we'll check it with the courier.", ctx: en },
    { text: 'Our unboxing video, by Vigie and Jonhson, at www.exampel.com.', ctx: en },
  ],
  invalid: [
    { text: e1, ctx: en, expected: [{ ...at(e1, 'recieve'), fixes: ['receive', 'relieve'] }, { ...at(e1, 'tody'), fixes: ['toady', 'toddy', 'today'] }] },
    { text: e2, ctx: en, expected: [{ ...at(e2, 'teh'), fixes: ['the', 'ten', 'tee'] }] },
    // A capital left out is a typo, fixed first.
    { text: "We're open on sunday.", ctx: en, expected: [{ start: 14, end: 20, fixes: ['Sunday', 'sundry', 'sundae'] }] },
    // A name at the start of a sentence is checked like any word.
    { text: 'Thankz!', ctx: en, expected: [{ start: 0, end: 6, fixes: ['Thanks', 'Thank'] }] },
  ],
});

ruleTable('spelling with filters and names checked (Vale import)', { kind: 'spelling', dictionary: 'en', filters: ['[pP]y.*\\b'], checkNames: true, suggestions: 1 }, {
  valid: [{ text: 'We use Pyhton and pytest.', ctx: en }],
  invalid: [{ text: 'Ask Jonhson.', ctx: en, expected: [{ start: 4, end: 11, fixes: ['Johnson'] }] }],
});

describe('spelling in the built-in packs', () => {
  it('is on in fr and en, and the brand vocabulary silences it', () => {
    expect(check('Merci pour votre mesage', builtInPacks.fr, fr).map((f) => [f.ruleId, f.match, f.fixes[0]])).toEqual([['fr.spelling', 'mesage', 'message']]);
    expect(check('Thanks for your mesage', builtInPacks.en, en).map((f) => [f.ruleId, f.match, f.fixes[0]])).toEqual([['en.spelling', 'mesage', 'message']]);
    const brand = { ...builtInPacks.fr, vocabulary: ['Vigie', 'Colizz'] };
    expect(check('Vigie et Colizz, ok.', brand, fr)).toEqual([]);
    expect(check('Colizz, ok.', builtInPacks.fr, fr).map((f) => f.ruleId)).toEqual(['fr.spelling']);
  });
});

describe('dictionaries', () => {
  it('leaves the French elision prefixes out of the affix file and no other rule', () => {
    const aff = 'SET UTF-8\nPFX L\' Y 2\nPFX L\' 0 l\' .\nPFX L\' 0 L\' .\nPFX Um Y 2\nPFX Um 0 l\' [aeiou]\nPFX Um 0 méga .\nSFX S. Y 1\nSFX S. 0 s .';
    expect(withoutElisionPrefixes(aff)).toBe('SET UTF-8\nPFX Um Y 1\nPFX Um 0 méga .\nSFX S. Y 1\nSFX S. 0 s .');
  });

  it('caches each word: the dictionary is asked once however often the word is checked', async () => {
    const files = await nodeDictionaries('en');
    const speller = createSpeller('en', files);
    let t = performance.now();
    expect(speller.suggest('recieve')[0]).toBe('receive');
    const first = performance.now() - t;
    t = performance.now();
    for (let k = 0; k < 100; k++) speller.suggest('recieve');
    expect((performance.now() - t) / 100).toBeLessThan(first / 10);
  });

  it('loads each dictionary once, only those the packs use, and retries one that failed', async () => {
    const asked: string[] = [];
    let fail = true;
    const load = createSpellerLoader(async (id) => {
      asked.push(id);
      if (fail) throw new Error('offline');
      return nodeDictionaries(id);
    });
    const enOnly = packOf([rule({ kind: 'spelling', dictionary: 'en' })]);
    expect(dictionariesOf([enOnly, builtInPacks.crisis])).toEqual(['en']);
    expect(await load([enOnly])).toEqual({});
    fail = false;
    const [a, b] = await Promise.all([load([enOnly]), load([enOnly, builtInPacks.crisis])]);
    expect(a.en).toBeDefined();
    expect(b.en).toBe(a.en);
    expect(asked).toEqual(['en', 'en']);
    expect(await load([builtInPacks.crisis])).toEqual({});
  });
});

import { describe, expect, it } from 'vitest';
import { findRisks } from '../../../lib/sentiment/risks';
import type { RiskTag } from '../../../lib/sentiment/types';

const spans = (text: string) => findRisks(text).map((r) => ({ tag: r.tag, text: text.slice(...r.evidence), at: r.evidence }));

describe('risk tags with evidence spans', () => {
  const cases: [string, RiskTag, string, [number, number]][] = [
    ['Cette marque est une ARNAQUE totale', 'crisis', 'ARNAQUE', [21, 28]],
    ['Appel au boycott de vos produits', 'crisis', 'boycott', [9, 16]],
    ['Un vrai scandale sanitaire', 'crisis', 'scandale', [8, 16]],
    ['Il y a eu un rappel produit hier', 'crisis', 'rappel produit', [13, 27]],
    ['This is a scam', 'crisis', 'scam', [10, 14]],
    ['Je vais porter plainte demain', 'legal', 'porter plainte', [8, 22]],
    ['Mon avocat vous contactera', 'legal', 'avocat', [4, 10]],
    ["I'm going to sue you", 'legal', 'sue', [13, 16]],
    ['We are filing a lawsuit', 'legal', 'lawsuit', [16, 23]],
    ['Bande de connards', 'insult', 'connards', [9, 17]],
    ['espèce d’ENFOIRÉ', 'insult', 'ENFOIRÉ', [9, 16]],
    ['you are a fucking idiot', 'insult', 'fucking', [10, 17]],
    ['on sait où tu habites', 'threat', 'on sait où tu habites', [0, 21]],
    ["I'll kill you", 'threat', "I'll kill you", [0, 13]],
    ['Je vais résilier mon abonnement', 'churn', 'résilier', [8, 16]],
    ['je pars chez Free', 'churn', 'je pars chez', [0, 12]],
    ['I want to cancel my subscription', 'churn', 'cancel my subscription', [10, 32]],
    ['Please unsubscribe me', 'churn', 'unsubscribe', [7, 18]],
    ['Mon fils a fait une réaction allergique', 'safety', 'réaction allergique', [20, 39]],
    ['Intoxication alimentaire après le repas', 'safety', 'Intoxication', [0, 12]],
    ['The charger caught fire', 'safety', 'caught fire', [12, 23]],
    ['écrivez-moi à jean.dupont@exemple.fr', 'personal-data', 'jean.dupont@exemple.fr', [14, 36]],
    ['appelez le 06 12 34 56 78 svp', 'personal-data', '06 12 34 56 78', [11, 25]],
    ['mon numéro +33 6 12 34 56 78', 'personal-data', '+33 6 12 34 56 78', [11, 28]],
    ['call +44 20 7946 0958 now', 'personal-data', '+44 20 7946 0958', [5, 21]],
    ['commande n° 4589321 jamais reçue', 'personal-data', '4589321', [12, 19]],
    ['order #AB-123456 is late', 'personal-data', 'AB-123456', [7, 16]],
  ];
  it.each(cases)('%s → %s "%s"', (text, tag, evidence, at) => {
    expect(spans(text)).toContainEqual({ tag, text: evidence, at });
  });

  it('gives offsets in the original text after emoji and accents', () => {
    const text = '😡😡 Écœurant, une arnaque';
    expect(spans(text)).toContainEqual({ tag: 'crisis', text: 'arnaque', at: [19, 26] });
  });

  const clean = [
    'Merci pour votre aide, tout est parfait',
    'I need to assess the assets of this class',
    'Le vol Paris-Nice était à l’heure',
    'Arsenal won the match',
    'I recall the analysis was good',
    'Mon colis est arrivé',
    'La version 2.0 est sortie en 2024',
    'Rendez-vous le 12/05 à 14h30',
  ];
  it.each(clean)('no risk in "%s"', (text) => {
    expect(findRisks(text)).toEqual([]);
  });

  it('needs whole words', () => {
    expect(findRisks('Il est consultant')).toEqual([]);
    expect(findRisks('passport assistance')).toEqual([]);
  });

  it('rejects card-like numbers that fail the Luhn check and keeps those that pass', () => {
    expect(spans('carte 4970 1012 3456 7890')).toEqual([]);
    expect(spans('carte 4970 1000 0000 0006')).toEqual([{ tag: 'personal-data', text: '4970 1000 0000 0006', at: [6, 25] }]);
  });

  // A hostile or pasted comment: one word of 10,000 letters, a chain of thousands of dots after an @.
  // Firefox's regex engine gave up on these ("too much recursion") and the batch of comments failed.
  it('reads comments made of one endless word or an endless dotted chain, and still finds the address at their end', () => {
    expect(findRisks('a'.repeat(10_000))).toEqual([]);
    expect(findRisks(`x@${'a.'.repeat(4_990)}`)).toEqual([]);
    const tail = 'écrivez à jean.dupont@exemple.fr';
    expect(spans(`${'a'.repeat(9_000)} ${tail}`)).toEqual([{ tag: 'personal-data', text: 'jean.dupont@exemple.fr', at: [9_011, 9_033] }]);
    expect(spans('contact : service.client@mail.exemple.co.uk')).toEqual([{ tag: 'personal-data', text: 'service.client@mail.exemple.co.uk', at: [10, 43] }]);
  });
});

/**
 * Short and obvious comments must come out right: the ones a community manager reads most and
 * judges the badge by. Written for Vigie, not drawn from any training or test set.
 */
import { describe, expect, it } from 'vitest';
import { classify } from '../../../lib/sentiment/index';
import { isUncertain } from '../../../lib/sentiment/confidence';

type Label = 'positive' | 'negative' | 'neutral';

const french: [string, Label][] = [
  ['merci !', 'positive'],
  ['Merci beaucoup 🙏', 'positive'],
  ['super 👍', 'positive'],
  ['génial', 'positive'],
  ['trop bien !', 'positive'],
  ["j'adore", 'positive'],
  ["bravo à toute l'équipe", 'positive'],
  ['parfait, merci', 'positive'],
  ['top 👌', 'positive'],
  ['je recommande', 'positive'],
  ['très satisfaite de ma commande', 'positive'],
  ['colis reçu, merci !', 'positive'],
  ['service impeccable', 'positive'],
  ['livraison rapide, merci', 'positive'],
  ['je suis furieux', 'negative'],
  ['inadmissible', 'negative'],
  ['nul', 'negative'],
  ['je suis déçu', 'negative'],
  ["c'est une honte", 'negative'],
  ['arnaque', 'negative'],
  ['horrible', 'negative'],
  ['service client injoignable', 'negative'],
  ['toujours pas reçu ma commande', 'negative'],
  ['remboursez-moi', 'negative'],
  ['pas content du tout', 'negative'],
  ['quelle galère', 'negative'],
  ['ça ne marche pas', 'negative'],
  ['Merci pour rien 🙄', 'negative'],
  ['plus jamais chez vous', 'negative'],
  ['Bravo, encore un retard 🙄', 'negative'],
  ['vous livrez le dimanche ?', 'neutral'],
  ['quel est le prix ?', 'neutral'],
  ['ok', 'neutral'],
  ['Oui !', 'neutral'],
  ["d'accord", 'neutral'],
  ['ma commande est partie ce matin', 'neutral'],
  ['Bonjour, où trouver le formulaire de retour ?', 'neutral'],
];

const english: [string, Label][] = [
  ['thanks', 'positive'],
  ['thank you so much!', 'positive'],
  ['love it', 'positive'],
  ['great job 👏', 'positive'],
  ['awesome', 'positive'],
  ['perfect', 'positive'],
  ['best service ever', 'positive'],
  ['so happy with my order 😊', 'positive'],
  ['thanks for the quick reply', 'positive'],
  ['excellent service', 'positive'],
  ['can I change my delivery address?', 'neutral'],
  ['worst ever', 'negative'],
  ['terrible', 'negative'],
  ['I hate this', 'negative'],
  ['still waiting for my refund', 'negative'],
  ['this is a scam', 'negative'],
  ['not happy', 'negative'],
  ['so disappointed', 'negative'],
  ['awful customer service', 'negative'],
  ['very rude staff', 'negative'],
  ['my order never arrived', 'negative'],
  ['great, another delay 🙄', 'negative'],
  ['ok', 'neutral'],
  ['what time do you open?', 'neutral'],
  ['do you ship to Canada?', 'neutral'],
  ['is this available in blue?', 'neutral'],
  ['my order number is 12345', 'neutral'],
  ['where can I find the return form?', 'neutral'],
];

const emoji: [string, Label][] = [
  ['😍', 'positive'],
  ['👍👍', 'positive'],
  ['❤️❤️❤️', 'positive'],
  ['😡', 'negative'],
  ['👎', 'negative'],
  ['😢😢', 'negative'],
];

const others: [string, Label][] = [
  ['Danke, super Service!', 'positive'],
  ['Ich bin total enttäuscht', 'negative'],
  ['Wann öffnet ihr morgen?', 'neutral'],
  ['¡Muchas gracias, me encanta!', 'positive'],
  ['Es una vergüenza, pésimo servicio', 'negative'],
  ['¿A qué hora abren mañana?', 'neutral'],
  ['Grazie mille, bellissimo!', 'positive'],
  ['Che schifo, servizio pessimo', 'negative'],
  ['A che ora aprite domani?', 'neutral'],
  ['Muito obrigado, adorei!', 'positive'],
  ['Que vergonha, péssimo atendimento', 'negative'],
  ['Vocês abrem amanhã?', 'neutral'],
];

/**
 * What the shipped model still gets wrong (issue 16): asserted to fail, so that a model that gets one
 * right says so and the case moves to the tables above.
 */
const knownMisses: [string, Label][] = [
  ['je peux changer mon adresse de livraison ?', 'neutral'],
  ['à quelle heure ouvrez-vous ?', 'neutral'],
  ['you guys rock', 'positive'],
  ['highly recommend', 'positive'],
  ['never again', 'negative'],
];

describe('short comments: labels', () => {
  it('has at least 60 French and English cases', () => {
    expect(french.length + english.length).toBeGreaterThanOrEqual(60);
  });

  it.each([...french, ...english, ...emoji, ...others])('%s → %s', (text, label) => {
    expect(classify(text).label).toBe(label);
  });
});

describe('short comments: known misses', () => {
  it.fails.each(knownMisses)('%s → %s', (text, label) => {
    expect(classify(text).label).toBe(label);
  });

  it.fails('merci beaucoup ! → fr', () => {
    expect(classify('merci beaucoup !').lang).toBe('fr');
  });
});

describe('short comments: confidence', () => {
  // The plainest ones are asserted, not merely guessed: the badge shows them without "?".
  const plain = ['merci beaucoup !', "c'est une honte, une arnaque", 'thank you so much!', 'worst service ever, I hate it'];
  it.each(plain)('%s is not uncertain', (text) => {
    expect(isUncertain(classify(text).confidence)).toBe(false);
  });

  it('says "ok" is neutral without claiming a language', () => {
    expect(classify('ok')).toMatchObject({ label: 'neutral', lang: 'und' });
  });
});

describe('short comments: language', () => {
  const cases: [string, string][] = [
    ['je suis déçu', 'fr'],
    ['vous livrez le dimanche ?', 'fr'],
    ['thank you so much!', 'en'],
    ['worst service ever', 'en'],
    ['vielen Dank für die Hilfe', 'de'],
    ['muchas gracias por todo', 'es'],
    ['grazie mille per tutto', 'it'],
    ['muito obrigado pela ajuda', 'pt'],
    ['ok', 'und'],
    ['👍', 'und'],
  ];
  it.each(cases)('%s → %s', (text, lang) => {
    expect(classify(text).lang).toBe(lang);
  });
});

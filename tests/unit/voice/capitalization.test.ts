import { at, ruleTable } from './table';

const t1 = 'Bonjour. merci pour votre message ! à bientôt.';
ruleTable('capitalization: sentence start', { kind: 'capitalization', mode: 'sentence-start' }, {
  valid: ['Bonjour. Merci !', '@julie merci', '#Soldes ok', 'iPhone disponible.', 'https://exemple.fr ok', '« Bonjour »'],
  invalid: [
    { text: t1, expected: [{ ...at(t1, 'merci'), fixes: ['Merci'] }, { ...at(t1, 'à'), fixes: ['À'] }] },
    { text: 'élodie est là', expected: [{ start: 0, end: 6, fixes: ['Élodie'] }] },
  ],
});
const t2 = 'Sur Linkedin ou youtube, pas sur LinkedIn.';
ruleTable('capitalization: canonical terms', { kind: 'capitalization', mode: 'terms', terms: ['LinkedIn', 'YouTube'] }, {
  valid: ['Sur LinkedIn et YouTube.', 'linkedinesque'],
  invalid: [{ text: t2, expected: [{ ...at(t2, 'Linkedin'), fixes: ['LinkedIn'] }, { ...at(t2, 'youtube'), fixes: ['YouTube'] }] }],
});

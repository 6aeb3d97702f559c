import { at, ruleTable } from './table';

const t = 'Voir https://bit.ly/abc et www.exemple.fr/aide';
ruleTable('links: deny', { kind: 'links', deny: ['bit.ly'], message: '%s' }, {
  valid: ['Voir https://exemple.fr/aide', 'bit.lyrique'],
  invalid: [{ text: t, expected: [{ ...at(t, 'https://bit.ly/abc'), message: 'bit.ly' }] }],
});
const t2 = 'Aide : https://aide.exemple.fr et https://concurrent.com/x';
ruleTable('links: allow only the brand domains', { kind: 'links', allow: ['exemple.fr'] }, {
  valid: ['https://exemple.fr et https://aide.exemple.fr/faq', 'pas de lien'],
  invalid: [{ text: t2, expected: [at(t2, 'https://concurrent.com/x')] }, { text: 'exemple.fr.evil.com', expected: [{ start: 0, end: 19 }] }],
});

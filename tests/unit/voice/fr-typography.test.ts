import { ruleTable } from './table';

const N = '\u202f';
ruleTable('fr-typography', { kind: 'fr-typography' }, {
  valid: [
    `Merci${N}! Vraiment${N}?`,
    'Merci\u00a0! (no-break space accepted)',
    'À 10:30, voir https://exemple.fr/a?b=1 ;)',
    `«${N}Bonjour${N}»`,
    `Quoi${N}?!`,
    'Sans ponctuation',
  ],
  invalid: [
    { text: 'Merci !', expected: [{ start: 5, end: 7, fixes: [`${N}!`] }] },
    { text: 'Merci!', expected: [{ start: 5, end: 6, fixes: [`${N}!`] }] },
    { text: 'Note : oui; non', expected: [{ start: 4, end: 6, fixes: [`${N}:`] }, { start: 10, end: 11, fixes: [`${N};`] }] },
    { text: '« Bonjour »', expected: [{ start: 0, end: 2, fixes: [`«${N}`] }, { start: 9, end: 11, fixes: [`${N}»`] }] },
  ],
});

import { at, ruleTable } from './table';

const t1 = 'Nous sommes désolés pour la gêne occasionnée.';
const t2 = 'LOL, la Gêne Occasionnée, lol';
const t3 = 'Code ABC-1234 et ABC-99';
ruleTable('existence: tokens', { kind: 'existence', tokens: ['la gêne occasionnée', 'lol'], fixes: [''] }, {
  valid: ['Nous réglons le problème.', 'Un lolcat, pas de gêne.', 'Lollipop'],
  invalid: [
    { text: t1, expected: [{ ...at(t1, 'la gêne occasionnée'), fixes: [''] }] },
    { text: t2, expected: [{ ...at(t2, 'LOL'), fixes: [''] }, { ...at(t2, 'la Gêne Occasionnée'), fixes: [''] }, { ...at(t2, 'lol', 0), fixes: [''] }] },
  ],
});
ruleTable('existence: patterns, case-sensitive', { kind: 'existence', patterns: ['ABC-\\d{4}'], ignoreCase: false }, {
  valid: ['abc-1234', 'ABC-12'],
  invalid: [{ text: t3, expected: [at(t3, 'ABC-1234')] }],
});
ruleTable('existence: exceptions and %s message', { kind: 'existence', tokens: ['promo', 'promo code'], exceptions: ['promo code'], message: 'Avoid "%s".' }, {
  valid: ['Enter the promo code.'],
  invalid: [{ text: 'A promo!', expected: [{ start: 2, end: 7, message: 'Avoid "promo".' }] }],
});
ruleTable('existence: nonword', { kind: 'existence', patterns: ['!+'], nonword: true }, {
  valid: ['Calme.'],
  invalid: [{ text: 'Oui!! non!', expected: [{ start: 3, end: 5 }, { start: 9, end: 10 }] }],
});

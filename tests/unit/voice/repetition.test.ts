import { ruleTable } from './table';

ruleTable('repetition', { kind: 'repetition', exceptions: ['nous', 'vous'] }, {
  valid: ['Nous nous excusons.', 'Le colis, le colis.', '10 10', 'le\nLe-test'],
  invalid: [
    { text: 'Merci pour le le message.', expected: [{ start: 11, end: 16, fixes: ['le'] }] },
    { text: 'The The end', expected: [{ start: 0, end: 7, fixes: ['The'] }] },
  ],
});
ruleTable('repetition: only matching words', { kind: 'repetition', patterns: ['\\p{L}{3,}'] }, {
  valid: ['a a', 'le le'],
  invalid: [{ text: 'très très bien', expected: [{ start: 0, end: 9 }] }],
});

import { ruleTable } from './table';

ruleTable('occurrence: max', { kind: 'occurrence', tokens: ['désolé', 'désolés'], max: 1 }, {
  valid: ['Désolé pour ce retard.', ''],
  invalid: [{ text: 'Désolés, vraiment désolés, désolé.', expected: [{ start: 18, end: 25 }, { start: 27, end: 33 }] }],
});
ruleTable('occurrence: min over the text', { kind: 'occurrence', patterns: ['d[ée]sol[ée]e?s?'], min: 1 }, {
  valid: ['Nous sommes désolés.', '   '],
  invalid: [{ text: 'Le colis arrive demain.', expected: [{ start: 0, end: 23 }] }],
});
ruleTable('occurrence: per sentence', { kind: 'occurrence', patterns: ['\\p{L}+'], max: 3, scope: 'sentence' }, {
  valid: ['Un deux trois. Quatre cinq six.'],
  invalid: [{ text: 'Un deux. Un deux trois quatre.', expected: [{ start: 23, end: 29 }] }],
});

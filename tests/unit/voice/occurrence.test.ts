import { ruleTable } from './table';

// One finding per scope, on its first match, where Vale puts its alert (not one per surplus match).
ruleTable('occurrence: max', { kind: 'occurrence', tokens: ['désolé', 'désolés'], max: 1, message: '%s sur %s' }, {
  valid: ['Désolé pour ce retard.', ''],
  invalid: [{ text: 'Désolés, vraiment désolés, désolé.', expected: [{ start: 0, end: 7, message: '3 sur 1' }] }],
});
ruleTable('occurrence: min over the text', { kind: 'occurrence', patterns: ['d[ée]sol[ée]e?s?'], min: 1 }, {
  valid: ['Nous sommes désolés.', '   '],
  invalid: [{ text: 'Le colis arrive demain.', expected: [{ start: 0, end: 23 }] }],
});
ruleTable('occurrence: per sentence', { kind: 'occurrence', patterns: ['\\p{L}+'], max: 3, scope: 'sentence' }, {
  valid: ['Un deux trois. Quatre cinq six.'],
  invalid: [{ text: 'Un deux. Un deux trois quatre.', expected: [{ start: 9, end: 11 }] }],
});
// Vale puts the alert on the first match that is not blank; on the first match when every one is.
ruleTable('occurrence: alert on the first match that is not blank', { kind: 'occurrence', patterns: ['\\s|!'], nonword: true, max: 2 }, {
  valid: ['Merci !'],
  invalid: [
    { text: 'Merci beaucoup !!', expected: [{ start: 15, end: 16 }] },
    { text: 'Un deux trois quatre', expected: [{ start: 2, end: 3 }] },
  ],
});

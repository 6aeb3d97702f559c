import { at, ruleTable } from './table';

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

// A heading is counted in its text as Vale reads it (the rendered heading): a run of `*`, `_` or `~~` that can open or
// close emphasis is not there, one that can do neither (spaces on both sides, `_` inside a word) is text; a finding
// there is put back on the source.
const md = { markup: 'markdown' as const };
const sum = '## *5 * 3* makes 15\n\n## **2 ** 2** and ~~old~~ 4 ~~ 4 and_so_on\n';
ruleTable('occurrence in headings: literal stars are text, emphasis marks are not', { kind: 'occurrence', patterns: ['\\d \\*+ \\d|\\d ~~ \\d|d_s'], nonword: true, blocks: ['heading'], max: 0, message: '%s' }, {
  valid: [{ text: '## 5 *3* makes 15\n\n## _5_ ~~3~~ __2__\n', ctx: md }, { text: '## 5*3*4\n', ctx: md }],
  invalid: [
    { text: sum, ctx: md, expected: [{ ...at(sum, '5 * 3'), message: '1' }, { ...at(sum, '2 ** 2'), message: '3' }] },
    { text: '## 5 * 3\n', ctx: md, expected: [{ start: 3, end: 8 }] },
    { text: '# Sum: **4 ~~ 4**\nNo\n', ctx: md, expected: [{ start: 9, end: 15 }] },
  ],
});

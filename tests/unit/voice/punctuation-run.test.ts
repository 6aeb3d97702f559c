import { ruleTable } from './table';

ruleTable('punctuation-run', { kind: 'punctuation-run' }, {
  valid: ['Merci ! Vraiment ?', 'Bon... ok'],
  invalid: [
    { text: 'Merci !!!', expected: [{ start: 6, end: 9, fixes: ['!'] }] },
    { text: 'Quoi ?!', expected: [{ start: 5, end: 7, fixes: ['?'] }] },
  ],
});
ruleTable('punctuation-run: custom chars and max', { kind: 'punctuation-run', chars: '.', max: 3 }, {
  valid: ['Bon...'],
  invalid: [{ text: 'Bon.....', expected: [{ start: 3, end: 8, fixes: ['...'] }] }],
});

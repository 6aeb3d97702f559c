import { ruleTable } from './table';

ruleTable('emoji: at most one', { kind: 'emoji', max: 1 }, {
  valid: ['Merci 🙂', 'Vigie® et ©2026', '👨‍👩‍👧 une famille compte pour un', 'Drapeau 🇫🇷'],
  invalid: [
    { text: 'Merci 🙂 à bientôt 👋🏽', expected: [{ start: 18, end: 23, fixes: [''] }] },
    { text: 'Oui 🙂👍 ok', expected: [{ start: 6, end: 8, fixes: [''] }] },
  ],
});
ruleTable('emoji: none', { kind: 'emoji', max: 0 }, {
  valid: ['Pas d’emoji ici :)'],
  invalid: [{ text: '❤️ Merci', expected: [{ start: 0, end: 2, fixes: [''] }] }],
});

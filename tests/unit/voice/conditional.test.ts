import { at, ruleTable } from './table';

const t1 = 'Le RGPD protège vos données. Voir la CNIL (CNIL) ou la FAQ.';
ruleTable('conditional: abbreviations defined', {
  kind: 'conditional', first: '\\b([A-Z]{3,5})\\b', second: '[\\p{L}]+\\s+\\(([A-Z]{3,5})\\)', exceptions: ['FAQ'],
}, {
  valid: ['Le règlement général (RGPD) : le RGPD protège.', 'Voir la FAQ.', 'pas de sigle'],
  invalid: [{ text: t1, expected: [at(t1, 'RGPD')] }],
});

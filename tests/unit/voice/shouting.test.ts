import { ruleTable } from './table';

ruleTable('shouting', { kind: 'shouting' }, {
  valid: ['Contactez le SAV ou la SNCF.', 'RGPD et CNIL', 'OK', 'Le PDF du RIB.'],
  invalid: [
    { text: "C'est INADMISSIBLE.", expected: [{ start: 6, end: 18, fixes: ['inadmissible'] }] },
    { text: 'MERCI DE RÉPONDRE VITE. Oui.', expected: [{ start: 0, end: 22, fixes: ['Merci de répondre vite'] }] },
  ],
});

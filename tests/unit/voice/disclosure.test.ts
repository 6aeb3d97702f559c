import { at, ruleTable } from './table';

const t = 'Profitez de -20 % avec le code promo JULIE20 !';
ruleTable('disclosure', {
  kind: 'disclosure', tokens: ['code promo', 'profitez'], patterns: ['-\\d{1,2}\\s?%'], disclosures: ['#pub', '#sponsorisé', 'collaboration commerciale'], message: 'add %s',
}, {
  valid: ['Merci pour votre retour.', `#pub ${t}`, `${t} #Sponsorisé`, `Collaboration commerciale : ${t}`],
  invalid: [
    { text: t, expected: [{ ...at(t, 'Profitez'), message: 'add #pub' }] },
    { text: 'Code promo ici #public', expected: [{ start: 0, end: 10 }] },
  ],
});

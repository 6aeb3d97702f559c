import { at, ruleTable } from './table';

const t1 = 'Écrivez à jean.dupont@exemple.fr ou au 06 12 34 56 78.';
const t2 = 'Votre commande n° FR-2024-88812 est partie. Appelez le +33 1 23 45 67 89.';
const t3 = 'IBAN FR76 3000 6000 0112 3456 7890 189, carte 4111 1111 1111 1111.';
ruleTable('personal-data', { kind: 'personal-data', message: '%s' }, {
  valid: [
    'Écrivez-nous en message privé.',
    'Le 12 mars à 10:30, 3 articles.',
    'Commande annulée, remboursement sous 5 jours.',
    'Numéro 4111 1111 1111 1112 (not a valid card)',
    'FR76 3000 6000 0112 3456 7890 188 (bad checksum)',
  ],
  invalid: [
    { text: t1, expected: [{ ...at(t1, 'jean.dupont@exemple.fr'), message: 'e-mail' }, { ...at(t1, '06 12 34 56 78'), message: 'phone' }] },
    { text: t2, expected: [{ ...at(t2, 'FR-2024-88812'), message: 'order number' }, { ...at(t2, '+33 1 23 45 67 89'), message: 'phone' }] },
    { text: t3, expected: [{ ...at(t3, 'FR76 3000 6000 0112 3456 7890 189'), message: 'IBAN' }, { ...at(t3, '4111 1111 1111 1111'), message: 'card number' }] },
  ],
});

import { at, ruleTable } from './table';

const t = 'Chers client.e.s et étudiant(e)s, les acteur·rice·s.';
ruleTable('inclusive: point médian only', { kind: 'inclusive', policy: 'point-median' }, {
  valid: ['Chers client·e·s et acteur·rice·s.', 'Dis-le, fais-le.', 'Voir exemple.es ou site.fr', 'Fin.Ensuite'],
  invalid: [
    { text: t, expected: [{ ...at(t, 'client.e.s'), fixes: ['client·e·s'] }, { ...at(t, 'étudiant(e)s'), fixes: ['étudiant·e·s'] }] },
    { text: 'Les ami-e-s', expected: [{ start: 4, end: 11, fixes: ['ami·e·s'] }] },
  ],
});
ruleTable('inclusive: forbidden', { kind: 'inclusive', policy: 'forbid' }, {
  valid: ['Chères clientes, chers clients.'],
  invalid: [{ text: t, expected: [at(t, 'client.e.s'), at(t, 'étudiant(e)s'), at(t, 'acteur·rice·s')] }],
});

import { at, ruleTable } from './table';

const vous = { kind: 'address', default: 'vous', message: '%s → %s' };
const t1 = 'Tu peux nous écrire, ton colis et tes factures sont prêts.';
const t2 = "Contacte-nous ou n'hésite pas : je te réponds et je t'envoie le lien.";
const t3 = 'Tu ne nous as pas répondu, peux-tu vérifier ? Et toi-même ? Rassure-toi.';
const t7 = 'Tu es sûr ? Tu as reçu ton code.';
const t4 = "T'es sûr ? Tu te trompes, tu pourrais essayer.";
ruleTable('address: the brand says vous', vous, {
  valid: [
    'Vous pouvez nous écrire, votre colis et vos factures sont prêts.',
    "Contactez-nous, n'hésitez pas.",
    'Le ton de votre message est juste.', // "ton" the noun
    'Un tutoriel, une tortue, la tête.',
  ],
  invalid: [
    {
      text: t1,
      expected: [
        { ...at(t1, 'Tu peux'), fixes: ['Vous pouvez'] },
        { ...at(t1, 'ton'), fixes: ['votre'] },
        { ...at(t1, 'tes'), fixes: ['vos'] },
      ],
    },
    {
      text: t2,
      expected: [
        { ...at(t2, 'Contacte-nous'), fixes: ['Contactez-nous'] },
        { ...at(t2, "n'hésite pas"), fixes: ["n'hésitez pas"] },
        { start: 35, end: 37, fixes: ['vous'] },
        { ...at(t2, "t'"), fixes: ['vous '] },
      ],
    },
    {
      text: t3,
      expected: [
        { ...at(t3, 'Tu ne nous as'), fixes: ['Vous ne nous avez'] },
        { ...at(t3, 'peux-tu'), fixes: ['pouvez-vous'] },
        { ...at(t3, 'toi-même'), fixes: ['vous-même'] },
        { ...at(t3, 'Rassure-toi'), fixes: ['Rassurez-vous'] },
      ],
    },
    {
      text: t4,
      expected: [
        { ...at(t4, "T'es"), fixes: ['Vous êtes'] },
        { ...at(t4, 'Tu te trompes'), fixes: ['Vous vous trompez'] },
        { ...at(t4, 'tu pourrais'), fixes: ['vous pourriez'] },
      ],
    },
    { text: 'Est-ce que tu bus du thé ?', expected: [{ start: 11, end: 13, fixes: [] }] }, // unknown form: flagged, no fix
    { text: 'Tu bois du thé ?', expected: [{ start: 0, end: 7, fixes: ['Vous buvez'] }] },
    { text: t7, expected: [{ ...at(t7, 'Tu es'), fixes: ['Vous êtes'] }, { ...at(t7, 'Tu as'), fixes: ['Vous avez'] }, { ...at(t7, 'ton'), fixes: ['votre'] }] },
  ],
});

const t5 = 'Vous pouvez nous écrire, votre colis et vos factures. Contactez-nous !';
const t6 = "Nous vous remercions, s'il vous plaît, avec vous. Pouvez-vous vérifier ? Je vous aide.";
ruleTable('address: context.address says tu', vous, {
  valid: [{ text: 'Tu peux nous écrire, ton colis est prêt. Contacte-nous !', ctx: { address: 'tu' } }, { text: 'Un rendez-vous.', ctx: { address: 'tu' } }],
  invalid: [
    {
      text: t5,
      ctx: { address: 'tu' },
      expected: [
        { ...at(t5, 'Vous pouvez'), fixes: ['Tu peux'] },
        { ...at(t5, 'votre'), fixes: ['ton', 'ta'] },
        { ...at(t5, 'vos'), fixes: ['tes'] },
        { ...at(t5, 'Contactez-nous'), fixes: ['Contacte-nous'] },
      ],
    },
    {
      text: t6,
      ctx: { address: 'tu' },
      expected: [
        { ...at(t6, 'vous'), fixes: ['te'] },
        { ...at(t6, 'vous', 1), fixes: ['te'] },
        { ...at(t6, 'vous', 2), fixes: ['toi'] },
        { ...at(t6, 'Pouvez-vous'), fixes: ['Peux-tu'] },
        // "vous " with its space: "Je vous aide" becomes "Je t'aide".
        { start: 76, end: 81, fixes: ["t'"] },
      ],
    },
  ],
});

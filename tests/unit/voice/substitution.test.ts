import { at, ruleTable } from './table';

const swap = { feedback: 'retour', mail: ['e-mail', 'courriel'], 'customer care': 'service client', linkedin: 'LinkedIn' };
const t1 = 'Merci pour ce Feedback, envoyez un MAIL.';
const t2 = 'Le customer care et linkedin.';
ruleTable('substitution', { kind: 'substitution', swap, message: "Use '%s' instead of '%s'." }, {
  valid: ['Merci pour ce retour.', 'Un e-mail sur LinkedIn.', 'feedbacks', 'Gmail'],
  invalid: [
    {
      text: t1,
      expected: [
        { ...at(t1, 'Feedback'), fixes: ['Retour'], message: "Use 'retour' instead of 'Feedback'." },
        { ...at(t1, 'MAIL'), fixes: ['E-MAIL', 'COURRIEL'] },
      ],
    },
    { text: t2, expected: [{ ...at(t2, 'customer care'), fixes: ['service client'] }, { ...at(t2, 'linkedin'), fixes: ['LinkedIn'] }] },
  ],
});
ruleTable('substitution: regex keys', { kind: 'substitution', regex: true, swap: { 'client\\(e\\)s?': 'clientèle' } }, {
  valid: ['La clientèle.'],
  invalid: [{ text: 'Nos client(e)s.', expected: [{ start: 4, end: 14, fixes: ['clientèle'] }] }],
});
ruleTable('substitution: case-sensitive', { kind: 'substitution', ignoreCase: false, swap: { Iphone: 'iPhone' } }, {
  valid: ['iphone (lower case is left alone)', 'iPhone'],
  invalid: [{ text: 'Un Iphone.', expected: [{ start: 3, end: 9, fixes: ['iPhone'] }] }],
});

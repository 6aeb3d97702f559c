import { ruleTable } from './table';

const sentiment = (text: string) => (/nul|honte/i.test(text) ? { label: 'negative', score: -0.8 } : /bof/.test(text) ? { label: 'negative', score: -0.2 } : { label: 'positive', score: 0.7 });
ruleTable('sentiment: the reply reads negative', { kind: 'sentiment', forbid: ['negative'], threshold: 0.4, message: '%s' }, {
  valid: [
    { text: 'Merci pour votre patience.', ctx: { sentiment } },
    { text: 'bof', ctx: { sentiment } }, // below the threshold
    'Votre service est nul.', // no classifier in the context: nothing to say
  ],
  invalid: [{ text: 'Votre demande est nulle.', ctx: { sentiment }, expected: [{ start: 0, end: 24, message: 'negative' }] }],
});

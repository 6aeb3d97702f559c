import { at, ruleTable } from './table';

const t = 'Merci #Vigie #Soldes #Promo !';
ruleTable('entity-limit: hashtags', { kind: 'entity-limit', entity: 'hashtag', max: 2, maxByPlatform: { instagram: 5 }, message: '%s/%s' }, {
  valid: ['Merci #Vigie #Soldes', 'Le #1 du marché, C# et l&#39;', { text: t, ctx: { platform: 'instagram' } }],
  invalid: [{ text: t, expected: [{ ...at(t, '#Promo'), message: '3/2' }] }],
});
const m = '@a @b @c@mastodon.social';
ruleTable('entity-limit: mentions', { kind: 'entity-limit', entity: 'mention', max: 2 }, {
  valid: ['@a @b et jean@exemple.fr'],
  invalid: [{ text: m, expected: [at(m, '@c@mastodon.social')] }],
});
const l = 'Voir exemple.fr et https://aide.exemple.fr/x';
ruleTable('entity-limit: links', { kind: 'entity-limit', entity: 'link', max: 1 }, {
  valid: ['Voir exemple.fr.'],
  invalid: [{ text: l, expected: [at(l, 'https://aide.exemple.fr/x')] }],
});

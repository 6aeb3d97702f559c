import { links } from '../entities';
import type { RuleOf } from '../pack';
import type { Hit, RuleKind } from './types';

const SUFFIX = '(?:e|ne|le|te|se|rice|ice|euse|ère|ève|ive|sse|fe|es|nes|les|tes|ses)';
/**
 * Abbreviated inclusive forms: client·e·s, client.e.s, client(e)s, client-e-s, acteur·rice·s.
 * The hyphen form is limited to -e(-s) so "dis-le" is not mistaken for one.
 */
const FORMS = new RegExp(
  `(?<![\\p{L}])([\\p{L}]{2,})(?:([·•.‧⋅])(${SUFFIX})(?:\\2(s))?|\\((${SUFFIX})\\)(s?)|-(e)(?:-(s))?)(?![\\p{L}])`,
  'gu',
);

/** Inclusive writing policy: forbid the abbreviated forms, or allow them written with the point médian only. */
export const inclusive: RuleKind<RuleOf<'inclusive'>> = {
  vocabulary: true,
  compile(rule) {
    return (doc) => {
      const urls = links(doc.text);
      const hits: Hit[] = [];
      for (const m of doc.text.matchAll(FORMS)) {
        const start = m.index, end = start + m[0].length;
        if (urls.some((u) => start < u.end && u.start < end)) continue;
        const [, stem, sep, suffix, plural, parenSuffix, parenPlural, hyphenSuffix, hyphenPlural] = m;
        const median = sep === '·';
        if (rule.policy === 'forbid') {
          hits.push({ start, end, fixes: [] });
        } else if (!median) {
          const suf = suffix ?? parenSuffix ?? hyphenSuffix!;
          const pl = plural ?? parenPlural ?? hyphenPlural ?? '';
          hits.push({ start, end, fixes: [`${stem}·${suf}${pl ? `·${pl}` : ''}`] });
        }
      }
      return hits;
    };
  },
};

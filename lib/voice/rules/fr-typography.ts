import { links } from '../entities';
import type { RuleOf } from '../pack';
import type { Hit, RuleKind } from './types';

const NNBSP = '\u202f';
const NO_BREAK = /[\u00a0\u202f]/;
const SPACE = /[ \t]/;

/**
 * French typography: a narrow no-break space (U+202F) before ; : ! ? and inside « », so the mark
 * never wraps alone to the next line. A no-break space (U+00A0) is accepted too. Times (10:30),
 * links, smileys ;) and the second mark of "?!" are left alone.
 */
export const frTypography: RuleKind<RuleOf<'fr-typography'>> = {
  vocabulary: false,
  compile() {
    return (doc) => {
      const { text } = doc;
      if (!/[;:!?«»]/.test(text)) return [];
      const urls = links(text);
      const hits: Hit[] = [];
      for (let p = 0; p < text.length; p++) {
        const c = text[p]!;
        if (!';:!?«»'.includes(c) || urls.some((u) => p >= u.start && p < u.end)) continue;
        const prev = text[p - 1], next = text[p + 1];
        if (c === '«') {
          if (next === undefined || NO_BREAK.test(next) || next === '\n') continue;
          hits.push({ start: p, end: SPACE.test(next) ? p + 2 : p + 1, fixes: [`«${NNBSP}`], args: ['«'] });
          continue;
        }
        if (prev === undefined || prev === '\n' || NO_BREAK.test(prev) || '!?;:'.includes(prev)) continue;
        if (c === ':' && (/^\/\//.test(text.slice(p + 1)) || (/\d/.test(prev) && /\d/.test(next ?? '')))) continue;
        if ((c === ':' || c === ';') && /^-?[()DPpOo3|/\\*]+(?![\p{L}])/u.test(text.slice(p + 1))) continue;
        if (SPACE.test(prev)) {
          if (p >= 2 && SPACE.test(text[p - 2]!)) continue; // spacing already odd; leave it to the writer
          hits.push({ start: p - 1, end: p + 1, fixes: [NNBSP + c], args: [c] });
        } else {
          hits.push({ start: p, end: p + 1, fixes: [NNBSP + c], args: [c] });
        }
      }
      return hits;
    };
  },
};

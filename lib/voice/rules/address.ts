import { imperativeToTu, imperativeToVous, presentToTu, presentToVous } from '../fr-verbs';
import type { RuleOf } from '../pack';
import { matchCase, type Span } from '../text';
import type { Hit, RuleKind } from './types';

const L = '\\p{L}\\p{M}';
/** A subject-less negative imperative starts a sentence or clause: "Et n'hésite pas", "Merci, n'hésite pas". */
const CLAUSE_START = `(?:^|(?<=(?:[.!?…,;:]|(?<![\\p{L}])(?:et|ou|mais|donc|puis))\\s*))`;
const NOT_BEFORE = `(?<![${L}'’-])`;
const NOT_AFTER = `(?![${L}'’])`;
/** Object pronouns and negation between a subject and its verb: "tu ne nous as pas", "vous l'avez". */
const clitics = (extra: string) => `((?:(?:ne|me|nous|lui|leur|les|le|la|en|y|se|${extra})\\s+|[nmlst]['’])*)`;
const re = (source: string) => new RegExp(source, 'giu');

const TU = {
  clause: re(`${NOT_BEFORE}(tu)\\s+${clitics('te|vous')}([${L}]+)${NOT_AFTER}`),
  inversion: re(`${NOT_BEFORE}([${L}]+)-(?:t-)?tu${NOT_AFTER}`),
  colloquial: re(`${NOT_BEFORE}t['’](as|es)${NOT_AFTER}`),
  imperative: re(`${NOT_BEFORE}([${L}]+)-(nous|moi|le|la|les|lui|leur|en|y|toi)${NOT_AFTER}`),
  negative: re(`${CLAUSE_START}(n['’]|ne\\s+t['’]|ne\\s+te\\s+)([${L}]+)(\\s+pas)${NOT_AFTER}`),
  yours: re(`${NOT_BEFORE}(le tien|la tienne|les tiens|les tiennes)${NOT_AFTER}`),
  possessive: re(`${NOT_BEFORE}(ton|ta|tes)${NOT_AFTER}`),
  toi: re(`${NOT_BEFORE}toi(-même)?${NOT_AFTER}`),
  te: re(`${NOT_BEFORE}te${NOT_AFTER}`),
  elided: re(`(?<![${L}])t['’](?=[${L}])`),
};

const VOUS = {
  clause: re(`${NOT_BEFORE}(vous)\\s+${clitics('vous')}([${L}]+)${NOT_AFTER}`),
  inversion: re(`${NOT_BEFORE}([${L}]+)-vous${NOT_AFTER}`),
  imperative: re(`${NOT_BEFORE}([${L}]+)-(nous|moi|le|la|les|lui|leur|en|y)${NOT_AFTER}`),
  negative: re(`${CLAUSE_START}(n['’]|ne\\s+vous\\s+)([${L}]+)(\\s+pas)${NOT_AFTER}`),
  yours: re(`${NOT_BEFORE}(le vôtre|la vôtre|les vôtres)${NOT_AFTER}`),
  possessive: re(`${NOT_BEFORE}(votre|vos)${NOT_AFTER}`),
  bare: re(`${NOT_BEFORE}vous(-même)?${NOT_AFTER}`),
};

const SUBJECTS = new Set(['je', "j'", 'nous', 'on', 'il', 'elle', 'ils', 'elles', 'ne', 'n', 'cela', 'ça']);
const PREPOSITIONS = new Set(['avec', 'pour', 'chez', 'sans', 'à', 'de', 'par', 'sur', 'entre', 'vers', 'contre', 'selon', 'envers', 'comme', 'que', 'et', 'ou']);
/** "le ton de votre message": ton is a noun after these. */
const NOUN_TON = new Set(['le', 'un', 'ce', 'du', 'au', 'mon', 'son', 'quel', 'même', 'bon', 'mauvais']);

const vowelStart = (w: string) => /^[aeiouyàâéèêëîïôùûœh]/i.test(w);

/**
 * The brand's address form applied consistently. With "vous": tu peux → vous pouvez, ton/ta → votre,
 * tes → vos, toi → vous, te/t' → vous, contacte-nous → contactez-nous. With "tu", the reverse; "vous"
 * may be a plural, so a bare "vous" gets a fix only where its role is clear. Fixes are offered only
 * where the conjugation is known; otherwise the word is flagged without one.
 */
export const address: RuleKind<RuleOf<'address'>> = {
  vocabulary: true,
  compile(rule) {
    return (doc, ctx) => {
      const target = ctx.address ?? rule.default;
      const hits: Hit[] = [];
      const taken: Span[] = [];
      const add = (start: number, end: number, fixes: string[], form: string) => {
        if (taken.some((t) => start < t.end && t.start < end)) return;
        taken.push({ start, end });
        hits.push({ start, end, fixes, args: [doc.text.slice(start, end), form] });
      };
      const each = (pattern: RegExp, fn: (m: RegExpExecArray) => void) => {
        for (const m of doc.text.matchAll(pattern)) fn(m as RegExpExecArray);
      };
      // The word before `at`, without an elided prefix: "s'il" → "il", "j'" stays "j'".
      const prevWord = (at: number) => {
        const w = /([\p{L}'’]+)\s*$/u.exec(doc.text.slice(Math.max(0, at - 30), at))?.[1]?.toLowerCase().replace(/’/g, "'");
        return w && /'\p{L}/u.test(w) ? w.slice(w.lastIndexOf("'") + 1) : w;
      };
      const end = (m: RegExpExecArray) => m.index + m[0].length;
      if (target === 'vous') {
        each(TU.clause, (m) => {
          const verb = presentToVous(m[3]!);
          if (!verb) return add(m.index, m.index + m[1]!.length, [], 'vous');
          const middle = m[2]!.replace(/(?<![\p{L}])(?:te\s+|t['’])/giu, 'vous ');
          add(m.index, end(m), [`${matchCase(m[1]!, 'vous')} ${middle}${matchCase(m[3]!, verb)}`], 'vous');
        });
        each(TU.inversion, (m) => {
          const verb = presentToVous(m[1]!);
          if (verb) add(m.index, end(m), [`${matchCase(m[1]!, verb)}-vous`], 'vous');
        });
        each(TU.colloquial, (m) => add(m.index, end(m), [matchCase(m[0], m[1]!.toLowerCase() === 'as' ? 'vous avez' : 'vous êtes')], 'vous'));
        each(TU.imperative, (m) => {
          const verb = imperativeToVous(m[1]!);
          if (verb) add(m.index, end(m), [`${matchCase(m[1]!, verb)}-${m[2]!.toLowerCase() === 'toi' ? 'vous' : m[2]}`], 'vous');
        });
        each(TU.negative, (m) => {
          const verb = imperativeToVous(m[2]!);
          const ne = /^n['’]$/i.test(m[1]!) ? m[1]! : matchCase(m[1]!, 'ne vous ');
          if (verb) add(m.index, end(m), [`${ne}${matchCase(m[2]!, verb)}${m[3]}`], 'vous');
        });
        each(TU.yours, (m) => add(m.index, end(m), [matchCase(m[0], m[0].toLowerCase().startsWith('les') ? 'les vôtres' : `${m[0].slice(0, 2).toLowerCase()} vôtre`)], 'vous'));
        each(TU.possessive, (m) => {
          const word = m[1]!.toLowerCase();
          if (word === 'ton' && NOUN_TON.has(prevWord(m.index) ?? '')) return;
          add(m.index, end(m), [matchCase(m[0], word === 'tes' ? 'vos' : 'votre')], 'vous');
        });
        each(TU.toi, (m) => add(m.index, end(m), [matchCase(m[0], m[1] ? 'vous-même' : 'vous')], 'vous'));
        each(TU.te, (m) => add(m.index, end(m), [matchCase(m[0], 'vous')], 'vous'));
        each(TU.elided, (m) => add(m.index, end(m), [matchCase(m[0], 'vous ')], 'vous'));
      } else {
        each(VOUS.inversion, (m) => {
          if (/^rendez$/i.test(m[1]!)) return;
          const question = /^[^.!]*\?/.test(doc.text.slice(end(m)));
          if (question) {
            const verb = presentToTu(m[1]!);
            if (verb) add(m.index, end(m), [`${matchCase(m[1]!, verb)}-tu`], 'tu');
          } else {
            const verb = imperativeToTu(m[1]!);
            if (verb) add(m.index, end(m), [`${matchCase(m[1]!, verb)}-toi`], 'tu');
          }
        });
        each(VOUS.clause, (m) => {
          if (SUBJECTS.has(prevWord(m.index) ?? '')) return; // object "vous": handled below
          const verb = presentToTu(m[3]!);
          if (!verb) return;
          const middle = m[2]!.replace(/(?<![\p{L}])vous\s+/giu, vowelStart(m[3]!) ? "t'" : 'te ');
          add(m.index, end(m), [`${matchCase(m[1]!, 'tu')} ${middle}${matchCase(m[3]!, verb)}`], 'tu');
        });
        each(VOUS.imperative, (m) => {
          if (!/(?:ez|es)$/i.test(m[1]!)) return;
          const verb = imperativeToTu(m[1]!);
          if (verb) add(m.index, end(m), [`${matchCase(m[1]!, verb)}-${m[2]}`], 'tu');
        });
        each(VOUS.negative, (m) => {
          const verb = imperativeToTu(m[2]!);
          const ne = /^n['’]$/i.test(m[1]!) ? m[1]! : matchCase(m[1]!, vowelStart(verb ?? '') ? "ne t'" : 'ne te ');
          if (verb) add(m.index, end(m), [`${ne}${matchCase(m[2]!, verb)}${m[3]}`], 'tu');
        });
        each(VOUS.yours, (m) => {
          const w = m[0].toLowerCase();
          add(m.index, end(m), w.startsWith('les') ? [matchCase(m[0], 'les tiens'), matchCase(m[0], 'les tiennes')] : [matchCase(m[0], w.startsWith('le') ? 'le tien' : 'la tienne')], 'tu');
        });
        each(VOUS.possessive, (m) =>
          add(m.index, end(m), m[1]!.toLowerCase() === 'vos' ? [matchCase(m[0], 'tes')] : [matchCase(m[0], 'ton'), matchCase(m[0], 'ta')], 'tu'),
        );
        each(VOUS.bare, (m) => {
          const before = prevWord(m.index) ?? '';
          const next = /^\s+([\p{L}]+)/u.exec(doc.text.slice(end(m)))?.[1] ?? '';
          let fixes: string[] = [];
          if (m[1]) fixes = [matchCase(m[0], 'toi-même')];
          else if (PREPOSITIONS.has(before)) fixes = [matchCase(m[0], 'toi')];
          else if (SUBJECTS.has(before) || before.endsWith("'")) {
            // Object pronoun: "nous vous remercions" → "nous te remercions", "je vous aide" → "je t'aide".
            if (vowelStart(next)) return add(m.index, end(m) + (doc.text.slice(end(m)).length - doc.text.slice(end(m)).trimStart().length), [matchCase(m[0], "t'")], 'tu');
            fixes = [matchCase(m[0], 'te')];
          }
          add(m.index, end(m), fixes, 'tu');
        });
      }
      return hits.sort((a, b) => a.start - b.start);
    };
  },
};

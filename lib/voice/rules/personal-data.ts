import type { RuleOf } from '../pack';
import type { Span } from '../text';
import type { Hit, RuleKind } from './types';

type Kind = RuleOf<'personal-data'>['detect'][number];

/** Built-in patterns: bounded repeats only, so they stay linear on any input. */
const PATTERNS: Record<Kind, RegExp> = {
  email: /[\p{L}\p{N}._%+-]{1,64}@[\p{L}\p{N}-]{1,63}(?:\.[\p{L}\p{N}-]{1,63}){0,4}\.\p{L}{2,24}/gu,
  // French numbers (06 12 34 56 78, +33 6 12 34 56 78) and international ones (+44 20 7946 0958).
  phone: /(?<![\p{N}+])(?:(?:\+|00)\d{1,3}[\s.-]?(?:\(0\)[\s.-]?)?\d(?:[\s.-]?\d){6,11}|0[1-9](?:[\s.-]?\d{2}){4}|\(\d{3}\)\s?\d{3}[\s.-]?\d{4})(?!\p{N})/gu,
  // An order, ticket or file number after its label: only the number is flagged.
  order: /(?:commande|order|cmd|dossier|ticket|r[ée]f[ée]rence|r[ée]f\.?|n°|no\.)\s{0,3}(?:n°|no\.?|number|num[ée]ro|#)?\s{0,3}:?\s{0,3}#?(?<id>[A-Z0-9][A-Z0-9-]{4,24})/dgiu,
  iban: /(?<![\p{L}\p{N}])[A-Z]{2}\d{2}(?:\s?[A-Z0-9]{4}){2,7}(?:\s?[A-Z0-9]{1,3})?(?![\p{L}\p{N}])/gu,
  card: /(?<!\d)\d(?:[ -]?\d){12,18}(?!\d)/g,
};

const LABELS: Record<Kind, string> = {
  email: 'e-mail', phone: 'phone', order: 'order number', iban: 'IBAN', card: 'card number',
};

/** Stronger kinds first: a card number is not reported again as a phone number. */
const ORDER: Kind[] = ['email', 'iban', 'card', 'order', 'phone'];

/**
 * Personal data in a public reply (e-mail, phone, order number, IBAN, card): the fix is to move the
 * conversation to private messages, so the rule points and explains rather than rewriting.
 */
export const personalData: RuleKind<RuleOf<'personal-data'>> = {
  vocabulary: true,
  compile(rule) {
    const kinds = ORDER.filter((k) => rule.detect.includes(k));
    return (doc) => {
      const hits: Hit[] = [];
      const taken: Span[] = [];
      for (const kind of kinds) {
        for (const m of doc.text.matchAll(PATTERNS[kind])) {
          const [start, end] = m.indices?.groups?.id ?? [m.index, m.index + m[0].length];
          const value = doc.text.slice(start, end);
          if (!valid(kind, value)) continue;
          if (taken.some((t) => start < t.end && t.start < end)) continue;
          taken.push({ start, end });
          hits.push({ start, end, args: [LABELS[kind]] });
        }
      }
      return hits.sort((a, b) => a.start - b.start);
    };
  },
};

function valid(kind: Kind, value: string): boolean {
  if (kind === 'order') return /\d/.test(value);
  if (kind === 'card') return luhn(value.replace(/\D/g, ''));
  if (kind === 'iban') return ibanChecksum(value.replace(/\s/g, ''));
  return true;
}

function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

/** ISO 13616 mod-97 check, so "FR76" followed by random digits in a sentence is not an IBAN. */
function ibanChecksum(iban: string): boolean {
  const moved = iban.slice(4) + iban.slice(0, 4);
  let rest = 0;
  for (const ch of moved) {
    const v = /\d/.test(ch) ? ch : String(ch.charCodeAt(0) - 55);
    for (const d of v) rest = (rest * 10 + Number(d)) % 97;
  }
  return rest === 1;
}

import { describe, expect, it } from 'vitest';
import type { CheckContext } from '../../../lib/voice/context';
import { check } from '../../../lib/voice/engine';
import { parsePack, type Finding, type VoicePack } from '../../../lib/voice/pack';

export function packOf(rules: object[], extra: object = {}): VoicePack {
  const parsed = parsePack({ format: 'vigie-voice-pack', version: 1, id: 't', name: 't', lang: 'fr', rules, ...extra });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.pack;
}

export const rule = (r: object) => ({ id: 'r', severity: 'warning', message: '%s', explanation: 'why', ...r });

export interface Expected {
  start: number;
  end: number;
  fixes?: string[];
  message?: string;
}
type Case = string | { text: string; ctx?: CheckContext };

/** textlint-tester style: valid texts give no finding; invalid ones give exactly these ranges and fixes. */
export function ruleTable(
  name: string,
  r: object,
  table: { valid: Case[]; invalid: { text: string; ctx?: CheckContext; expected: Expected[] }[] },
): void {
  const pack = packOf([rule(r)]);
  describe(name, () => {
    it.each(table.valid.map((c) => (typeof c === 'string' ? { text: c } : c)))('accepts %j', ({ text, ctx }) => {
      expect(check(text, pack, ctx)).toEqual([]);
    });
    it.each(table.invalid)('flags %j', ({ text, ctx, expected }) => {
      const found = check(text, pack, ctx).map((f: Finding) => {
        const e = expected.find((x) => x.start === f.start) ?? expected[0];
        return {
          start: f.start,
          end: f.end,
          ...(e?.fixes ? { fixes: f.fixes } : {}),
          ...(e?.message ? { message: f.message } : {}),
        };
      });
      expect(found).toEqual(expected);
    });
  });
}

/** Offsets of `needle` in `text` (the n-th occurrence), so tables stay readable. */
export const at = (text: string, needle: string, nth = 0) => {
  let i = -1;
  for (let k = 0; k <= nth; k++) i = text.indexOf(needle, i + 1);
  if (i < 0) throw new Error(`"${needle}" not in "${text}"`);
  return { start: i, end: i + needle.length };
};

import { describe, expect, it } from 'vitest';
import { check } from '../../../lib/voice/engine';
import { parsePack } from '../../../lib/voice/pack';
import { checkRegexSafety } from '../../../lib/voice/regex-safety';
import { packOf, rule } from './table';

describe('regex safety', () => {
  it.each([
    ['(a+)+$', /nested repetition/],
    ['(\\w+\\s?)*$', /nested repetition/],
    ['(.*a){20}', /nested repetition/],
    ['(a|a)*$', /alternatives/],
    ['(a|ab)*c', /alternatives/],
    ['\\s*\\s*$', /adjacent repeats/],
    ['.*.*=', /adjacent repeats/],
    ['(\\d+)\\1+', /backreference/],
  ])('refuses %s', (pattern, reason) => {
    const verdict = checkRegexSafety(pattern, false);
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) expect(verdict.reason).toMatch(reason);
  });

  it.each(['\\b(?:re)?command(?:e|é)s?\\b', '(?:\\b[A-Z][a-z]+ )+\\(([A-Z]{3,5})\\)', '(?:[^\\s,]+,)+ \\w+ (?:and|or)', '\\w+\\s+\\w+', '(?:foo|bar)+', '-?\\d{1,2}\\s?%'])(
    'accepts %s',
    (pattern) => expect(checkRegexSafety(pattern, true)).toEqual({ ok: true }),
  );

  it('a pack with a catastrophic pattern is refused with its line, and never compiled', () => {
    const text = JSON.stringify({
      format: 'vigie-voice-pack', version: 1, id: 'p', name: 'p', lang: 'en',
      rules: [{ id: 'evil', kind: 'existence', severity: 'error', message: 'm', explanation: 'e', patterns: ['(a+)+b'] }],
    }, null, 2);
    const parsed = parsePack(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors[0]).toMatchObject({ path: ['rules', 0, 'patterns', 0], line: text.split('\n').findIndex((l) => l.includes('(a+)+b')) + 1, message: expect.stringMatching(/unsafe regular expression refused/) });
  });

  it('the worst accepted patterns stay fast on a hostile 10,000-character reply', () => {
    const pack = packOf([
      rule({ id: 'a', kind: 'existence', patterns: ['(?:\\b[A-Z][a-z]+ )+\\(([A-Z]{3,5})\\)'], nonword: true }),
      rule({ id: 'b', kind: 'existence', patterns: ['(?:[^\\s,]+,)+ \\w+ (?:and|or)'], nonword: true }),
      rule({ id: 'c', kind: 'conditional', first: '\\b([A-Z]{3,5})\\b', second: '(?:\\b[A-Z][a-z]+ )+\\(([A-Z]{3,5})\\)' }),
    ]);
    const hostile = ['Aaaa '.repeat(2000), 'a,'.repeat(5000), 'ABC '.repeat(2500)];
    const t0 = performance.now();
    for (const text of hostile) check(text, pack);
    expect(performance.now() - t0).toBeLessThan(1000);
  });
});

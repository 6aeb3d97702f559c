import { describe, expect, it } from 'vitest';
import { parsePack } from '../../../lib/voice/pack';

const good = {
  format: 'vigie-voice-pack', version: 1, id: 'acme', name: 'Acme', lang: 'fr', brandId: 'b1', vocabulary: ['Acme'],
  rules: [{ id: 'a', kind: 'existence', severity: 'warning', message: 'm', explanation: 'e', tokens: ['lol'] }],
};

describe('parsePack', () => {
  it('accepts a valid pack (object or JSON text) and applies defaults', () => {
    const parsed = parsePack(JSON.stringify(good, null, 2));
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.pack.rules[0]).toMatchObject({ ignoreCase: true, nonword: false });
    expect(parsePack(good).ok).toBe(true);
  });

  it('names the line and reason of a JSON syntax error', () => {
    const text = '{\n  "format": "vigie-voice-pack",\n  "version": 1,\n  "id": "x"\n  "name": "n"\n}';
    // The comma is missing at the end of line 4; the parser meets "name" on line 5.
    expect(parsePack(text)).toEqual({ ok: false, errors: [{ path: [], line: 5, message: expect.stringContaining('expected "," or "}"') }] });
  });

  it('names the line of an invalid field', () => {
    const text = JSON.stringify({ ...good, rules: [good.rules[0], { ...good.rules[0], id: 'b', severity: 'fatal' }] }, null, 2);
    const parsed = parsePack(text);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    const line = text.split('\n').findIndex((l) => l.includes('"fatal"')) + 1;
    expect(parsed.errors).toEqual([{ path: ['rules', 1, 'severity'], line, message: expect.stringContaining('error') }]);
  });

  it('names unknown rule kinds and missing fields', () => {
    const text = JSON.stringify({ ...good, rules: [{ ...good.rules[0], kind: 'grammar' }, { id: 'c', kind: 'emoji', severity: 'error', message: 'm', explanation: 'e' }] }, null, 2);
    const parsed = parsePack(text);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors[0]!.message).toMatch(/unknown rule kind "grammar"; one of existence, substitution/);
    expect(parsed.errors[0]!.line).toBe(text.split('\n').findIndex((l) => l.includes('"grammar"')) + 1);
    expect(parsed.errors[1]).toMatchObject({ path: ['rules', 1, 'max'] });
    expect(parsed.errors[1]!.line).toBe(text.split('\n').findIndex((l) => l.includes('"id": "c"'))); // the rule's opening brace
  });

  it('refuses a newer format version and duplicate rule ids', () => {
    expect(parsePack({ ...good, version: 2 }).ok).toBe(false);
    const dup = parsePack({ ...good, rules: [good.rules[0], good.rules[0]] });
    expect(dup.ok ? [] : dup.errors.map((e) => e.message)).toEqual(['duplicate rule id "a"']);
  });

  it('refuses an invalid regular expression with its line', () => {
    const text = JSON.stringify({ ...good, rules: [{ ...good.rules[0], tokens: undefined, patterns: ['ok', '(unclosed'] }] }, null, 2);
    const parsed = parsePack(text);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors[0]).toMatchObject({ path: ['rules', 0, 'patterns', 1], line: text.split('\n').findIndex((l) => l.includes('(unclosed')) + 1 });
    expect(parsed.errors[0]!.message).toMatch(/invalid regular expression/);
  });
});

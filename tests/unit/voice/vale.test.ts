import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { check } from '../../../lib/voice/engine';
import { parsePack } from '../../../lib/voice/pack';
import { importVale, translateRegex } from '../../../lib/voice/vale';

const dir = join(import.meta.dirname, '../../fixtures/vale/Acme');
const files = readdirSync(dir).map((f) => ({ path: join(dir, f), yaml: readFileSync(join(dir, f), 'utf8') }));
const stylesPath = join(import.meta.dirname, '../../fixtures/vale');
const readFile = (p: string) => (existsSync(join(stylesPath, p)) ? readFileSync(join(stylesPath, p), 'utf8') : undefined);
const { pack, unsupported } = importVale(files, 'Acme', { readFile });
const byId = (id: string) => pack.rules.find((r) => r.id === id);

describe('importVale', () => {
  it('lists every rule file exactly once: imported or refused with a reason; imported ones may carry notes', () => {
    const names = files.map((f) => `Acme.${f.path.split('/').pop()!.replace('.yml', '')}`).sort();
    const imported = new Set(pack.rules.map((r) => r.id));
    const refused = unsupported.filter((u) => !imported.has(u.rule));
    expect([...imported, ...refused.map((u) => u.rule)].sort()).toEqual(names);
    expect(Object.fromEntries(refused.map((u) => [u.rule.replace('Acme.', ''), u.reason]))).toEqual({
      Broken: expect.stringMatching(/^invalid YAML at line \d/),
      Consistency: expect.stringMatching(/^consistency:/),
      Nested: expect.stringMatching(/unsafe regular expression refused/),
    });
    expect(unsupported.filter((u) => imported.has(u.rule))).toEqual([{ rule: 'Acme.Headings', reason: expect.stringMatching(/^scope "heading": only Markdown .* in a plain reply the rule finds nothing/) }]);
  });

  it('maps level, message, link, ignorecase and tokens; a rule without a level is a warning, as in Vale', () => {
    expect(importVale([{ path: 'S/R.yml', yaml: 'extends: existence\nmessage: m\ntokens: [x]\n' }], 'S').pack.rules[0]).toMatchObject({ severity: 'warning' });
    expect(byId('Acme.Hedging')).toMatchObject({
      kind: 'existence', severity: 'warning', message: "Avoid hedging with '%s'.", link: 'https://example.com/acme/style/hedging',
      ignoreCase: true, tokens: ['I think', 'kind of', 'sort of', 'perhaps', 'maybe'],
    });
    expect(byId('Acme.SentenceLength')).toMatchObject({ kind: 'occurrence', max: 25, scope: 'sentence', severity: 'suggestion' });
    expect(byId('Acme.Acronyms')).toMatchObject({ kind: 'conditional', ignoreCase: false, exceptions: ['API', 'FAQ', 'URL'] });
    expect(byId('Acme.Readability')).toMatchObject({ kind: 'metric', condition: '> 8' });
    expect(byId('Acme.SentenceCase')).toMatchObject({ kind: 'capitalization', mode: 'sentence-start' });
    expect(byId('Acme.Headings')).toMatchObject({ kind: 'capitalization', mode: 'headings', case: 'sentence', blocks: ['heading'] });
  });

  it('maps capitalization onto headings, with match, style, exceptions, indicators, prefix, threshold and vocab', () => {
    const one = (yaml: string) => importVale([{ path: 'S/R.yml', yaml }], 'S');
    const title = one("extends: capitalization\nmessage: m\nscope: heading.h2\nmatch: $title\nstyle: Chicago\nexceptions: ['(?i)macos', 'brew(1)']\nthreshold: 0.9\nvocab: false\n");
    expect(title.pack.rules[0]).toEqual(expect.objectContaining({
      mode: 'headings', case: 'title', titleStyle: 'Chicago', exceptions: ['(?i)macos', 'brew(1)'], threshold: 0.9, useVocabulary: false, blocks: ['heading.h2'],
    }));
    const sentence = one("extends: capitalization\nmessage: m\nscope: heading & ~heading.h1\nmatch: $sentence\nindicators: [':']\nprefix: '^[a-z]\\.\\s'\n");
    expect(sentence.pack.rules[0]).toEqual(expect.objectContaining({ case: 'sentence', indicators: [':'], prefix: '^[a-z]\\.\\s', blocks: ['heading & ~heading.h1'] }));
    expect(one('extends: capitalization\nmessage: m\nscope: heading\nmatch: (?i)^[a-z ]+$\n').pack.rules[0]).toEqual(expect.objectContaining({ pattern: '(?i)^[a-z ]+$' }));
    // Without a scope, Vale reads the text (manager.go); only $sentence has an equivalent there.
    expect(one('extends: capitalization\nmessage: m\nmatch: $sentence\n').pack.rules[0]).toMatchObject({ mode: 'sentence-start' });
    expect(one('extends: capitalization\nmessage: m\nmatch: $title\n').unsupported).toEqual([{ rule: 'S.R', reason: expect.stringMatching(/checks it in headings only/) }]);
    expect(one('extends: capitalization\nmessage: m\nscope: list\nmatch: $title\n').unsupported).toEqual([{ rule: 'S.R', reason: expect.stringMatching(/^scope "list"/) }]);
    expect(one('extends: capitalization\nmessage: m\nscope: heading\n').unsupported).toEqual([{ rule: 'S.R', reason: expect.stringMatching(/^no "match"/) }]);
  });

  it('maps sequence tokens onto the English sequence rule, run per sentence whatever the scope, and refuses malformed ones', () => {
    expect(byId('Acme.Passive')).toMatchObject({ kind: 'sequence', language: 'en', tokens: [{ tag: 'VBN|VBD', negate: false, skip: 0 }, { pattern: 'by', negate: false, skip: 0 }] });
    const one = (yaml: string) => importVale([{ path: 'S/R.yml', yaml }], 'S');
    const scoped = one("extends: sequence\nmessage: m\nscope: heading\ntokens:\n  - tag: NN\n  - pattern: '(?i)using'\n");
    expect(scoped.unsupported).toEqual([]);
    expect(scoped.pack.rules[0]).toMatchObject({ ignoreCase: true, tokens: [{ tag: 'NN' }, { pattern: 'using' }] });
    expect(scoped.pack.rules[0]).not.toHaveProperty('blocks');
    expect(one('extends: sequence\nmessage: m\ntokens: [by]\n').unsupported).toEqual([{ rule: 'S.R', reason: expect.stringMatching(/^"tokens\.0": /) }]);
    expect(one('extends: sequence\nmessage: m\ntokens:\n  - tag: NN\n').unsupported).toEqual([{ rule: 'S.R', reason: expect.stringMatching(/anchor/) }]);
  });

  it('maps swap, with "a|b" alternatives and regex keys', () => {
    expect(byId('Acme.Terms')).toMatchObject({ kind: 'substitution', regex: false, severity: 'error', swap: { 'web site': ['website', 'site'], 'e-mail': 'email' } });
    expect(byId('Acme.Plurals')).toMatchObject({ kind: 'substitution', regex: true });
  });

  it('produces a pack that validates and checks text the way the Vale rules would', () => {
    const reparsed = parsePack(JSON.stringify(pack));
    expect(reparsed.ok).toBe(true);
    const text = 'I think the web site works! Please utilize the API and the SDK, great great news! Our customer(s) agree!';
    const found = check(text, pack);
    const summary = found.map((f) => [f.ruleId, f.match, f.fixes, f.message]);
    expect(summary).toEqual([
      ['Acme.Hedging', 'I think', [], "Avoid hedging with 'I think'."],
      ['Acme.Terms', 'web site', ['website', 'site'], "Use 'website' or 'site' instead of 'web site'."],
      // One alert at the first '!' of the text, as Vale reports an occurrence over its maximum.
      ['Acme.Exclamation', '!', [], 'Use at most one exclamation mark.'],
      ['Acme.Terms', 'utilize', ['use'], "Use 'use' instead of 'utilize'."],
      ['Acme.Acronyms', 'SDK', [], "Spell out 'SDK', if it's unfamiliar to the audience."],
      ['Acme.Repetition', 'great great', ['great'], "'great' is repeated!"],
      ['Acme.Plurals', 'customer(s)', ['customers'], "Use 'customers' instead of 'customer(s)'."],
    ]);
  });

  it('translates RE2 syntax to JavaScript', () => {
    expect(translateRegex('(?i)\\bfoo\\:(?P<x>[[:alpha:]]+)')).toEqual({ source: '\\bfoo:(?<x>[\\p{L}]+)', ignoreCase: true });
    expect(translateRegex('[a\\-z]\\-')).toEqual({ source: '[a\\-z]-', ignoreCase: false });
  });
});

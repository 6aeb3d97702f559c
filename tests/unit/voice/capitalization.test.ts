import { describe, expect, it } from 'vitest';
import { check } from '../../../lib/voice/engine';
import { parsePack } from '../../../lib/voice/pack';
import { at, packOf, rule, ruleTable } from './table';

const t1 = 'Bonjour. merci pour votre message ! à bientôt.';
ruleTable('capitalization: sentence start', { kind: 'capitalization', mode: 'sentence-start' }, {
  valid: ['Bonjour. Merci !', '@julie merci', '#Soldes ok', 'iPhone disponible.', 'https://exemple.fr ok', '« Bonjour »'],
  invalid: [
    { text: t1, expected: [{ ...at(t1, 'merci'), fixes: ['Merci'] }, { ...at(t1, 'à'), fixes: ['À'] }] },
    { text: 'élodie est là', expected: [{ start: 0, end: 6, fixes: ['Élodie'] }] },
  ],
});
const t2 = 'Sur Linkedin ou youtube, pas sur LinkedIn.';
ruleTable('capitalization: canonical terms', { kind: 'capitalization', mode: 'terms', terms: ['LinkedIn', 'YouTube'] }, {
  valid: ['Sur LinkedIn et YouTube.', 'linkedinesque'],
  invalid: [{ text: t2, expected: [{ ...at(t2, 'Linkedin'), fixes: ['LinkedIn'] }, { ...at(t2, 'youtube'), fixes: ['YouTube'] }] }],
});

const md = { markup: 'markdown' as const };
const doc = '# A Title In Title Case\n\nbody text stays as it is.\n\n## Use `npm ci` Everywhere\n\n## The lock file\n';
ruleTable('capitalization: headings in sentence case', { kind: 'capitalization', mode: 'headings', case: 'sentence', blocks: ['heading & ~heading.h1'], message: "'%s' should read '%s'" }, {
  valid: [{ text: doc.replace('Everywhere', 'everywhere'), ctx: md }, '## Title Case Everywhere'],
  invalid: [{ text: doc, ctx: md, expected: [{ ...at(doc, 'Use `npm ci` Everywhere'), message: "'Use `npm ci` Everywhere' should read 'Use `npm ci` everywhere'", fixes: [] }] }],
});
// The message shows each code span where it was written: a literal star (an escaped `\*`) before it is not its place.
const starred = '## \\* `x` Item\n\n## \\*`x` Item\n\n## `a` and \\* `b` Here Now\n';
ruleTable('capitalization: headings, code shown in its place', { kind: 'capitalization', mode: 'headings', case: 'sentence', blocks: ['heading'], message: "'%s' should read '%s'" }, {
  valid: [{ text: '## \\* `x` item\n', ctx: md }],
  invalid: [{
    text: starred,
    ctx: md,
    expected: [
      { ...at(starred, '\\* `x` Item'), message: "'* `x` Item' should read '* `x` item'" },
      { ...at(starred, '\\*`x` Item'), message: "'*`x` Item' should read '*`x` item'" },
      { ...at(starred, '`a` and \\* `b` Here Now'), message: "'`a` and * `b` Here Now' should read '`a` and * `b` here now'" },
    ],
  }],
});
// A star between spaces opens and closes no emphasis: it stays in the heading, a word of no case, as in Vale's rendered
// heading (4 words of 5 right: 0.8 passes); emphasis marks do not.
const times = '## Multiply 5 * 3 Now And Then\n\n## Multiply **5** By 3 Now\n';
ruleTable('capitalization: headings, literal stars and emphasis', { kind: 'capitalization', mode: 'headings', case: 'sentence', blocks: ['heading'], message: "'%s' should read '%s'" }, {
  valid: [{ text: '## Multiply 5 * 3 Now\n\n## Multiply *5* by 3 now\n', ctx: md }],
  invalid: [{
    text: times,
    ctx: md,
    expected: [
      { ...at(times, 'Multiply 5 * 3 Now And Then'), message: "'Multiply 5 * 3 Now And Then' should read 'Multiply 5 * 3 now and then'" },
      { ...at(times, 'Multiply **5** By 3 Now'), message: "'Multiply 5 By 3 Now' should read 'Multiply 5 by 3 now'" },
    ],
  }],
});
// A pattern is shown as written: its stars are not code.
ruleTable('capitalization: headings matching a pattern', { kind: 'capitalization', mode: 'headings', pattern: '^[A-Z].*', blocks: ['heading'], message: "'%s' should read '%s'" }, {
  valid: [{ text: '## Use `x` first\n', ctx: md }],
  invalid: [{ text: '## `x` first\n', ctx: md, expected: [{ start: 3, end: 12, message: "'`x` first' should read '^[A-Z].*'" }] }],
});
ruleTable('capitalization: headings in Chicago title case, exceptions and vocabulary', {
  kind: 'capitalization', mode: 'headings', case: 'title', titleStyle: 'Chicago', blocks: ['heading'], exceptions: ['(?i)npm'],
}, {
  valid: [{ text: '# Working with the npm CLI\n\n## Vigie for Teams\n', ctx: md }],
  invalid: [{ text: '# working with the NPM cli\n', ctx: md, expected: [{ start: 2, end: 26 }] }],
});

describe('capitalization: headings', () => {
  it('takes the pack vocabulary as exceptions unless told not to', () => {
    const text = '## Meet vigie\n';
    const withVocab = (useVocabulary: boolean) => packOf([rule({ kind: 'capitalization', mode: 'headings', case: 'title', blocks: ['heading'], useVocabulary })], { vocabulary: ['vigie'] });
    expect(check(text, withVocab(true), md)).toEqual([]);
    expect(check(text, withVocab(false), md).map((f) => f.match)).toEqual(['Meet vigie']);
  });

  it('needs a case or a pattern, and blocks that name headings only', () => {
    const pack = (r: object) => parsePack({ format: 'vigie-voice-pack', version: 1, id: 'p', name: 'p', lang: 'en', rules: [rule({ kind: 'capitalization', mode: 'headings', ...r })] });
    expect(pack({ case: 'title', blocks: ['heading.h2'] }).ok).toBe(true);
    expect(pack({ blocks: ['heading'] }).ok).toBe(false);
    expect(pack({ case: 'title', pattern: '^A', blocks: ['heading'] }).ok).toBe(false);
    expect(pack({ case: 'title' }).ok).toBe(false);
    expect(pack({ case: 'title', blocks: ['list'] }).ok).toBe(false);
    const unsafe = pack({ case: 'title', blocks: ['heading'], exceptions: ['(a+)+$'] });
    expect(unsafe.ok || unsafe.errors[0]).toMatchObject({ path: ['rules', 0, 'exceptions', 0], message: expect.stringMatching(/unsafe/) });
  });
});

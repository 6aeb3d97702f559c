import { describe, expect, it } from 'vitest';
import { check } from '../../../lib/voice/engine';
import { parsePack } from '../../../lib/voice/pack';
import { importVale } from '../../../lib/voice/vale';
import { at, ruleTable } from './table';

const long = 'Un deux trois quatre cinq six sept huit neuf dix onze.';
ruleTable('metric: words per sentence', { kind: 'metric', formula: 'words', condition: '> 10', scope: 'sentence', message: '%s mots' }, {
  valid: ['Court. Très court.', ''],
  invalid: [{ text: `Court. ${long}`, expected: [{ start: 7, end: 7 + long.length, message: '11 mots' }] }],
});
ruleTable('metric: text length in characters', { kind: 'metric', formula: 'characters', condition: '>= 20' }, {
  valid: ['Dix lettres'],
  invalid: [{ text: 'Vingtlettres exactement', expected: [{ start: 0, end: 23 }] }],
});
const hard = 'Nonobstant les considérations organisationnelles préalablement communiquées, l’administration intercommunautaire réévaluera ultérieurement l’opportunité institutionnelle concernant vos réclamations indemnitaires complémentaires.';
ruleTable('metric: readability (Kandel-Moles)', {
  kind: 'metric', formula: '207 - 1.015 * (words / sentences) - 73.6 * (syllables / words)', condition: '< 40', minWords: 10,
}, {
  valid: ['Votre colis part demain. Nous vous envoyons le suivi par message. Merci de votre patience, à très vite.'],
  invalid: [{ text: hard, expected: [{ start: 0, end: hard.length }] }],
});

const md = '# Title\n\nSome text.\n\n## One\n\n- a\n- b\n  still b\n\n## Two\n\n```\n## not a heading\n```\n';
ruleTable('metric: Markdown headings and list items', { kind: 'metric', formula: 'heading.h2 * 10 + heading_h1 + list / 10', condition: '> 0', message: '%s' }, {
  // A plain reply has neither.
  valid: ['## not a heading in a reply'],
  invalid: [{ text: md, ctx: { markup: 'markdown' }, expected: [{ start: 0, end: md.length, message: '21.2' }] }],
});

// A thematic break is no list item, though `* * *` and `- - -` read as one (CommonMark 4.1, 5.2): goldmark makes it an
// <hr>, which has no text, and Vale's `list` counts list items' texts. An item holding only a break has none either.
const mdCtx = { markup: 'markdown' as const };
const breaks = 'Intro\n\n* * *\n\n- - -\n\n___\n\n***\n\n   _ _ _\n\n- real item\n';
const between = '- a\n* * *\n- b\n- - -\n+ c\n';
const notBreaks = '* -- *\n\n- _ _ x\n\n    * * *\n';
ruleTable('metric: list items, thematic breaks left out', { kind: 'metric', formula: 'list', condition: '> 0', message: '%s' }, {
  valid: [
    { text: 'Intro\n\n* * *\n\n- - -\n\n___\n\n***\n\n - -  -\t-\n', ctx: mdCtx },
    { text: 'Intro\n* * *\nmore\n', ctx: mdCtx },
    { text: '- * * *\n', ctx: mdCtx },
  ],
  invalid: [
    { text: breaks, ctx: mdCtx, expected: [{ start: 0, end: breaks.length, message: '1' }] },
    { text: between, ctx: mdCtx, expected: [{ start: 0, end: between.length, message: '3' }] },
    // Not breaks: marks mixed, a letter after them, or four spaces in (code, and no list either).
    { text: notBreaks, ctx: mdCtx, expected: [{ start: 0, end: notBreaks.length, message: '2' }] },
  ],
});
// The break ends the list (and a quote): what follows is a paragraph, unless the break is indented into an item's text.
const inItem = '- a\n  * * *\n  lol\n';
const afterBreak = '- lol\n* * *\nlol\n\n> x\n- - -\nlol\n';
ruleTable('existence in lists: thematic breaks end them', { kind: 'existence', tokens: ['lol'], blocks: ['list'] }, {
  valid: [{ text: '- a\n* * *\nlol\n', ctx: mdCtx }, { text: '* * *\nlol\n', ctx: mdCtx }, { text: '1. a\n- - -\nlol\n', ctx: mdCtx }],
  invalid: [
    { text: inItem, ctx: mdCtx, expected: [at(inItem, 'lol')] },
    { text: afterBreak, ctx: mdCtx, expected: [at(afterBreak, 'lol')] },
  ],
});

describe('metric formulas', () => {
  it("imports Vale's heading.hN variables, and prints the value as Vale does", () => {
    const { pack, unsupported } = importVale([{ path: 'S/R.yml', yaml: 'extends: metric\nmessage: "%s H2s"\nformula: heading.h2 + list\ncondition: "> 1"\n' }], 'S');
    expect(unsupported).toEqual([]);
    expect(check(md, pack, { markup: 'markdown' }).map((f) => f.message)).toEqual(['4.00 H2s']);
  });

  it('refuses unknown names and bad syntax with the rule path', () => {
    const bad = parsePack({
      format: 'vigie-voice-pack', version: 1, id: 'p', name: 'p', lang: 'fr',
      rules: [{ id: 'm', kind: 'metric', severity: 'warning', message: 'm', explanation: 'e', formula: 'words / process.exit()', condition: '> 1' }],
    });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors[0]).toMatchObject({ path: ['rules', 0, 'formula'], message: expect.stringContaining('unknown name "process.exit"') });
  });
});

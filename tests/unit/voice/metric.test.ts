import { describe, expect, it } from 'vitest';
import { check } from '../../../lib/voice/engine';
import { parsePack } from '../../../lib/voice/pack';
import { importVale } from '../../../lib/voice/vale';
import { ruleTable } from './table';

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

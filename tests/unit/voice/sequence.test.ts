import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { check } from '../../../lib/voice/engine';
import { createEnglishTagger } from '../../../lib/voice/tagger/en';
import { englishTaggerData } from '../../../lib/voice/tagger/node';
import { at, packOf, rule, ruleTable } from './table';

const en = { lang: 'en', taggers: { en: createEnglishTagger(englishTaggerData()) } };
const inf = (text: string) => ({ text, ctx: en });

ruleTable('sequence: a modal, "be", an adjective, a bare verb (Vale LanguageTool.WOULD_BE_JJ_VB)', {
  kind: 'sequence', language: 'en',
  message: "The infinitive '%[4]s' after 'be' needs 'to': '%[2]s %[3]s to %[4]s'?",
  tokens: [{ tag: 'MD' }, { pattern: 'be' }, { tag: 'JJ' }, { tag: 'VB|VBN' }],
}, {
  valid: [
    inf('It would be great to write a story.'),
    inf('It would be great.'),
    // Without the tagger (a content script) or on a reply in another language, nothing is guessed.
    'It would be great write a story.',
    { text: 'It would be great write a story.', ctx: { ...en, lang: 'fr' } },
  ],
  invalid: [
    { text: 'It would be great write a story.', ctx: en, expected: [{ ...at('It would be great write a story.', 'would be great write'), message: "The infinitive 'write' after 'be' needs 'to': 'be great to write'?" }] },
    // Each place the anchor occurs starts from the next word it matches.
    {
      text: 'It would be great write and would be happy come.', ctx: en,
      expected: [at('It would be great write and would be happy come.', 'would be great write'), at('It would be great write and would be happy come.', 'would be happy come')],
    },
  ],
});

ruleTable('sequence: up to three words between a superlative and the idiom (skip)', {
  kind: 'sequence', language: 'en', tokens: [{ tag: 'JJS', skip: 3 }, { pattern: 'of' }, { pattern: 'all' }, { pattern: 'times' }],
}, {
  valid: [inf('The best player of all time.'), inf('The greatest big basketball team player of all times.'), inf('A player of all times.')],
  invalid: [
    { text: 'The best player of all times was Pelé.', ctx: en, expected: [at('The best player of all times was Pelé.', 'best player of all times')] },
    { text: 'The greatest basketball team player of all times.', ctx: en, expected: [at('The greatest basketball team player of all times.', 'greatest basketball team player of all times')] },
  ],
});

ruleTable('sequence: a clitic joins the word before it, as Vale joins the steps', {
  kind: 'sequence', language: 'en', message: 'Did you mean "%[1]ss" instead of "%[1]s\'s"?', tokens: [{ tag: 'NN' }, { pattern: "'s" }, { pattern: 'are' }],
}, {
  valid: [inf("The API's endpoints are available."), inf("Have you been to Don's house yet?")],
  invalid: [{ text: "The endpoint's are available.", ctx: en, expected: [{ ...at("The endpoint's are available.", "endpoint's are"), message: 'Did you mean "endpoints" instead of "endpoint\'s"?' }] }],
});

ruleTable('sequence: a negated tag, and a pattern that must meet its tag too', {
  kind: 'sequence', language: 'en', ignoreCase: true, tokens: [{ tag: 'NN', pattern: 'data' }, { tag: 'VBZ', negate: true }],
}, {
  valid: [inf('The data is here.'), inf('The dates are here.')],
  invalid: [{ text: 'The Data are here.', ctx: en, expected: [at('The Data are here.', 'Data are')] }],
});

ruleTable('sequence: case is kept unless ignoreCase', {
  kind: 'sequence', language: 'en', tokens: [{ tag: 'NN', pattern: 'metadata' }, { tag: 'VBZ', skip: 4 }],
}, {
  valid: [inf('Metadata for this purpose is valid.'), inf('The metadata for this one two purpose is valid.')],
  invalid: [{ text: 'The metadata for this purpose is valid.', ctx: en, expected: [at('The metadata for this purpose is valid.', 'metadata for this purpose is')] }],
});

describe('sequence', () => {
  it('alerts nowhere when punctuation keeps the joined words from occurring in the sentence, as Vale', () => {
    const pack = packOf([rule({ kind: 'sequence', language: 'en', tokens: [{ tag: 'NN', skip: 7 }, { tag: 'PRP', pattern: 'he|she' }] })]);
    expect(check('In my opinion, he is right.', pack, en)).toEqual([]);
    expect(check('In my opinion he is right.', pack, en).map((f) => f.match)).toEqual(['opinion he']);
  });

  it('refuses French with the reason: there is no tagger for it', () => {
    expect(() => packOf([rule({ kind: 'sequence', language: 'fr', tokens: [{ pattern: 'être' }] })])).toThrow(/no maintained French part-of-speech tagger/);
  });

  it('needs a step with a pattern to anchor it', () => {
    expect(() => packOf([rule({ kind: 'sequence', language: 'en', tokens: [{ tag: 'NN' }, { pattern: 'x', negate: true }] })])).toThrow(/anchor/);
  });
});

describe('the tagger stays out of the page, and its data out of the background script', () => {
  // Its data weighs a megabyte: a static import would bundle it with a content script, or have every start of the worker parse it.
  const root = join(import.meta.dirname, '../../..');
  const reach = (entry: string, seen = new Set<string>()): Set<string> => {
    if (seen.has(entry)) return seen;
    seen.add(entry);
    for (const [, spec] of readFileSync(entry, 'utf8').matchAll(/^(?:import|export)\s(?:[^;]*?\sfrom\s+)?'([^']+)'/gms)) {
      if (!spec!.startsWith('.') && !spec!.startsWith('@/')) {
        seen.add(spec!);
        continue;
      }
      const base = spec!.startsWith('@/') ? join(root, spec!.slice(2)) : join(dirname(entry), spec!);
      const file = ['.ts', '.tsx', '/index.ts'].map((ext) => base + ext).find(existsSync) ?? (existsSync(base) && base.endsWith('.ts') ? base : undefined);
      if (file) reach(file, seen);
    }
    return seen;
  };
  const entries = readdirSync(join(root, 'entrypoints')).filter((f) => f.endsWith('.content.ts'));

  it.each([...entries.map((f) => `entrypoints/${f}`), 'lib/voice/engine.ts', 'lib/voice/index.ts'])('%s never imports it', (entry) => {
    const reached = [...reach(join(root, entry))];
    expect(reached.length).toBeGreaterThan(1);
    expect(reached.filter((m) => m.startsWith('wink-') || m.includes('/lib/voice/tagger/'))).toEqual([]);
  });

  it('the background has its code, and reads its data from the file the build writes', () => {
    const reached = reach(join(root, 'entrypoints/background/index.ts'));
    expect(reached.has(join(root, 'lib/voice/tagger/en.ts'))).toBe(true);
    expect(reached.has(join(root, 'lib/voice/tagger/browser.ts'))).toBe(true);
    expect([...reached].filter((m) => m.startsWith('wink-') || m === 'node:module' || m.endsWith('/tagger/node.ts'))).toEqual([]);
  });
});

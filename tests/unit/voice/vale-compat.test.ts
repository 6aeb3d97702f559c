import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeDictionaries } from '../../../lib/voice/dictionaries/node';
import { createSpeller } from '../../../lib/voice/dictionaries/speller';
import { createEnglishTagger } from '../../../lib/voice/tagger/en';
import { englishTaggerData } from '../../../lib/voice/tagger/node';
import { alertKey, replay, scenarios, unsupportedSeen } from '../../../scripts/vale-replay';

/**
 * Vale's own checks.feature, its fixtures and the rules they enable, vendored from errata-ai/vale
 * (MIT, tests/fixtures/vale/testdata/LICENSE). Every alert Vale expects in a Markdown or text file
 * is found at Vale's line and column with Vale's message, but for the cases below, each with why.
 */
const root = join(import.meta.dirname, '../../fixtures/vale/testdata');

/** Rules whose alerts are not found: the import refuses them (see importVale's reasons). */
const REFUSED: Record<string, string> = {
  'Scripts.CustomMsg': 'script rules run Tengo code, never run by the engine',
  'Checks.ScriptRE': 'script rules run Tengo code, never run by the engine',
};
/** Alerts of imported rules that are not found, each with why. */
const MISSED: Record<string, string> = {};
/** Alerts the engine gives that Vale does not, by scenario. */
const EXTRA: Record<string, Record<string, string>> = {
  Repetition: {
    // Not matched on purpose: a repeated word before a full stop is the commonest repetition in a reply.
    'test.md:5:170:Vale.Repetition': 'Vale.Repetition compares whitespace-separated tokens ([^\\s]+) and alpha keeps all-letter ones only (definition.go, repetition.go): "plan plan." is "plan" then "plan.", never reported; the engine compares words',
  },
  Spelling: { 'test.md:20:91:Vale.Spelling': '"Webhooks" is missing from dictionary-en (SCOWL en_US); Vale ships its own en_US' },
};

const spellers = { en: createSpeller('en', await nodeDictionaries('en')) };
const taggers = { en: createEnglishTagger(englishTaggerData()) };

describe("Vale's checks.feature", () => {
  const all = scenarios(root, 'checks');
  it('has its scenarios vendored', () => {
    expect(all.map((s) => s.name)).toEqual(['Script', 'Metric', 'Conditional', 'Occurrence', 'SentenceCase', 'Repetition', 'Capitalization', 'Spelling', 'Existence', 'Substitution', 'Sequence']);
  });
  it.each(all.map((s) => [s.name, s] as const))('%s: Vale\'s alerts at its line and column, with its message', (name, sc) => {
    const { expected, found } = replay(sc, spellers, taggers);
    const foundByKey = new Map(found.map((l) => [alertKey(l), l]));
    const expectedKeys = new Set(expected.map(alertKey));
    const missing = expected.filter((l) => !foundByKey.has(alertKey(l)));
    expect(missing.filter((l) => !REFUSED[alertKey(l).split(':')[3]!]).map(alertKey)).toEqual(Object.keys(MISSED).filter((k) => missing.some((l) => alertKey(l) === k)));
    expect(found.filter((l) => !expectedKeys.has(alertKey(l))).map(alertKey)).toEqual(Object.keys(EXTRA[name] ?? {}));
    expect(expected.filter((l) => foundByKey.has(alertKey(l))).map((l) => foundByKey.get(alertKey(l)))).toEqual(expected.filter((l) => foundByKey.has(alertKey(l))));
  });
  it('counts: 57 alerts expected, 54 found, 2 extra', () => {
    const results = all.map((sc) => replay(sc, spellers, taggers));
    const expected = results.flatMap((r) => r.expected);
    const found = results.flatMap((r) => r.found);
    const keys = new Set(expected.map(alertKey));
    expect([expected.length, found.filter((l) => keys.has(alertKey(l))).length, found.filter((l) => !keys.has(alertKey(l))).length]).toEqual([57, 54, 2]);
    // Each rule listed as refused is one the import refused, with its own reason.
    expect(Object.keys(REFUSED).filter((id) => !unsupportedSeen.has(id))).toEqual([]);
  });
});

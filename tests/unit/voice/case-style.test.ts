import { describe, expect, it } from 'vitest';
import { checkCase, exception, type CaseSpec } from '../../../lib/voice/case-style';

const spec = (over: Partial<CaseSpec> & { except?: string[] }): CaseSpec => ({
  titleStyle: 'AP',
  exceptions: (over.except ?? []).map(exception).sort((a, b) => b.search.source.length - a.search.source.length),
  indicators: [],
  threshold: 0.8,
  ...over,
});
const expected = (s: string, over: Parameters<typeof spec>[0]) => checkCase(s, spec(over)).expected;

/** Cases from jdkato/twine v0.10.1 (strcase/*_test.go, testdata/*.json; MIT), the converters Vale compares headings with. */
describe("twine's case converters", () => {
  it.each([
    ['1. An important heading', '1. An important heading'],
    ['getting started with Vale server', 'Getting started with vale server'],
    ['Lession 1: getting started with vale server', 'Lession 1: Getting started with vale server'],
    ['Top-Level ideas', 'Top-level ideas'],
    ['Intro to the top-level idEas', 'Intro to the top-level ideas'],
  ])('sentence case: %j', (input, want) => {
    expect(expected(input, { case: 'sentence', indicators: [':'] })).toBe(want);
  });

  it.each([
    ['Getting started with vale server', 'Getting started with Vale Server'],
    ['macOS 15: What\'s new', 'macOS 15: What\'s new'],
    ['Configuration', 'Configuration'],
    ['Six NASA Instruments Will Fly to Moon on Intuitive Machines Lander', 'Six NASA instruments will fly to Moon on intuitive machines lander'],
    ['b. Next title text', 'b. Next title text'],
    ['Axon Server connection', 'Axon Server connection'],
  ])('sentence case with exceptions and a prefix: %j', (input, want) => {
    const except = ['Vale Server', '\\bI\\b', 'macOS', '[Cc]onfig', 'NASA', 'Moon', 'Axon', 'Axon Server'];
    expect(expected(input, { case: 'sentence', indicators: [':'], except, prefix: /^[a-z]\.\s/u })).toBe(want);
  });

  it.each([
    ['follow step-by-step instructions', 'Follow Step-by-Step Instructions'],
    ['catchy title: a subtitle', 'Catchy Title: A Subtitle'],
    ['small words are for by and of lowercase', 'Small Words Are for by and of Lowercase'],
    ['a small word it ends on', 'A Small Word It Ends On'],
    ['Ends with small word of', 'Ends With Small Word Of'],
    ['this vs. that', 'This vs. That'],
    ['fancy single quoted ‘inner’ word', 'Fancy Single Quoted ‘Inner’ Word'],
    ['dance with me/let’s face the music and dance', 'Dance With Me/Let’s Face the Music and Dance'],
    ['mac mc MAC MC machine', 'Mac Mc MAC MC Machine'],
    ['Any-source Multicase Routing (ASM)', 'Any-Source Multicase Routing (ASM)'],
    // "to" before a verb is capitalized, before a noun it is not: without parts of speech it stays as written.
    ['what i want to be when i grow up', 'What I Want to Be When I Grow Up'],
    ['what i want To be when i grow up', 'What I Want To Be When I Grow Up'],
  ])('AP title case: %j', (input, want) => {
    expect(expected(input, { case: 'title' })).toBe(want);
  });

  it.each([
    ['Ends with small word of', 'Ends with Small Word Of'],
    ['dance with me/let’s face the music and dance', 'Dance with Me/Let’s Face the Music and Dance'],
    ['Small word at end is nothing to be afraid of', 'Small Word at End Is Nothing to Be Afraid Of'],
    ['Mr McTavish went to MacDonalds', 'Mr McTavish Went to MacDonalds'],
  ])('Chicago title case: %j', (input, want) => {
    expect(expected(input, { case: 'title', titleStyle: 'Chicago' })).toBe(want);
  });

  it.each([
    ['Getting started with iOS 15', 'Getting Started With iOS 15'],
    ['Understanding json and yaml', 'Understanding JSON and YAML'],
    ['b. Next title text', 'b. Next Title Text'],
  ])('title case with exceptions and a prefix: %j', (input, want) => {
    expect(expected(input, { case: 'title', except: ['iOS', 'JSON', 'YAML'], prefix: /^[a-z]\.\s/u })).toBe(want);
  });
});

describe("Vale's verdict on a heading", () => {
  const sentence = spec({ case: 'sentence', except: ['Section', 'Level', 'Title'] });
  it.each([
    ['Level 1 Section Title', true],
    ['this isn\'t in sentence case', false],
    // Inline code stands as stars: a word of no case.
    ['**** is in sentence case', true],
    ['This Does Not Comply', false],
    // Three words of ten wrong fail the 0.8 threshold; one passes it.
    ['Every word here is right but the Last Two Words', false],
    ['Every word here is right but the last two Words', true],
  ])('sentence case, threshold 0.8: %j', (heading, ok) => {
    expect(checkCase(heading, sentence).ok).toBe(ok);
  });

  it('title case counts words in capitals as right, and exceptions whatever the converter made of them', () => {
    const title = spec({ case: 'title', titleStyle: 'Chicago', except: ['foo', 'Homebrew/homebrew-core'] });
    expect(checkCase('foo, bar, and Lorem Are Best Friends', title).ok).toBe(true);
    expect(checkCase('Homebrew/homebrew-core', title).ok).toBe(true);
    expect(checkCase('An API for the SDK', title).ok).toBe(true);
    expect(checkCase('an api for the sdk and more', title)).toEqual({ expected: 'An Api for the Sdk and More', ok: false });
  });

  it('lower, upper and patterns, exceptions passing the whole heading', () => {
    expect(checkCase('all lower', spec({ case: 'lower' })).ok).toBe(true);
    expect(checkCase('Not lower', spec({ case: 'lower' }))).toEqual({ expected: 'not lower', ok: false });
    expect(checkCase('Not lower', spec({ case: 'lower', except: ['Not'] })).ok).toBe(true);
    expect(checkCase('SHOUT', spec({ case: 'upper' })).ok).toBe(true);
    expect(checkCase('Starts with a capital', spec({ pattern: /^[A-Z]/u }))).toEqual({ expected: '^[A-Z]', ok: true });
    expect(checkCase('starts low', spec({ pattern: /^[A-Z]/u })).ok).toBe(false);
  });

  it('an exception marked (?i) holds in any case; others as written', () => {
    expect(checkCase('Use MACOS here', spec({ case: 'sentence', except: ['(?i)macos'] })).ok).toBe(true);
    expect(checkCase('Use MACOS here', spec({ case: 'sentence', except: ['macOS'] })).ok).toBe(false);
  });
});

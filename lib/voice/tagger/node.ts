import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { TaggerId } from '../pack';
import type { EnglishTaggerData } from './en';
import { TAGGER_FILES } from './files';
import type { TaggerSource } from './index';

// wink-lexicon as wink-pos-tagger itself resolves it: the data must be the one its code was written for.
const fromTagger = createRequire(createRequire(import.meta.url).resolve('wink-pos-tagger'));
const lexiconFile = (name: string) => fromTagger.resolve(`wink-lexicon/src/${name}.js`);
const ruleFile = (name: string) => fromTagger.resolve(`./rules/${name}.js`);
const load = <T>(file: string) => fromTagger(file) as T;

/** The leading comment of a source file: its copyright and licence. */
function header(file: string): string {
  const lines: string[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.startsWith('//')) {
      if (lines.length && line.trim() === '') continue;
      break;
    }
    lines.push(line.replace(/^\/\/ ?/, ''));
  }
  return lines.join('\n').trim();
}

interface WinkContextRule {
  rules: { op: 0 | 1; operand: { property: 'pos' | 'normal' | 'value'; delta?: number; range?: [number, number] }; matches: RegExp }[];
  thenPosAt: number;
  willBe: string;
}

/**
 * What wink-pos-tagger reads to tag (see EnglishTaggerData), read from its packages. The build writes
 * it to the file the background fetches (wxt.config.ts); the CLI, bench and tests use it as it is.
 */
export function englishTaggerData(): EnglishTaggerData {
  const words = load<Record<string, number>>(lexiconFile('wn-words'));
  const senses = load<number[][]>(lexiconFile('wn-word-senses'));
  const ordered = Object.keys(words).sort((a, b) => words[a]! - words[b]!);
  const exceptions = ['wn-adjective-exceptions', 'wn-noun-exceptions', 'wn-verb-exceptions'].flatMap((f) => Object.keys(load<object>(lexiconFile(f))));
  const rules = ['value-rules-le0', 'pos-rules-le0', 'value-rules-ge0', 'pos-rules-ge0'].map((f) => load<Record<string, WinkContextRule[]>>(ruleFile(f)));
  return {
    lexicon: { ...load<Record<string, string[]>>(lexiconFile('lexicon')) },
    words: ordered,
    // WordNet's lexicographer file 15 is noun.location.
    places: ordered.filter((w) => senses[words[w]!]![0] === 15),
    irregular: [...new Set(exceptions)],
    suffixes: { ...load<Record<string, string>>(lexiconFile('unknown-words')) },
    punctuation: { ...load<Record<string, string>>(lexiconFile('punctuations')) },
    contextRules: rules.map((set) =>
      Object.fromEntries(Object.entries(set).map(([pos, list]) => [pos, list.map((r) => ({ ...r, rules: r.rules.map((t) => ({ ...t, matches: t.matches.source })) }))])),
    ),
    // The tagger's licence (its rules' part from fnTBL is named in the lexicon's), the lexicon's, WordNet's.
    notice: [fromTagger.resolve('wink-pos-tagger'), lexiconFile('lexicon'), lexiconFile('wn-words')].map(header),
  };
}

let cached: EnglishTaggerData | undefined;
/** The tagger's data from node_modules, for the CLI, bench and tests. */
export const nodeTaggers: TaggerSource = async (_id: TaggerId) => (cached ??= englishTaggerData());

/** The build's files (wxt.config.ts): each tagger's data as JSON, where the background fetches it. */
export const taggerAssets = (): { relativeDest: string; contents: string }[] => [{ relativeDest: TAGGER_FILES.en, contents: JSON.stringify(englishTaggerData()) }];

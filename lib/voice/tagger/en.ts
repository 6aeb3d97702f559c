import type { PosTagger } from '../context';

/** One test of a context rule: the value of a word some places away, or of any word in a range. */
interface ContextTest {
  op: 0 | 1;
  operand: { property: 'pos' | 'normal' | 'value'; delta?: number; range?: [number, number] };
  /** A regex's source (no flags in wink's rules). */
  matches: string;
}

/** fnTBL's transformation: when every test passes and the word may be `willBe`, the word `thenPosAt` places away becomes it. */
interface ContextRule {
  rules: ContextTest[];
  thenPosAt: number;
  willBe: string;
}

/**
 * What wink-pos-tagger 2.2.2 reads to tag, as data (lib/voice/tagger/node.ts extracts it from the
 * packages): the build ships it as a file the background fetches once, the CLI builds it in memory.
 * The lemmatizer's data is not here: lemmas never change a tag.
 */
export interface EnglishTaggerData {
  /** Normalised word → its tags, the likeliest first. */
  lexicon: Record<string, string[]>;
  /** WordNet's words in its order: the first one's index is 0, which the tagger reads as "not found". */
  words: string[];
  /** WordNet words whose first sense is a place: capitalised, they are proper nouns. */
  places: string[];
  /** WordNet's irregular forms (adjective, noun and verb exceptions): words of English all the same. */
  irregular: string[];
  /** Final letters → the tag they suggest for a word the lexicon lacks. */
  suffixes: Record<string, string>;
  punctuation: Record<string, string>;
  /** The four rule sets by the tag they apply to, in the order wink applies them. */
  contextRules: Record<string, ContextRule[]>[];
  /** The licences of the data, kept with every copy as WordNet's licence asks. */
  notice: string[];
}

const NUMBER = /^\d+\/\d+|\d(?:[\.\,\-\/]?\d)*(?:\.\d+)?$/;
const PUNCTUATION = /^[\’\'\‘\’\`\“\”\"\[\]\(\)\{\}\…\,\.\!\;\?\-\:]+$/;
const DIACRITICS = /[\u0300-\u036f]/g;
// wink-pos-tagger's own list, its gaps kept (no "1920s", no "2000s"): the tags must be the CLI's.
const DECADES = new Set(['1990s', '1980s', '1970s', '1960s', '1950s', '1940s', '1930s', '1910s'].flatMap((d) => [d, `mid-${d}`]).concat('mid-1920s'));
/** Forms wink lemmatises by a table, which spares them the capital-letter rule below. */
const LEMMA_EXCEPTIONS = new Set(['ai', 'ca', 'sha', "'ll", 'wo', "'ve", "'m", "'re", "n't", "'d"]);
/** Derived forms tried against WordNet's words, in wink's order: a word they lead to is English. */
const DERIVED: [RegExp, string][] = [
  [/s$/, ''], [/es$/, ''], [/ies$/, 'y'], [/ing$/, ''], [/ing$/, 'e'], [/ed$/, ''], [/d$/, ''], [/er$/, ''], [/r$/, ''],
  [/est$/, ''], [/st$/, ''], [/xes$/, 'x'], [/zes$/, 's'], [/ves$/, 'f'], [/ches$/, 'ch'], [/shes$/, 'sh'], [/men$/, 'man'],
];

interface Token {
  value: string;
  normal: string;
  pos: string;
  punctuation: boolean;
  number: boolean;
}

/**
 * wink-pos-tagger's tagRawTokens over the data above, step for step (unigram-tagger.js, rules-engine.js
 * and the tag changes of its lemmatize()): each word's likeliest tag from the lexicon, or guessed from
 * its ending, then fnTBL's context rules, then capitalised nouns and adjectives made proper nouns.
 * tests/unit/voice/tagger.test.ts holds it to wink's own output.
 */
export function createEnglishTagger(data: EnglishTaggerData): PosTagger {
  const lexicon = new Map(Object.entries(data.lexicon));
  const words = new Map(data.words.map((w, i) => [w, i]));
  const places = new Set(data.places);
  const irregular = new Set(data.irregular);
  const suffixes = new Map(Object.entries(data.suffixes));
  const punctuation = new Map(Object.entries(data.punctuation));
  const ruleSets = data.contextRules.map(
    (set) => new Map(Object.entries(set).map(([pos, list]) => [pos, list.map((r) => ({ ...r, rules: r.rules.map((t) => ({ ...t, matches: new RegExp(t.matches) })) }))])),
  );

  const isPotentialWord = (word: string) => DERIVED.some(([re, by]) => re.test(word) && words.has(word.replace(re, by)));

  /** A word the lexicon lacks: known to WordNet (its ending tells the tag) or a name. */
  const guess = (token: Token): string[] => {
    const word = token.normal;
    const index = words.get(word);
    let pos: string | undefined;
    if (index || irregular.has(word) || isPotentialWord(word)) {
      if (index && places.has(word) && /^[A-Z][a-z]+/.test(token.value)) pos = 'NNP';
      else {
        pos = suffixes.get(word.slice(-4)) ?? suffixes.get(word.slice(-3)) ?? suffixes.get(word.slice(-2)) ?? suffixes.get(word.slice(-1));
        if (!pos && word.startsWith('un') && lexicon.has(word.slice(2))) pos = 'JJ';
      }
    } else pos = 'NNP';
    // The other tags it may have, for the context rules to choose from.
    return pos === undefined ? ['NN', 'VBP', 'VB'] : pos === 'NNS' ? ['NNS', 'VBZ'] : pos === 'VBN' ? ['VBD', 'VBN'] : [pos];
  };

  const unigram = (token: Token): string[] => {
    if (token.punctuation) {
      token.pos = punctuation.get(token.value) ?? token.value;
      return [token.pos];
    }
    if (token.number) {
      token.pos = 'CD';
      return [token.pos];
    }
    const poses = lexicon.get(token.normal) ?? guess(token);
    token.pos = poses[0]!;
    return poses;
  };

  const passes = (tokens: Token[], at: number, test: Omit<ContextTest, 'matches'> & { matches: RegExp }) => {
    const [from, to] = test.op === 0 ? [test.operand.delta!, test.operand.delta!] : test.operand.range!;
    for (let i = from; i <= to; i++) {
      const t = tokens[at + i];
      if (t && test.matches.test(t[test.operand.property])) return true;
    }
    return false;
  };

  return {
    tag(raw) {
      const tokens: Token[] = raw.map((value) => {
        const number = NUMBER.test(value);
        return { value, normal: value.toLowerCase().normalize('NFD').replace(DIACRITICS, ''), pos: '', number, punctuation: !number && PUNCTUATION.test(value) };
      });
      const poses = tokens.map(unigram);
      for (const rules of ruleSets) {
        for (let i = 0; i < tokens.length; i++) {
          for (const rule of rules.get(tokens[i]!.pos) ?? []) {
            if (rule.rules.every((test) => passes(tokens, i, test)) && poses[i]!.includes(rule.willBe)) {
              tokens[i + rule.thenPosAt]!.pos = rule.willBe;
              break;
            }
          }
        }
      }
      return tokens.map((t) => {
        if (DECADES.has(t.normal)) t.pos = 'CD';
        const capital = t.value[0]! >= 'A' && t.value[0]! <= 'Z';
        return !LEMMA_EXCEPTIONS.has(t.normal) && capital && (t.pos[0] === 'J' || t.pos[0] === 'N') ? 'NNP' : t.pos;
      });
    },
  };
}

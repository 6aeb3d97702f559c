import type { DictionaryId, PlatformId, TaggerId } from './pack';

export interface SentimentVerdict {
  label: string;
  /** -1 (most negative) .. 1 (most positive). */
  score: number;
}

/** What the engine knows about the reply being checked. */
export interface CheckContext {
  platform?: PlatformId;
  /** The reply's language (ISO 639-1); rules with `langs` run only when it matches. */
  lang?: string;
  /** The brand's address form; overrides the pack's address rule default. */
  address?: 'vous' | 'tu';
  /**
   * The text is Markdown (an article, a Reddit post, a Vale fixture): its code, link targets, URLs,
   * HTML and block markers are not prose and only rules marked `raw` read them. Replies are plain.
   */
  markup?: 'markdown';
  /** expert: errors only; trainee (default): everything. */
  mode?: 'trainee' | 'expert';
  /** Keys from ignoreForBrandKey / ignoreHereKey: findings with these keys are dropped. */
  ignored?: ReadonlySet<string> | readonly string[];
  /** Classifies the reply's own sentiment (lib/sentiment's classify fits). */
  sentiment?: (text: string) => SentimentVerdict;
  /**
   * Loaded dictionaries, by id (lib/voice/dictionaries loads them outside the page). A spelling rule
   * whose dictionary is missing finds nothing rather than flagging every word.
   */
  spellers?: Partial<Record<DictionaryId, Speller>>;
  /**
   * Part-of-speech taggers, by language (lib/voice/tagger loads them outside the page: their data
   * weighs a megabyte). A sequence rule whose tagger is missing finds nothing.
   */
  taggers?: Partial<Record<TaggerId, PosTagger>>;
}

/** Tags words in order, one Penn Treebank tag (NN, VBZ, JJS, "," ...) per word. */
export interface PosTagger {
  tag(words: readonly string[]): string[];
}

/** A dictionary: is a word spelled right, and what might have been meant. */
export interface Speller {
  correct(word: string): boolean;
  /** Best first. */
  suggest(word: string): string[];
}

import type { CheckContext } from '../context';
import type { JsonPath } from '../json-locate';
import type { PackCompiler } from '../matcher';
import type { TextDoc } from '../text';

/** One problem a rule found: a UTF-16 range, replacement choices, and the values for the message's `%s`. */
export interface Hit {
  start: number;
  end: number;
  fixes?: string[];
  /** Fill the message's `%s` in order; when absent, every `%s` is the matched text. */
  args?: (string | number)[];
}

/** A compiled rule: reads the text, returns hits, mutates nothing. */
export type Runner = (doc: TextDoc, ctx: CheckContext) => Hit[];

export interface RuleKind<R> {
  compile(rule: R, compiler: PackCompiler, path: JsonPath): Runner;
  /**
   * Whether the brand vocabulary silences this rule's hits. A hit on an accepted term is a false
   * positive for word rules; for counting rules (length, hashtag limits) the count stands.
   */
  vocabulary: boolean;
}

import type { JsonPath } from './json-locate';
import { PackCompiler, type Matcher } from './matcher';
import type { PackError, Rule, VoicePack } from './pack';
import { ruleKinds } from './rules/index';
import type { RuleKind, Runner } from './rules/types';

export interface CompiledRule {
  rule: Rule;
  run: Runner;
  /** Whether the vocabulary silences this rule (see RuleKind.vocabulary). */
  vocabulary: boolean;
}

export interface CompiledPack {
  pack: VoicePack;
  rules: CompiledRule[];
  /** Rules refused at compile time (unsafe or invalid patterns, bad formulas); they never run. */
  errors: PackError[];
  vocabulary: Matcher;
}

const cache = new WeakMap<VoicePack, CompiledPack>();

/** Compiles a validated pack once (cached per pack object): regexes, the shared token trie, formulas. */
export function compilePack(pack: VoicePack): CompiledPack {
  const cached = cache.get(pack);
  if (cached) return cached;
  const compiler = new PackCompiler(pack.vocabulary);
  const rules: CompiledRule[] = [];
  pack.rules.forEach((rule, i) => {
    const path: JsonPath = ['rules', i];
    const before = compiler.errors.length;
    const kind = ruleKinds[rule.kind] as RuleKind<Rule>;
    const run = kind.compile(rule, compiler, path);
    if (compiler.errors.length === before) rules.push({ rule, run, vocabulary: kind.vocabulary });
  });
  // Vocabulary terms match with or without their # or @, so "Vigie" also covers "#Vigie".
  const terms = [...new Set(pack.vocabulary.map((t) => t.replace(/^[#@]/, '')).filter(Boolean))];
  const vocabulary = compiler.matcher({ tokens: terms, ignoreCase: true }, ['vocabulary']);
  const compiled = { pack, rules, errors: compiler.errors, vocabulary };
  cache.set(pack, compiled);
  return compiled;
}

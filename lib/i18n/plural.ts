/**
 * Plurals through Intl.PluralRules, in the catalogs as a small subset of ICU MessageFormat:
 * `{n, plural, =0 {aucun modèle} one {# modèle} other {# modèles}}`. `#` is the count; an exact
 * `=N` branch wins, then the language's category (French: 0 and 1 are "one", 1,000,000 is
 * "many"), then `other`. A branch may hold plain `{name}` placeholders, filled afterwards.
 */
export type PluralBranches = Partial<Record<Intl.LDMLPluralRule | `=${number}`, string>> & { other: string };

const rules = new Map<string, Intl.PluralRules>();

/** The branch for count n in language lang, with `#` replaced by n. */
export function plural(lang: string, n: number, branches: PluralBranches): string {
  let pr = rules.get(lang);
  if (!pr) rules.set(lang, (pr = new Intl.PluralRules(lang)));
  const text = branches[`=${n}`] ?? branches[pr.select(n)] ?? branches.other;
  return text.replace(/#/g, String(n));
}

// `{name, plural, <selector> {text} ...}`, a branch's text holding no braces but `{placeholder}`s.
const BLOCK = /\{(\w+),\s*plural,((?:\s*(?:=\d+|zero|one|two|few|many|other)\s*\{(?:[^{}]|\{\w+\})*\})+)\s*\}/g;
const BRANCH = /(=\d+|zero|one|two|few|many|other)\s*\{((?:[^{}]|\{\w+\})*)\}/g;

/** Replaces every plural block of a message by the branch its count selects; other text is kept. */
export function applyPlurals(lang: string, message: string, params: Record<string, string | number>): string {
  if (!message.includes('plural,')) return message;
  return message.replace(BLOCK, (block, name: string, body: string) => {
    const n = Number(params[name]);
    if (!(name in params) || !Number.isFinite(n)) return block;
    const branches: Record<string, string> = {};
    for (const [, sel, text] of body.matchAll(BRANCH)) branches[sel!] = text!;
    return branches.other === undefined ? block : plural(lang, n, branches as PluralBranches);
  });
}

/**
 * Variables a metric formula may use (Vale's metric names): counts over the rule's scope, and the
 * Markdown headings of each level and list items of the whole text (none in a plain reply).
 */
export const METRIC_VARIABLES = [
  'words', 'sentences', 'syllables', 'characters', 'complex_words', 'long_words', 'polysyllabic_words',
  'heading.h1', 'heading.h2', 'heading.h3', 'heading.h4', 'heading.h5', 'heading.h6', 'list',
] as const;
export type MetricVariable = (typeof METRIC_VARIABLES)[number];
export type MetricValues = Record<MetricVariable, number>;

export type Formula = (values: MetricValues) => number;

/**
 * Compiles an arithmetic formula (+ - * / parentheses, numbers, the variables above, sqrt()) into a
 * function. A small parser rather than eval: packs are untrusted.
 */
export function compileFormula(source: string): { ok: true; formula: Formula } | { ok: false; message: string } {
  const tokens = source.match(/\d+(?:\.\d+)?|[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*|[-+*/()]|\S/g) ?? [];
  let i = 0;
  const known = new Set<string>(METRIC_VARIABLES);
  const fail = (message: string): never => {
    throw new FormulaError(message);
  };
  const primary = (): Formula => {
    const t = tokens[i++];
    if (t === undefined) return fail('formula ends too early');
    if (t === '(') {
      const inner = sum();
      if (tokens[i++] !== ')') fail('missing ")"');
      return inner;
    }
    if (t === '-') {
      const inner = primary();
      return (v) => -inner(v);
    }
    if (/^\d/.test(t)) {
      const n = Number(t);
      return () => n;
    }
    if (t === 'sqrt') {
      if (tokens[i] !== '(') fail('sqrt needs parentheses');
      const inner = primary();
      return (v) => Math.sqrt(Math.max(0, inner(v)));
    }
    // Vale's scripts name heading.h2 heading_h2.
    const name = t.replace(/^heading_(h[1-6])$/, 'heading.$1');
    if (known.has(name)) return (v) => v[name as MetricVariable];
    return fail(`unknown name "${t}"; use ${METRIC_VARIABLES.join(', ')} or sqrt()`);
  };
  const product = (): Formula => {
    let left = primary();
    while (tokens[i] === '*' || tokens[i] === '/') {
      const op = tokens[i++], l = left, r = primary();
      // An empty scope divides by zero; count it as 0 rather than Infinity so conditions stay quiet.
      left = op === '*' ? (v) => l(v) * r(v) : (v) => (r(v) === 0 ? 0 : l(v) / r(v));
    }
    return left;
  };
  const sum = (): Formula => {
    let left = product();
    while (tokens[i] === '+' || tokens[i] === '-') {
      const op = tokens[i++], l = left, r = product();
      left = op === '+' ? (v) => l(v) + r(v) : (v) => l(v) - r(v);
    }
    return left;
  };
  try {
    const formula = sum();
    if (i < tokens.length) fail(`unexpected "${tokens[i]}"`);
    return { ok: true, formula };
  } catch (err) {
    if (err instanceof FormulaError) return { ok: false, message: err.message };
    throw err;
  }
}

class FormulaError extends Error {}

export function compileCondition(condition: string): (value: number) => boolean {
  const [, op, num] = /^\s*(<=|>=|==|!=|<|>)\s*(-?\d+(?:\.\d+)?)\s*$/.exec(condition)!;
  const n = Number(num);
  switch (op) {
    case '<': return (v) => v < n;
    case '<=': return (v) => v <= n;
    case '>': return (v) => v > n;
    case '>=': return (v) => v >= n;
    case '==': return (v) => v === n;
    default: return (v) => v !== n;
  }
}

/**
 * Template rendering and ranking. Budget (DESIGN.md, issue 6): rendering 1,000 templates with
 * variables takes at most 50 ms in total. Ranking has no budget of its own; it runs on every
 * keystroke of the picker's search, so it is reported beside it.
 */
import { timeIt } from './lib/measure';
import { template, type Template } from '../lib/templates/model';
import { rankTemplates } from '../lib/templates/rank';
import { render } from '../lib/templates/render';
import { starterTemplates } from '../lib/templates/starter';

const NOW = Date.UTC(2026, 10, 18, 9);
const starter = starterTemplates({ now: NOW });
const vars = {
  author: { name: 'Marie Dupont', handle: '@marie_d' },
  brand: { name: 'Acme' },
  agent: { name: 'Julie Martin', signature: 'Julie, service client' },
  fields: { deliveryDate: '2026-11-25', topic: 'la panne', nextUpdate: '2026-11-19', link: 'https://acme.example/aide', returnLink: 'https://acme.example/retours' },
};

/** `n` distinct templates (distinct sources, so none is compiled for free), cycling the starter set. */
function corpus(n: number, salt: string): Template[] {
  return Array.from({ length: n }, (_, i) => {
    const s = starter[i % starter.length]!;
    const suffix = ` {{agent.signature | agent.name}} #${salt}${i}`;
    return template.parse({
      ...s,
      id: `${s.id}-${i}`,
      name: `${s.name} ${i}`,
      trigger: undefined,
      bodies: Object.fromEntries(Object.entries(s.bodies).map(([lang, body]) => [lang, body + suffix])),
      usageCount: i % 17,
      lastUsedAt: NOW - (i % 50) * 3_600_000,
    });
  });
}

function renderAll(templates: readonly Template[], i: number): number {
  let chars = 0;
  for (const t of templates) chars += render(t, { lang: i % 2 ? 'fr' : 'en', platform: 'facebook', vars, now: NOW, timeZone: 'Europe/Paris' }).text.length;
  return chars;
}

export async function run(): Promise<Record<string, unknown>> {
  // The very first pass also pays for JIT compilation and the Intl date formatters.
  const first = corpus(1000, 'first-');
  const t0 = performance.now();
  renderAll(first, 0);
  const firstPassMs = performance.now() - t0;
  // Cold: sources never seen before, so each is compiled during the pass.
  const cold: number[] = [];
  for (let k = 0; k < 7; k++) {
    const fresh = corpus(1000, `cold${k}-`);
    const t0 = performance.now();
    renderAll(fresh, k);
    cold.push(performance.now() - t0);
  }
  cold.sort((a, b) => a - b);
  const warm = corpus(1000, 'warm-');
  let flip = 0;
  const warmTiming = timeIt(() => renderAll(warm, flip++), 50, 5);

  const five = corpus(500, 'rank-');
  const comment = { lang: 'fr', sentiment: { label: 'negative' as const, score: -0.7 }, risks: [{ tag: 'churn' }] };
  const rankQuery = timeIt(() => rankTemplates(five, { query: 'remboursment', comment, now: NOW }), 50, 5);
  const rankNoQuery = timeIt(() => rankTemplates(five, { comment, crisisMode: true, now: NOW }), 50, 5);

  return {
    render1000: {
      budgetMs: 50,
      firstPassMs: Number(firstPassMs.toFixed(2)),
      coldMedianMs: Number(cold[3]!.toFixed(2)),
      coldMaxMs: Number(cold[6]!.toFixed(2)),
      warmMedianMs: warmTiming.medianMs,
      warmP95Ms: warmTiming.p95Ms,
    },
    rank500: { withQuery: rankQuery, contextOnly: rankNoQuery },
  };
}

import Fuse from 'fuse.js';
import type { Template, TemplateCategory } from './model';

export interface RankComment {
  /** ISO 639-1 code of the comment, or 'und'. */
  lang: string;
  sentiment: { label: 'negative' | 'neutral' | 'positive'; score: number };
  risks: { tag: string }[];
}

export interface RankContext {
  query?: string;
  comment?: RankComment;
  crisisMode?: boolean;
  /** Epoch ms; recency is measured from it, so the same input always ranks the same. */
  now: number;
}

export type ReasonKind = 'query' | 'trigger' | 'language' | 'mood' | 'risk' | 'crisis' | 'frequency' | 'recency';

/** Why a template got its place: each contribution to the score, for the picker to explain itself. */
export interface Reason {
  kind: ReasonKind;
  points: number;
  detail: string;
}

export interface Ranked {
  template: Template;
  score: number;
  reasons: Reason[];
}

/** What the comment's risk tags call for; "personal-data" means take it to private messages. */
const RISK_BOOSTS: Record<string, Partial<Record<TemplateCategory, number>>> = {
  crisis: { holding: 20 },
  'personal-data': { 'private-message': 25 },
  legal: { holding: 10, 'private-message': 10 },
  threat: { holding: 10, 'private-message': 10 },
  safety: { holding: 10, 'private-message': 10 },
  churn: { complaint: 10, refund: 10, apology: 5 },
};

const UPBEAT: ReadonlySet<TemplateCategory | undefined> = new Set(['thanks', 'positive-review']);
const CONCILIATORY: ReadonlySet<TemplateCategory | undefined> = new Set(['apology', 'complaint']);
const RECENCY_HALF_LIFE_MS = 3 * 24 * 3600 * 1000;
const EXPR = /\{\{[^}]*\}\}/g;

interface SearchDoc {
  i: number;
  name: string;
  trigger: string;
  tags: string[];
  folder: string;
  text: string;
}

// Accents are folded once here rather than by Fuse's ignoreDiacritics, which folds every string
// again on every search and doubled the time per keystroke.
const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '');

const COMMON_OPTIONS = {
  includeScore: true,
  ignoreLocation: true,
  // A long name or body must not bury a typo'd match in it ("refnds" in "Returns and refunds").
  ignoreFieldNorm: true,
  threshold: 0.4,
  minMatchCharLength: 2,
} as const;

/** A word found only in a body counts for less than the same word in a name, tag or folder. */
const BODY_WEIGHT = 0.6;

interface Index {
  templates: readonly Template[];
  titles: Fuse<SearchDoc>;
  bodies: Fuse<SearchDoc>;
}

function buildIndex(templates: readonly Template[]): Index {
  const docs: SearchDoc[] = templates.map((t, i) => ({
    i,
    name: fold(t.name),
    trigger: t.trigger ?? '',
    tags: t.tags.map(fold),
    folder: fold(t.folder),
    text: fold(Object.values(t.bodies).join('\n').replace(EXPR, ' ')),
  }));
  const titles = new Fuse(docs, {
    ...COMMON_OPTIONS,
    keys: [
      { name: 'name', weight: 3 },
      { name: 'trigger', weight: 2 },
      { name: 'tags', weight: 2 },
      { name: 'folder', weight: 1 },
    ],
  });
  return { templates: [...templates], titles, bodies: new Fuse(docs, { ...COMMON_OPTIONS, keys: ['text'] }) };
}

// The picker searches the same list on every keystroke: keep its index while every template in
// it is the same object in the same place (a list changed in place is noticed, not trusted).
const indexes = new WeakMap<readonly Template[], Index>();

function indexFor(templates: readonly Template[]): Index {
  const known = indexes.get(templates);
  if (known && known.templates.length === templates.length && known.templates.every((t, i) => t === templates[i])) return known;
  const index = buildIndex(templates);
  indexes.set(templates, index);
  return index;
}

/** Relevance of each template to the query, 0..1, or absent when it does not match at all. */
function queryRelevance(templates: readonly Template[], query: string): Map<number, { relevance: number; trigger: boolean }> {
  const out = new Map<number, { relevance: number; trigger: boolean }>();
  const wanted = query.toLocaleLowerCase();
  templates.forEach((t, i) => {
    const trigger = t.trigger?.toLocaleLowerCase();
    if (trigger && (trigger === wanted || trigger.slice(1) === wanted)) out.set(i, { relevance: 1, trigger: true });
  });
  const consider = (i: number, relevance: number) => {
    const known = out.get(i);
    if (!known || (!known.trigger && relevance > known.relevance)) out.set(i, { relevance, trigger: false });
  };
  const { titles, bodies } = indexFor(templates);
  const folded = fold(query);
  for (const hit of titles.search(folded)) consider(hit.item.i, 1 - (hit.score ?? 1));
  for (const hit of bodies.search(folded)) consider(hit.item.i, BODY_WEIGHT * (1 - (hit.score ?? 1)));
  return out;
}

/** With a query, what the agent typed decides; the comment's context only orders close matches. */
const QUERY_CONTEXT_WEIGHT = 0.3;

const base = (lang: string) => lang.toLowerCase().split('-')[0]!;
const round = (n: number) => Math.round(n * 1000) / 1000;

function contextReasons(t: Template, ctx: RankContext, weight: number): Reason[] {
  const reasons: Reason[] = [];
  const add = (kind: ReasonKind, points: number, detail: string) => {
    if (points !== 0) reasons.push({ kind, points: round(points * weight), detail });
  };
  const c = ctx.comment;
  if (c && c.lang !== 'und' && Object.keys(t.bodies).some((l) => base(l) === base(c.lang)))
    add('language', 30, `written in ${c.lang}, the comment's language`);
  if (c?.sentiment.label === 'negative') {
    const intensity = Math.min(1, Math.abs(c.sentiment.score));
    if (CONCILIATORY.has(t.category)) add('mood', 15 + 15 * intensity, `${t.category} for a negative comment`);
    if (UPBEAT.has(t.category)) add('mood', -40, `${t.category} does not fit a negative comment`);
  } else if (c?.sentiment.label === 'positive' && UPBEAT.has(t.category)) {
    add('mood', 10 + 10 * Math.min(1, c.sentiment.score), `${t.category} for a positive comment`);
  }
  for (const tag of new Set(c?.risks.map((r) => r.tag))) {
    const points = t.category ? RISK_BOOSTS[tag]?.[t.category] : undefined;
    if (points) add('risk', points, `${t.category} for a comment tagged ${tag}`);
  }
  if (ctx.crisisMode) {
    if (t.category === 'holding') add('crisis', 60, 'holding statement in crisis mode');
    if (UPBEAT.has(t.category)) add('crisis', -20, `${t.category} is out of tone in crisis mode`);
  }
  if (t.usageCount > 0) add('frequency', Math.min(12, 4 * Math.log2(1 + t.usageCount)), `used ${t.usageCount} times`);
  if (t.lastUsedAt !== null && t.lastUsedAt <= ctx.now) {
    const age = ctx.now - t.lastUsedAt;
    add('recency', 10 * 0.5 ** (age / RECENCY_HALF_LIFE_MS), `last used ${Math.round(age / 3_600_000)} h ago`);
  }
  return reasons;
}

/**
 * Orders templates for the reply being written. With a query only matching templates are kept
 * and the match counts most (up to 100 points, the comment's context then weighs 0.3); without
 * one every template is kept and ordered by context alone. Ties go by name, then id.
 */
export function rankTemplates(templates: readonly Template[], ctx: RankContext): Ranked[] {
  const query = ctx.query?.trim() ?? '';
  const matches = query ? queryRelevance(templates, query) : null;
  const ranked: Ranked[] = [];
  templates.forEach((template, i) => {
    const reasons: Reason[] = [];
    if (matches) {
      const match = matches.get(i);
      if (!match) return;
      reasons.push(
        match.trigger
          ? { kind: 'trigger', points: 100, detail: `trigger ${template.trigger}` }
          : { kind: 'query', points: round(100 * match.relevance), detail: `matches "${query}"` },
      );
    }
    reasons.push(...contextReasons(template, ctx, matches ? QUERY_CONTEXT_WEIGHT : 1));
    ranked.push({ template, score: round(reasons.reduce((s, r) => s + r.points, 0)), reasons });
  });
  return ranked.sort(
    (a, b) =>
      b.score - a.score ||
      (a.template.name < b.template.name ? -1 : a.template.name > b.template.name ? 1 : 0) ||
      (a.template.id < b.template.id ? -1 : a.template.id > b.template.id ? 1 : 0),
  );
}

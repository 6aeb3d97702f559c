import { describe, expect, it } from 'vitest';
import { template, type Template, type TemplateInput } from '../../../lib/templates/model';
import { rankTemplates, type RankComment } from '../../../lib/templates/rank';
import { starterTemplates } from '../../../lib/templates/starter';

const NOW = Date.UTC(2026, 10, 18, 10);
const HOUR = 3_600_000;
const starter = starterTemplates({ now: NOW - 30 * 24 * HOUR });

function make(input: Partial<TemplateInput> & Pick<TemplateInput, 'id' | 'name' | 'bodies'>): Template {
  return template.parse({ createdAt: 0, updatedAt: 0, ...input });
}

const comment = (lang: string, label: RankComment['sentiment']['label'], score: number, risks: string[] = []): RankComment => ({
  lang,
  sentiment: { label, score },
  risks: risks.map((tag) => ({ tag })),
});

const ids = (templates: readonly Template[], ctx: Parameters<typeof rankTemplates>[1]) =>
  rankTemplates(templates, ctx).map((r) => r.template.id);

describe('rankTemplates for the comment being answered', () => {
  it('puts apologies and complaint acknowledgements first under an angry comment, thanks last', () => {
    // The thanks template is the team's most used: the comment's mood must still win.
    const used = starter.map((t) => (t.category === 'thanks' ? { ...t, usageCount: 200, lastUsedAt: NOW - HOUR } : t));
    const order = ids(used, { comment: comment('fr', 'negative', -0.9), now: NOW });
    expect(order.slice(0, 2).sort()).toEqual(['starter-apology', 'starter-complaint']);
    expect(order.indexOf('starter-thanks')).toBeGreaterThan(order.length - 3);
  });

  it('puts the holding statement first in crisis mode, even under an angry comment', () => {
    const ranked = rankTemplates(starter, { comment: comment('fr', 'negative', -0.9), crisisMode: true, now: NOW });
    expect(ranked[0]!.template.id).toBe('starter-holding');
    expect(ranked[0]!.reasons.map((r) => r.kind)).toContain('crisis');
  });

  it('puts thanks first for a happy comment', () => {
    const order = ids(starter, { comment: comment('en', 'positive', 0.8), now: NOW });
    expect(order.slice(0, 2).sort()).toEqual(['starter-positive-review', 'starter-thanks']);
  });

  it('suggests moving to private messages when the comment exposes personal data', () => {
    expect(ids(starter, { comment: comment('fr', 'neutral', 0, ['personal-data']), now: NOW })[0]).toBe('starter-private-message');
  });

  it('puts the template written in the comment’s language first', () => {
    const templates = [
      make({ id: 'en-only', name: 'A thanks', bodies: { en: 'Thanks!' }, category: 'thanks' }),
      make({ id: 'fr-only', name: 'B merci', bodies: { fr: 'Merci !' }, category: 'thanks' }),
      make({ id: 'de-only', name: 'C danke', bodies: { de: 'Danke!' }, category: 'thanks' }),
    ];
    expect(ids(templates, { comment: comment('fr', 'positive', 0.5), now: NOW })[0]).toBe('fr-only');
    expect(ids(templates, { comment: comment('en', 'positive', 0.5), now: NOW })[0]).toBe('en-only');
    expect(ids(templates, { comment: comment('de', 'positive', 0.5), now: NOW })[0]).toBe('de-only');
    // A regional comment language matches the base body.
    expect(ids(templates, { comment: comment('fr-CA', 'positive', 0.5), now: NOW })[0]).toBe('fr-only');
  });

  it('boosts frequent and recent use, the recent one more', () => {
    const twin = (id: string, usageCount: number, lastUsedAt: number | null) =>
      make({ id, name: 'Same', bodies: { fr: 'x' }, usageCount, lastUsedAt });
    const order = ids([twin('never', 0, null), twin('often-long-ago', 50, NOW - 60 * 24 * HOUR), twin('just-now', 3, NOW - HOUR)], { now: NOW });
    expect(order).toEqual(['just-now', 'often-long-ago', 'never']);
  });

  it('ignores a use stamped after now rather than boosting it', () => {
    const ranked = rankTemplates([make({ id: 'f', name: 'F', bodies: { fr: 'x' }, lastUsedAt: NOW + HOUR })], { now: NOW });
    expect(ranked[0]!.reasons).toEqual([]);
  });

  it('is deterministic: ties break by name, then id', () => {
    const templates = [
      make({ id: 'b2', name: 'B', bodies: { fr: 'x' } }),
      make({ id: 'a', name: 'A', bodies: { fr: 'x' } }),
      make({ id: 'b1', name: 'B', bodies: { fr: 'x' } }),
    ];
    expect(ids(templates, { now: NOW })).toEqual(['a', 'b1', 'b2']);
    expect(ids([...templates].reverse(), { now: NOW })).toEqual(['a', 'b1', 'b2']);
  });

  it('orders the starter templates for "merci" under a mildly negative French comment as a community manager expects', () => {
    // The ;merci trigger first, whatever the mood; then what the query finds, best match first, ties by name.
    const ranked = rankTemplates(starter, { query: 'merci', comment: comment('fr', 'negative', -0.5), now: NOW });
    expect(ranked.map((r) => r.template.id)).toEqual([
      'starter-thanks',
      'starter-positive-review',
      'starter-complaint',
      'starter-info',
      'starter-holding',
      'starter-apology',
      'starter-delay',
      'starter-private-message',
      'starter-refund',
    ]);
    expect(ranked[0]!.reasons.map((r) => [r.kind, r.points])).toEqual([['trigger', 100], ['language', 9], ['mood', -12]]);
    expect(ranked[2]!.reasons.map((r) => r.kind)).toEqual(['query', 'language', 'mood']);
  });
});

describe('rankTemplates with a query', () => {
  const en = starterTemplates({ uiLang: 'en', now: 0 });

  it.each([
    ['remboursment', 'starter-refund', starter],
    ['privé', 'starter-private-message', starter],
    ['prive', 'starter-private-message', starter],
    ['retard', 'starter-delay', starter],
    ['réclamation', 'starter-complaint', starter],
    ['reclamtion', 'starter-complaint', starter],
    ['holdng', 'starter-holding', en],
    ['apolog', 'starter-apology', en],
    ['refnds', 'starter-refund', en],
  ])('"%s" finds %s first', (query, id, templates) => {
    expect(ids(templates, { query, now: NOW })[0]).toBe(id);
  });

  it('finds a template by its trigger, with or without the mark', () => {
    for (const query of [';mp', 'mp', ';MP']) {
      const ranked = rankTemplates(starter, { query, now: NOW });
      expect(ranked[0]!.template.id).toBe('starter-private-message');
      expect(ranked[0]!.reasons[0]).toMatchObject({ kind: 'trigger', points: 100 });
    }
  });

  it('keeps only templates that match', () => {
    const order = ids(starter, { query: 'colis', now: NOW });
    expect(order[0]).toBe('starter-delay');
    expect(order).not.toContain('starter-thanks');
    expect(order).not.toContain('starter-positive-review');
    expect(ids(starter, { query: 'zzzqqq', now: NOW })).toEqual([]);
  });

  it('sees a list changed in place between two searches', () => {
    const list = [...starter];
    expect(ids(list, { query: 'xylophone', now: NOW })).toEqual([]);
    list.push(make({ id: 'invoice', name: 'Xylophone perdu', bodies: { fr: 'x' } }));
    expect(ids(list, { query: 'xylophone', now: NOW })).toEqual(['invoice']);
    list[list.length - 1] = make({ id: 'invoice2', name: 'Xylophone cassé', bodies: { fr: 'x' } });
    expect(ids(list, { query: 'xylophone', now: NOW })).toEqual(['invoice2']);
  });

  it('lets the typed name win over the comment’s mood', () => {
    expect(ids(starter, { query: 'merci', comment: comment('fr', 'negative', -1), now: NOW })[0]).toBe('starter-thanks');
    expect(ids(starter, { query: 'remerciement', crisisMode: true, now: NOW })[0]).toBe('starter-thanks');
  });

  it('ranks a word in the name above the same word only in a body', () => {
    // "sensible" is in the thanks body; the other template has it in its name.
    const templates = [...starter, make({ id: 'named', name: 'Sujet sensible', bodies: { fr: 'Nous revenons vers vous.' } })];
    expect(ids(templates, { query: 'sensible', now: NOW })[0]).toBe('named');
  });

  it('explains each contribution to the score', () => {
    const [top] = rankTemplates(starter, { query: 'excuse', comment: comment('fr', 'negative', -1), now: NOW });
    expect(top!.template.id).toBe('starter-apology');
    expect(top!.reasons.map((r) => r.kind)).toEqual(['query', 'language', 'mood']);
    expect(top!.score).toBeCloseTo(top!.reasons.reduce((s, r) => s + r.points, 0), 6);
  });
});

import { describe, expect, it } from 'vitest';
import { fitsPlatform } from '../../../lib/templates/limits';
import { platformId } from '../../../lib/templates/platforms';
import { render } from '../../../lib/templates/render';
import { starterTemplates } from '../../../lib/templates/starter';

const NOW = Date.UTC(2026, 10, 18, 9);
const vous = starterTemplates({ now: NOW });
const tu = starterTemplates({ address: 'tu', now: NOW });

// Long but realistic values, so the length checks hold for real replies.
const vars = {
  author: { name: 'Marie-Charlotte Dupont-Laurent', handle: '@mcdl' },
  brand: { name: 'Maison Acme & Fils' },
  agent: { name: 'Julie Martin', signature: 'Julie, service client Maison Acme' },
  fields: {
    deliveryDate: '2026-11-25',
    topic: "la panne de l'application mobile",
    nextUpdate: '2026-11-19',
    link: 'https://www.maison-acme.example/aide/livraison-et-retours',
    returnLink: 'https://www.maison-acme.example/compte/retours',
  },
};

const texts = (set: typeof vous) =>
  set.flatMap((t) => [
    ...Object.entries(t.bodies).map(([lang, text]) => ({ id: t.id, lang, text })),
    ...Object.values(t.platformVariants).flatMap((byLang) => Object.entries(byLang ?? {}).map(([lang, text]) => ({ id: t.id, lang, text }))),
  ]);

describe('starter set', () => {
  it('covers the situations a community manager answers every day, with a trigger each', () => {
    expect(vous.map((t) => t.category).sort()).toEqual(
      ['apology', 'complaint', 'delay', 'holding', 'info', 'positive-review', 'private-message', 'refund', 'thanks'],
    );
    expect(Object.fromEntries(vous.map((t) => [t.category, t.trigger]))).toMatchObject({
      thanks: ';merci', apology: ';excuses', 'private-message': ';mp', delay: ';retard', holding: ';crise', complaint: ';reclam',
    });
    expect(new Set(vous.map((t) => t.trigger)).size).toBe(vous.length);
    expect(new Set(vous.map((t) => t.id)).size).toBe(vous.length);
  });

  it('has every template in French and English', () => {
    for (const t of [...vous, ...tu]) expect(Object.keys(t.bodies).sort()).toEqual(['en', 'fr']);
  });

  it('names things in the team’s interface language', () => {
    const en = starterTemplates({ uiLang: 'en', now: NOW });
    expect(en.find((t) => t.id === 'starter-delay')).toMatchObject({ name: 'Delivery delay', folder: 'Customer care' });
    expect(vous.find((t) => t.id === 'starter-delay')).toMatchObject({ name: 'Retard de livraison', folder: 'Service client' });
    expect(en.find((t) => t.id === 'starter-delay')!.fields[0]!.label).toBe('Estimated delivery date');
  });

  it('says "vous" by default and "tu" when the brand does, except in the public holding statement', () => {
    const TU = /\b(tu|ton|ta|tes|te|toi|t')\b|[Ééé]cris-nous|n'hésite\b|[Pp]eux-tu/;
    const VOUS = /\b(vous|votre|vos)\b|[Éé]crivez-nous|n'hésitez\b|[Pp]ouvez-vous/;
    for (const { id, lang, text } of texts(vous)) if (lang === 'fr') expect(text, id).not.toMatch(TU);
    for (const { id, lang, text } of texts(tu)) {
      if (lang !== 'fr' || id === 'starter-holding') continue;
      expect(text, id).not.toMatch(VOUS);
    }
    expect(tu.find((t) => t.id === 'starter-holding')!.bodies.fr).toMatch(/votre patience/);
  });

  it('keeps French punctuation off the start of a line with a non-breaking space', () => {
    for (const { id, lang, text } of texts(vous)) if (lang === 'fr') expect(text, id).not.toMatch(/ [!?:;](\s|$)/);
    expect(vous[0]!.bodies.fr).toContain('\u00a0!');
  });

  it('renders with nothing missing once the vars and fields are given', () => {
    for (const t of [...vous, ...tu])
      for (const lang of ['fr', 'en'])
        for (const platform of platformId.options) {
          const r = render(t, { lang, platform, vars, now: NOW });
          expect(r.missing, `${t.id} ${lang} ${platform}`).toEqual([]);
          expect(r.text).not.toMatch(/\{\{|\}\}|\[/);
        }
  });

  it('fits every platform’s length limit, using the short variants where the body is too long', () => {
    for (const t of [...vous, ...tu])
      for (const lang of ['fr', 'en'])
        for (const platform of platformId.options) {
          const { text } = render(t, { lang, platform, vars, now: NOW });
          expect(fitsPlatform(text, platform).ok, `${t.id} ${lang} on ${platform}: ${text}`).toBe(true);
        }
  });
});

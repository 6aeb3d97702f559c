import { describe, expect, it } from 'vitest';
import { template, type TemplateInput } from '../../../lib/templates/model';
import { pickLanguage, render, type RenderOptions } from '../../../lib/templates/render';

// Friday 6 November 2026, 12:00 UTC.
const FRIDAY = Date.UTC(2026, 10, 6, 12);
const base = { id: 't', name: 'T', createdAt: 0, updatedAt: 0 };

function make(input: Partial<TemplateInput>) {
  return template.parse({ ...base, bodies: { fr: 'x' }, ...input });
}

function renderOne(source: string, opts: Partial<RenderOptions> = {}, extra: Partial<TemplateInput> = {}) {
  return render(make({ bodies: { fr: source, en: source }, ...extra }), { lang: 'fr', now: FRIDAY, timeZone: 'Europe/Paris', ...opts });
}

describe('variables', () => {
  const vars = {
    author: { name: 'Marie Dupont', handle: '@marie_d' },
    brand: { name: 'Acme' },
    agent: { name: 'Julie Martin', signature: 'Julie, service client' },
  };
  it.each([
    ['{{author.name}}', 'Marie Dupont'],
    ['{{author.firstName}}', 'Marie'],
    ['{{author.handle}}', '@marie_d'],
    ['{{brand.name}}', 'Acme'],
    ['{{agent.name}}', 'Julie Martin'],
    ['{{agent.signature}}', 'Julie, service client'],
    ['{{ brand.name }}', 'Acme'],
    ['{{author.firstName | author.name}}', 'Marie'],
    ['{{author.firstName | "vous"}}', 'Marie'],
    ['{{"{{"}}', '{{'],
    ['{{"a \\"quoted\\" | default"}}', 'a "quoted" | default'],
    ['Un { seul } et }} seul', 'Un { seul } et }} seul'],
  ])('%s → %s', (source, expected) => {
    expect(renderOne(source, { vars }).text).toBe(expected);
  });

  it('takes the next alternative when the first has no value', () => {
    const r = renderOne('{{agent.signature | agent.name}}', { vars: { agent: { name: 'Julie Martin' } } });
    expect(r).toMatchObject({ text: 'Julie Martin', missing: [] });
  });

  it('shows an unknown variable of an unchecked draft by its name', () => {
    const r = render({ bodies: { fr: 'Commande {{orderNumbr}}' } }, { lang: 'fr' });
    expect(r).toMatchObject({ text: 'Commande [orderNumbr]', missing: ['orderNumbr'] });
  });

  it('takes a first name given in the vars over the guess', () => {
    expect(renderOne('{{author.firstName}}', { vars: { author: { name: 'Marie Dupont', firstName: 'Mimi' } } }).text).toBe('Mimi');
  });

  it('falls back to the display name when no first name can be guessed', () => {
    const r = renderOne('Bonjour {{author.firstName | author.name}}', { vars: { author: { name: '@md_1987' } } });
    expect(r).toMatchObject({ text: 'Bonjour @md_1987', missing: [] });
  });

  it('names the platform as users know it', () => {
    expect(renderOne('sur {{platform}}', { platform: 'linkedin' }).text).toBe('sur LinkedIn');
    expect(renderOne('on {{platform}}', { platform: 'x', lang: 'en' }).text).toBe('on X');
  });

  it.each([
    ['fr', '{{date.today}}', 'vendredi 6 novembre'],
    ['fr', '{{date.tomorrow}}', 'samedi 7 novembre'],
    ['fr', '{{date.businessDays.1}}', 'lundi 9 novembre'],
    ['fr', '{{date.businessDays.5}}', 'vendredi 13 novembre'],
    ['en', '{{date.businessDays.2}}', 'Tuesday, November 10'],
    ['en', '{{date.today}}', 'Friday, November 6'],
  ])('%s %s → %s', (lang, source, expected) => {
    expect(renderOne(source, { lang }).text).toBe(expected);
  });

  it('counts days in the agent’s time zone, not UTC', () => {
    // 23:30 on Friday in Paris is already Saturday in Tokyo.
    const lateFriday = Date.UTC(2026, 10, 6, 22, 30);
    expect(renderOne('{{date.today}}', { now: lateFriday, timeZone: 'Europe/Paris' }).text).toBe('vendredi 6 novembre');
    expect(renderOne('{{date.today}}', { now: lateFriday, timeZone: 'Asia/Tokyo' }).text).toBe('samedi 7 novembre');
  });

  describe('custom fields', () => {
    const fields = [
      { key: 'order', label: 'numéro de commande', kind: 'text' as const },
      { key: 'days', label: 'délai', kind: 'text' as const, default: '30' },
      { key: 'when', label: 'date de livraison', kind: 'date' as const },
      { key: 'tone', label: 'ton', kind: 'choice' as const, choices: ['court', 'long'], default: 'court' },
    ];
    it('uses the value, else the default', () => {
      const r = renderOne('{{order}} {{days}} {{tone}}', { vars: { fields: { order: 'A-123' } } }, { fields });
      expect(r).toMatchObject({ text: 'A-123 30 court', missing: [] });
    });
    it('formats a date field in the reply language', () => {
      expect(renderOne('{{when}}', { vars: { fields: { when: '2026-12-24' } } }, { fields }).text).toBe('jeudi 24 décembre');
      expect(renderOne('{{when}}', { lang: 'en', vars: { fields: { when: '2026-12-24' } } }, { fields }).text).toBe('Thursday, December 24');
    });
    it('keeps a date it cannot read as typed rather than dropping it', () => {
      expect(renderOne('{{when}}', { vars: { fields: { when: 'fin décembre' } } }, { fields }).text).toBe('fin décembre');
    });
    it('shows a missing field by its label', () => {
      expect(renderOne('Commande {{order}}', {}, { fields })).toMatchObject({ text: 'Commande [numéro de commande]', missing: ['order'] });
    });
  });
});

describe('missing values', () => {
  it.each([
    ['fr', 'Bonjour {{author.firstName}},', 'Bonjour [prénom],', ['author.firstName']],
    ['en', 'Hi {{author.firstName}},', 'Hi [first name],', ['author.firstName']],
    ['fr', '{{brand.name}} / {{agent.signature}}', '[marque] / [signature]', ['brand.name', 'agent.signature']],
    ['en', '{{author.handle}} on {{platform}}', '[handle] on [platform]', ['author.handle', 'platform']],
    ['fr', '{{author.firstName | author.name}}', '[prénom]', ['author.firstName']],
    ['fr', '{{brand.name}} {{brand.name}}', '[marque] [marque]', ['brand.name']],
  ])('%s %s → %s', (lang, source, text, missing) => {
    const r = renderOne(source, { lang });
    expect(r.text).toBe(text);
    expect(r.missing).toEqual(missing);
    expect(r.text).not.toMatch(/\{\{|\}\}/);
  });

  it('treats a blank or whitespace value as missing, never as silently empty', () => {
    const r = renderOne('Bonjour {{author.firstName | author.name}} !', { vars: { author: { name: '   ' } } });
    expect(r.text).toBe('Bonjour [prénom] !');
  });

  it('uses a quoted default instead of a marker', () => {
    expect(renderOne('Bonjour {{author.firstName | ""}}!', {})).toMatchObject({ text: 'Bonjour !', missing: [] });
  });
});

describe('plain text only', () => {
  it.each([
    ['<img src=x onerror=alert(1)>'],
    ['{{brand.name}}'],
    ['{{author.name}} {{"boom"}}'],
    ['<script>alert(1)</script> & &amp;'],
    ['${process.env.HOME}'],
  ])('copies %s literally', (hostile) => {
    const r = renderOne('Bonjour {{author.name}} de {{brand.name}}', { vars: { author: { name: hostile }, brand: { name: 'Acme' } } });
    expect(r.text).toBe(`Bonjour ${hostile} de Acme`);
  });

  it('never expands template syntax found in a custom field value', () => {
    const fields = [{ key: 'note', label: 'note', kind: 'text' as const }];
    const r = renderOne('{{note}}', { vars: { fields: { note: '{{agent.signature}}' }, agent: { signature: 'SECRET' } } }, { fields });
    expect(r.text).toBe('{{agent.signature}}');
  });

  it('strips bidi overrides and control characters that would garble the reply', () => {
    const r = renderOne('Bonjour {{author.name}}, merci', { vars: { author: { name: 'Eve\u202Egnp.exe\u0007' } } });
    expect(r.text).toBe('Bonjour Evegnp.exe, merci');
  });
});

describe('language and platform variant', () => {
  const t = make({
    bodies: { fr: 'Bonjour', en: 'Hello', 'pt-BR': 'Olá' },
    platformVariants: { x: { fr: 'Salut (X)' }, tiktok: { en: 'Hi (TikTok)' } },
  });
  it.each([
    [{ lang: 'fr' }, 'Bonjour', 'fr', false, false],
    [{ lang: 'en' }, 'Hello', 'en', false, false],
    [{ lang: 'fr', platform: 'x' as const }, 'Salut (X)', 'fr', false, true],
    [{ lang: 'en', platform: 'x' as const }, 'Hello', 'en', false, false],
    [{ lang: 'en', platform: 'tiktok' as const }, 'Hi (TikTok)', 'en', false, true],
    [{ lang: 'fr', platform: 'facebook' as const }, 'Bonjour', 'fr', false, false],
    [{ lang: 'pt' }, 'Olá', 'pt-BR', false, false],
    [{ lang: 'de' }, 'Hello', 'en', true, false],
    [{ lang: 'de', platform: 'tiktok' as const }, 'Hi (TikTok)', 'en', true, true],
  ])('%o → %s', (opts, text, lang, fellBack, platformVariant) => {
    expect(render(t, opts)).toMatchObject({ text, lang, fellBack, platformVariant });
  });

  it('falls back to English, then French, then the first body', () => {
    expect(pickLanguage({ es: 'a', fr: 'b' }, 'de')).toEqual({ lang: 'fr', fellBack: true });
    expect(pickLanguage({ es: 'a', it: 'b' }, 'de')).toEqual({ lang: 'es', fellBack: true });
  });

  it('writes markers in the language actually used', () => {
    const r = render(make({ bodies: { en: 'Hi {{author.firstName}}' } }), { lang: 'fr' });
    expect(r).toMatchObject({ text: 'Hi [first name]', lang: 'en', fellBack: true });
  });
});

import { describe, expect, it } from 'vitest';
import { template, type TemplateInput } from '../../../lib/templates/model';
import { compile } from '../../../lib/templates/syntax';

const valid: TemplateInput = { id: 't1', name: 'Merci', bodies: { fr: 'Merci {{author.name}}' }, createdAt: 1, updatedAt: 1 };

function issues(patch: Partial<TemplateInput>): string[] {
  const r = template.safeParse({ ...valid, ...patch });
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('template schema', () => {
  it('fills defaults', () => {
    expect(template.parse(valid)).toMatchObject({
      brandId: null, folder: '', tags: [], platformVariants: {}, fields: [], usageCount: 0, lastUsedAt: null,
    });
  });

  it.each<[string, Partial<TemplateInput>]>([
    ['a French and English body, variants, fields', {
      bodies: { fr: 'Bonjour {{author.firstName | author.name}}, commande {{order}}', en: 'Hi {{order}}' },
      platformVariants: { x: { fr: 'Salut' } },
      fields: [{ key: 'order', label: 'Commande', kind: 'text' }],
      trigger: ';merci', category: 'thanks', tags: ['merci', 'thanks'],
    }],
    ['a regional language', { bodies: { 'pt-BR': 'Olá' } }],
    ['a choice field with its default among the choices', {
      bodies: { fr: '{{tone}}' }, fields: [{ key: 'tone', label: 'Ton', kind: 'choice', choices: ['a', 'b'], default: 'b' }],
    }],
    ['business days', { bodies: { fr: '{{date.businessDays.10}}' } }],
    ['other trigger marks', { trigger: '/merci' }],
  ])('accepts %s', (_name, patch) => {
    expect(issues(patch)).toEqual([]);
  });

  it.each<[string, Partial<TemplateInput>, RegExp]>([
    ['no body', { bodies: {} }, /at least one language/],
    ['an empty body', { bodies: { fr: '  ' } }, /cannot be empty/],
    ['a bad language code', { bodies: { French: 'x' } }, /language code/],
    ['no name', { name: ' ' }, /needs a name/],
    ['an unclosed variable', { bodies: { fr: 'Bonjour {{author.name' } }, /never closed/],
    ['an empty variable', { bodies: { fr: 'Bonjour {{ }}' } }, /empty variable/],
    ['a variable with spaces', { bodies: { fr: '{{author name}}' } }, /not a variable name/],
    ['a default before an alternative', { bodies: { fr: '{{"x" | author.name}}' } }, /must come last/],
    ['an unknown variable', { bodies: { fr: '{{orderNumber}}' } }, /neither a built-in variable/],
    ['a misspelt built-in', { bodies: { fr: '{{author.fisrtName}}' } }, /neither a built-in/],
    ['business days out of range', { bodies: { fr: '{{date.businessDays.99}}' } }, /neither a built-in/],
    ['a variant for an unknown platform', { platformVariants: { myspace: { fr: 'x' } } as never }, /.+/],
    ['a variant without a base body in its language', { platformVariants: { x: { en: 'Hi' } } }, /needs a base body in "en"/],
    ['a trigger without a mark', { trigger: 'merci' }, /trigger/],
    ['a trigger with a space', { trigger: ';mer ci' }, /trigger/],
    ['a field named like a built-in', { fields: [{ key: 'platform', label: 'P', kind: 'text' }] }, /built-in variable/],
    ['a field declared twice', {
      fields: [{ key: 'a', label: 'A', kind: 'text' }, { key: 'a', label: 'A2', kind: 'text' }],
    }, /declared twice/],
    ['a choice field without choices', { fields: [{ key: 'c', label: 'C', kind: 'choice' }] }, /at least one choice/],
    ['a default outside the choices', {
      fields: [{ key: 'c', label: 'C', kind: 'choice', choices: ['a'], default: 'z' }],
    }, /not one of the choices/],
    ['a date default not in ISO form', { fields: [{ key: 'd', label: 'D', kind: 'date', default: '24/12/2026' }] }, /YYYY-MM-DD/],
    ['a tag with the CSV separator', { tags: ['a|b'] }, /separates tags/],
    ['a negative usage count', { usageCount: -1 }, /.+/],
    ['an unknown category', { category: 'spam' as never }, /.+/],
  ])('refuses %s', (_name, patch, message) => {
    const found = issues(patch);
    expect(found.length).toBeGreaterThan(0);
    expect(found.join('\n')).toMatch(message);
  });
});

describe('compile', () => {
  it('locates syntax errors in the source', () => {
    expect(compile('ok {{bad name}} ok').issues).toEqual([{ start: 3, end: 15, message: expect.stringMatching(/not a variable name/) }]);
  });
  it('does not close an expression on "}}" inside a quoted default', () => {
    const { parts, issues } = compile('{{x | "}}"}}!');
    expect(issues).toEqual([]);
    expect(parts).toEqual([
      { kind: 'expr', alternatives: [{ kind: 'var', path: 'x' }, { kind: 'literal', value: '}}' }], start: 0, end: 12 },
      { kind: 'text', text: '!' },
    ]);
  });
});

describe('built-in variables', () => {
  it('are all accepted by the schema and never rendered as unknown', async () => {
    const { builtInPaths } = await import('../../../lib/templates/variables');
    const { render } = await import('../../../lib/templates/render');
    const paths = builtInPaths().map((p) => p.replace('.N', '.3'));
    expect(paths).toEqual(expect.arrayContaining(['author.firstName', 'agent.signature', 'platform', 'date.today', 'date.businessDays.3']));
    const source = paths.map((p) => `{{${p}}}`).join(' ');
    expect(issues({ bodies: { fr: source } })).toEqual([]);
    const r = render({ bodies: { fr: source } }, { lang: 'fr', now: Date.UTC(2026, 10, 6), timeZone: 'UTC' });
    expect(r.text).toBe(
      "[nom] [prénom] [pseudo] [marque] [nom de l'agent] [signature] [plateforme] vendredi 6 novembre samedi 7 novembre mercredi 11 novembre",
    );
  });
});

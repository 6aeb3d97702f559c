import { describe, expect, it } from 'vitest';
import { defaultPlaybook, validatePlaybook } from '../../../lib/crisis/playbooks';

describe('playbooks', () => {
  it('the default playbook covers the good practice, in French and English, each step with a reason', () => {
    expect(defaultPlaybook.steps.map((s) => s.id)).toEqual([
      'assign-roles',
      'team-meeting',
      'pause-campaigns',
      'holding-statement',
      'answer-everything',
      'apologise',
      'no-delete-no-block',
      'monitor-baseline',
      'post-mortem',
    ]);
    for (const s of defaultPlaybook.steps) {
      expect(s.why.fr.length).toBeGreaterThan(30);
      expect(s.why.en.length).toBeGreaterThan(30);
    }
  });

  it('accepts a lead’s edit', () => {
    const edited = structuredClone(defaultPlaybook);
    edited.id = 'rappel-produit';
    edited.steps.splice(3, 0, {
      id: 'legal-review',
      role: 'lead',
      text: { fr: 'Faire relire par le juridique', en: 'Have legal review' },
      why: { fr: 'Un rappel produit engage la responsabilité.', en: 'A product recall carries liability.' },
    });
    const result = validatePlaybook(edited);
    expect(result.ok).toBe(true);
  });

  const broken: [string, (p: typeof defaultPlaybook) => unknown, string, RegExp][] = [
    ['missing English text', (p) => ((p.steps[2]!.text as { en?: string }).en = undefined, p), 'steps.2.text.en', /./],
    ['blank reason', (p) => ((p.steps[0]!.why.fr = '   '), p), 'steps.0.why.fr', /French text is required/],
    ['duplicate step', (p) => ((p.steps[1]!.id = p.steps[0]!.id), p), 'steps.1.id', /duplicate step id "assign-roles"/],
    ['unknown role', (p) => ((p.steps[4]!.role = 'intern'), p), 'steps.4.role', /unknown role "intern"/],
    ['bad id', (p) => ((p.id = 'Mon Plan'), p), 'id', /lowercase/],
    ['no steps', (p) => ((p.steps = []), p), 'steps', /at least one step/],
    ['not an object', () => 'hello', '(root)', /./],
  ];
  it.each(broken)('names the error: %s', (_, edit, path, message) => {
    const result = validatePlaybook(edit(structuredClone(defaultPlaybook)));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const hit = result.errors.find((e) => e.path === path);
    expect(hit, JSON.stringify(result.errors)).toBeDefined();
    expect(hit!.message).toMatch(message);
  });
});

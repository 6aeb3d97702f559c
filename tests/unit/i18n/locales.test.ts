import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..', '..');
type Messages = Record<string, { message: string; description?: string }>;
const locale = (lang: string): Messages => JSON.parse(readFileSync(join(root, 'public', '_locales', lang, 'messages.json'), 'utf8'));
const langs = ['fr', 'en'];
const chars = (s: string) => [...s].length;

describe('_locales (manifest and store listings)', () => {
  it('French and English have the same messages', () => {
    expect(Object.keys(locale('fr')).sort()).toEqual(Object.keys(locale('en')).sort());
  });

  it('every __MSG_name__ of the manifest config exists in both', () => {
    const used = [...readFileSync(join(root, 'wxt.config.ts'), 'utf8').matchAll(/__MSG_(\w+)__/g)].map((m) => m[1]!);
    expect(used).toContain('extName');
    for (const lang of langs) for (const name of used) expect(locale(lang), `${lang} ${name}`).toHaveProperty(name);
  });

  it.each(langs)('%s: name and descriptions within the stores’ limits', (lang) => {
    const m = locale(lang);
    // addons.mozilla.org's linter refuses a name over 45 characters; Chrome allows 75.
    expect(chars(m.extName!.message)).toBeLessThanOrEqual(45);
    expect(m.extName!.message).toMatch(/^Vigie\b/);
    // Chrome Web Store: the manifest description at most 132 characters (Firefox allows 250).
    expect(chars(m.extDescription!.message)).toBeLessThanOrEqual(132);
    expect(chars(m.storeSummary!.message)).toBeLessThanOrEqual(132);
    expect(chars(m.storeDescription!.message)).toBeGreaterThan(500);
    expect(chars(m.storeDescription!.message)).toBeLessThanOrEqual(16_000);
    for (const [key, { message }] of Object.entries(m)) {
      expect(key).toMatch(/^[A-Za-z0-9_@]+$/);
      expect(message.trim(), key).not.toBe('');
    }
  });

  it('the long description names every supported platform, in both languages', () => {
    for (const lang of langs)
      for (const name of ['X', 'Facebook', 'Instagram', 'LinkedIn', 'YouTube', 'TikTok', 'Reddit', 'Threads', 'Bluesky', 'Mastodon'])
        expect(locale(lang).storeDescription!.message, `${lang} ${name}`).toContain(name);
  });
});

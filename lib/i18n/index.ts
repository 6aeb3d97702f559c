/**
 * Interface strings in French and English. The browser's language picks one unless the user chose;
 * the manifest and menus use _locales (public/_locales) as extensions must.
 */
import { en } from './en';
import { fr } from './fr';
import { applyPlurals } from './plural';

export { plural, type PluralBranches } from './plural';

export type UiLang = 'fr' | 'en';
export type MessageKey = keyof typeof fr;

const catalogs: Record<UiLang, Record<MessageKey, string>> = { fr, en };

export function detectUiLang(languages: readonly string[] = globalThis.navigator?.languages ?? []): UiLang {
  for (const l of languages) {
    const base = l.toLowerCase().slice(0, 2);
    if (base === 'fr' || base === 'en') return base;
  }
  return 'en';
}

/**
 * `{name}` placeholders are replaced by params, as text; a count is shown through a plural block,
 * `{n, plural, one {# règle} other {# règles}}` (see plural.ts), never as "{n} règles".
 */
export function translate(lang: UiLang, key: MessageKey, params?: Record<string, string | number>): string {
  const found = catalogs[lang][key];
  const template = found ?? catalogs.en[key];
  if (!params) return template;
  return applyPlurals(found === undefined ? 'en' : lang, template, params).replace(/\{(\w+)\}/g, (m, p: string) => (p in params ? String(params[p]) : m));
}

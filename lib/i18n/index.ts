/**
 * Interface strings in French and English. The browser's language picks one unless the user chose;
 * the manifest and menus use _locales (public/_locales) as extensions must.
 */
import { en } from './en';
import { fr } from './fr';

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

/** `{name}` placeholders are replaced by params, as text. */
export function translate(lang: UiLang, key: MessageKey, params?: Record<string, string | number>): string {
  const template = catalogs[lang][key] ?? catalogs.en[key];
  return params ? template.replace(/\{(\w+)\}/g, (m, p: string) => (p in params ? String(params[p]) : m)) : template;
}

/**
 * The built-in variables a template may use, and the marker a missing one shows in the text
 * (`[prénom]`, `[first name]`) so the agent sees the hole before sending.
 *
 *   author.name          the commenter's display name
 *   author.firstName     given in the vars, else guessed from author.name (see firstname.ts)
 *   author.handle        the commenter's handle, as the platform shows it
 *   brand.name           the active brand
 *   agent.name           the agent answering
 *   agent.signature      the agent's signature ("Julie, service client")
 *   platform             the platform's name ("LinkedIn")
 *   date.today           formatted in the reply's language: "lundi 3 novembre"
 *   date.tomorrow
 *   date.businessDays.N  N = 1..60 working days ahead (Monday to Friday)
 *
 * Any other name is a custom field declared by the template (`{{orderNumber}}`).
 */

type Labels = { fr: string; en: string };

const LABELS: Record<string, Labels> = {
  'author.name': { fr: 'nom', en: 'name' },
  'author.firstName': { fr: 'prénom', en: 'first name' },
  'author.handle': { fr: 'pseudo', en: 'handle' },
  'brand.name': { fr: 'marque', en: 'brand' },
  'agent.name': { fr: "nom de l'agent", en: 'agent name' },
  'agent.signature': { fr: 'signature', en: 'signature' },
  platform: { fr: 'plateforme', en: 'platform' },
};

// Dates come from the clock: they always have a value, so they need no marker.
const DATES = new Set(['date.today', 'date.tomorrow']);

const MAX_BUSINESS_DAYS = 60;
const BUSINESS_DAYS = /^date\.businessDays\.(\d{1,2})$/;

/** Top-level names a custom field may not take, so `{{platform}}` always means the built-in. */
export const RESERVED_KEYS = new Set(['author', 'brand', 'agent', 'platform', 'date']);

export function businessDaysOf(path: string): number | null {
  const m = BUSINESS_DAYS.exec(path);
  if (!m) return null;
  const n = Number(m[1]);
  return n >= 1 && n <= MAX_BUSINESS_DAYS ? n : null;
}

export function isBuiltIn(path: string): boolean {
  return path in LABELS || DATES.has(path) || businessDaysOf(path) !== null;
}

export function builtInPaths(): string[] {
  return [...Object.keys(LABELS), ...DATES, 'date.businessDays.N'];
}

/** Marker text for a missing built-in, in French for French replies and English otherwise. */
export function builtInLabel(path: string, lang: string): string {
  const labels = LABELS[path];
  if (!labels) return path;
  return lang.toLowerCase().startsWith('fr') ? labels.fr : labels.en;
}

export function marker(label: string): string {
  return `[${label}]`;
}

/** Durations and relative times as a community manager reads them: "3 h 20", "2 j 4 h". */
import type { UiLang } from '../lib/i18n';

export function formatDuration(ms: number, lang: UiLang): string {
  const minutes = Math.max(0, Math.round(Math.abs(ms) / 60_000));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  const d = lang === 'fr' ? 'j' : 'd';
  if (days) return `${days} ${d} ${hours} h`;
  if (hours) return `${hours} h ${String(mins).padStart(2, '0')}`;
  return `${mins} min`;
}

export function formatRelative(at: number, now: number, lang: UiLang): string {
  const rtf = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' });
  const diff = at - now;
  const abs = Math.abs(diff);
  if (abs < 3_600_000) return rtf.format(Math.round(diff / 60_000), 'minute');
  if (abs < 86_400_000) return rtf.format(Math.round(diff / 3_600_000), 'hour');
  return rtf.format(Math.round(diff / 86_400_000), 'day');
}

/**
 * Page text as our pages show it: bidi override and isolate controls removed, so a comment cannot
 * flip the text around it (an RLO in a name turns "LTR override" into "edirrevo RTL").
 */
export const displayText = (s: string) => s.replace(/[\u202a-\u202e\u2066-\u2069]/g, '');

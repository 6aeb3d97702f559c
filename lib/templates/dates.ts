/**
 * Dates as a reply states them ("lundi 3 novembre", "Monday, November 3"). Arithmetic runs on the
 * calendar day in the agent's time zone, held as a UTC midnight, so a DST change or an agent late
 * at night never shifts the day.
 */

export interface CalendarDay {
  year: number;
  month: number; // 1..12
  day: number;
}

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

export function calendarDay(now: number, timeZone?: string): CalendarDay {
  const key = timeZone ?? '';
  let fmt = partsFormatters.get(key);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric' });
    partsFormatters.set(key, fmt);
  }
  const parts = Object.fromEntries(fmt.formatToParts(now).map((p) => [p.type, p.value]));
  return { year: Number(parts.year), month: Number(parts.month), day: Number(parts.day) };
}

function toUtc(d: CalendarDay): Date {
  return new Date(Date.UTC(d.year, d.month - 1, d.day));
}

function fromUtc(date: Date): CalendarDay {
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

export function addDays(d: CalendarDay, n: number): CalendarDay {
  const date = toUtc(d);
  date.setUTCDate(date.getUTCDate() + n);
  return fromUtc(date);
}

/** Monday to Friday; public holidays differ by country and are not counted. */
export function addBusinessDays(d: CalendarDay, n: number): CalendarDay {
  const date = toUtc(d);
  let left = n;
  while (left > 0) {
    date.setUTCDate(date.getUTCDate() + 1);
    const weekday = date.getUTCDay();
    if (weekday !== 0 && weekday !== 6) left--;
  }
  return fromUtc(date);
}

/** `YYYY-MM-DD` as a date picker gives it; null when it is not a real day. */
export function parseIsoDay(value: string): CalendarDay | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (!m) return null;
  const d = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  const back = fromUtc(toUtc(d));
  return back.year === d.year && back.month === d.month && back.day === d.day ? d : null;
}

const dayFormatters = new Map<string, Intl.DateTimeFormat>();

export function formatDay(d: CalendarDay, lang: string): string {
  let fmt = dayFormatters.get(lang);
  if (!fmt) {
    const options: Intl.DateTimeFormatOptions = { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' };
    try {
      fmt = new Intl.DateTimeFormat(lang, options);
    } catch {
      // A language tag Intl refuses still gets a readable date rather than an error in the reply.
      fmt = new Intl.DateTimeFormat('en', options);
    }
    dayFormatters.set(lang, fmt);
  }
  return fmt.format(toUtc(d));
}

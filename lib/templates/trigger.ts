import type { Template } from './model';

export interface TriggerMatch<T extends Pick<Template, 'trigger'>> {
  template: T;
  /** UTF-16 offsets [start, end) of the trigger in the text: the range to replace. */
  start: number;
  end: number;
}

const TAIL = 40;

/**
 * Finds a trigger the user just finished typing. Call it when a space or Tab is typed, with the
 * composer's text before the caret: it accepts the text with that space already in (";merci ")
 * or without it (Tab, caught before it is inserted). The trigger must start the text or follow
 * whitespace, so "https://x" or "a;merci" never expand. Case is ignored (phones capitalise the
 * first word); with two templates sharing a trigger, the first one in `templates` wins.
 */
export function findTrigger<T extends Pick<Template, 'trigger'>>(
  textBeforeCaret: string,
  templates: readonly T[],
): TriggerMatch<T> | null {
  // Runs on every space typed: look only at the tail, where a trigger (33 characters at most) ends.
  const offset = Math.max(0, textBeforeCaret.length - TAIL);
  const m = /(^|\s)(\S+)[ \t\u00a0]?$/u.exec(textBeforeCaret.slice(offset));
  if (!m || (m.index === 0 && m[1] === '' && offset > 0 && !/\s/u.test(textBeforeCaret[offset - 1]!))) return null;
  const token = m[2]!.toLocaleLowerCase();
  const template = templates.find((t) => t.trigger !== undefined && t.trigger.toLocaleLowerCase() === token);
  if (!template) return null;
  const start = offset + m.index + m[1]!.length;
  return { template, start, end: start + m[2]!.length };
}

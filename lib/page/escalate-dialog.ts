/**
 * The Escalate dialog: severity (with what each level means), category, topic and note. A moderator
 * can also just flag the comment for the team without opening an incident.
 */
import { categoryNames, severityDefinitions } from '../crisis/labels';
import type { Category, Severity } from '../crisis/model';
import { translate, type UiLang } from '../i18n';
import { baseCss, el, shadowHost } from './shadow';

export interface EscalateChoice {
  severity: Severity;
  category: Category;
  topic?: string;
  note?: string;
}

const css = `${baseCss}
.backdrop { position: fixed; inset: 0; background: rgba(0,0,0,.35); z-index: 2147483647; display: flex; align-items: center; justify-content: center; }
.dialog { background: #fff; border-radius: 10px; padding: 16px; width: min(520px, 92vw); max-height: 90vh; overflow: auto; box-shadow: 0 6px 24px rgba(0,0,0,.3); }
h2 { font-size: 16px; margin: 0 0 6px; }
.quote { color: #5f6368; border-left: 3px solid #dadce0; padding-left: 8px; margin: 0 0 10px; max-height: 4.5em; overflow: hidden; white-space: pre-wrap; overflow-wrap: anywhere; }
fieldset { border: 1px solid #dadce0; border-radius: 6px; margin: 0 0 10px; }
.level { display: flex; gap: 8px; align-items: flex-start; margin: 4px 0; }
.level small { display: block; color: #5f6368; }
label.field { display: block; margin: 8px 0 2px; font-weight: 600; }
textarea, input[type=text], select { width: 100%; box-sizing: border-box; }
.actions { display: flex; gap: 8px; justify-content: flex-end; margin-top: 12px; flex-wrap: wrap; }
.error { color: #8c1d18; }
`;

export function openEscalateDialog(
  doc: Document,
  lang: UiLang,
  quote: string,
  actions: { escalate(choice: EscalateChoice): Promise<void>; flagOnly(): Promise<void> },
): HTMLElement {
  const t = (k: Parameters<typeof translate>[1], p?: Record<string, string | number>) => translate(lang, k, p);
  const previousFocus = doc.activeElement as HTMLElement | null;
  const { host, root } = shadowHost(doc, 'vigie-escalate-dialog', css);
  const close = () => {
    host.remove();
    previousFocus?.focus?.();
  };

  const levels = ([1, 2, 3, 4] as Severity[]).map((level) => {
    const def = severityDefinitions[level][lang];
    const input = el(doc, 'input', { attrs: { type: 'radio', name: 'severity', value: String(level), id: `sev-${level}` } });
    if (level === 2) input.checked = true;
    return el(doc, 'label', { className: 'level', attrs: { for: `sev-${level}` } }, input, el(doc, 'span', {}, el(doc, 'strong', { text: `${level} · ${def.name}` }), el(doc, 'small', { text: def.definition })));
  });
  const category = el(doc, 'select', { attrs: { id: 'category' } });
  for (const [value, names] of Object.entries(categoryNames)) category.append(el(doc, 'option', { text: names[lang], attrs: { value } }));
  category.value = 'reputation';
  const topic = el(doc, 'input', { attrs: { type: 'text', id: 'topic', maxlength: '200', placeholder: t('escalate.topicHint') } });
  const note = el(doc, 'textarea', { attrs: { id: 'note', rows: '3', maxlength: '5000' } });
  const error = el(doc, 'p', { className: 'error', attrs: { role: 'alert' } });
  const submit = el(doc, 'button', { className: 'primary', text: t('escalate.submit'), attrs: { type: 'submit', 'data-action': 'escalate-submit' } });
  const flag = el(doc, 'button', { text: t('escalate.flagOnly'), attrs: { type: 'button', 'data-action': 'flag-only' } });
  const cancel = el(doc, 'button', { text: t('common.cancel'), attrs: { type: 'button' } });

  const run = async (action: () => Promise<void>) => {
    submit.disabled = flag.disabled = true;
    error.textContent = '';
    try {
      await action();
      close();
    } catch (err) {
      // The choices stay as they were: sending again is one click.
      error.textContent = t('escalate.failed', { reason: (err as Error).message });
      submit.disabled = flag.disabled = false;
    }
  };
  const form = el(doc, 'form', { className: 'dialog', attrs: { role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'esc-title' } },
    el(doc, 'h2', { text: t('escalate.title'), attrs: { id: 'esc-title' } }),
    el(doc, 'p', { className: 'quote', text: quote.slice(0, 400) }),
    el(doc, 'fieldset', {}, el(doc, 'legend', { text: t('escalate.severity') }), ...levels),
    el(doc, 'label', { className: 'field', text: t('escalate.category'), attrs: { for: 'category' } }), category,
    el(doc, 'label', { className: 'field', text: t('escalate.topic'), attrs: { for: 'topic' } }), topic,
    el(doc, 'label', { className: 'field', text: t('escalate.note'), attrs: { for: 'note' } }), note,
    error,
    el(doc, 'div', { className: 'actions' }, cancel, flag, submit),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const checked = root.querySelector<HTMLInputElement>('input[name="severity"]:checked');
    const choice: EscalateChoice = {
      severity: Number(checked?.value ?? 2) as Severity,
      category: category.value as Category,
      ...(topic.value.trim() ? { topic: topic.value.trim() } : {}),
      ...(note.value.trim() ? { note: note.value.trim() } : {}),
    };
    void run(() => actions.escalate(choice));
  });
  flag.addEventListener('click', () => void run(actions.flagOnly));
  cancel.addEventListener('click', close);
  const backdrop = el(doc, 'div', { className: 'backdrop' }, form);
  backdrop.addEventListener('click', (e) => e.target === backdrop && close());
  // Keep the page's own shortcuts (j/k, l to like...) from firing while the moderator types here.
  host.addEventListener('keydown', (e) => {
    e.stopPropagation();
    if (e.key === 'Escape') close();
    if (e.key === 'Tab') trapFocus(root, e);
  });
  host.addEventListener('keyup', (e) => e.stopPropagation());
  host.addEventListener('keypress', (e) => e.stopPropagation());
  root.append(backdrop);
  doc.documentElement.append(host);
  root.querySelector<HTMLInputElement>('input[name="severity"]:checked')?.focus();
  return host;
}

function trapFocus(root: ShadowRoot, e: KeyboardEvent): void {
  const focusable = Array.from(root.querySelectorAll<HTMLElement>('input:not([type=radio]), input[type=radio]:checked, select, textarea, button:not([disabled])'));
  const first = focusable[0];
  const last = focusable[focusable.length - 1];
  if (!first || !last) return;
  if (e.shiftKey && root.activeElement === first) {
    e.preventDefault();
    last.focus();
  } else if (!e.shiftKey && root.activeElement === last) {
    e.preventDefault();
    first.focus();
  }
}

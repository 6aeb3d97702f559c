/**
 * The template picker: type part of a name, pick with the keyboard or the mouse, fill the custom
 * fields, and the rendered reply goes into the platform's editor. Suggestions come ranked by the
 * background for the comment being answered (its language, mood and risks; holding statements first
 * in crisis mode).
 */
import { translate, type MessageKey, type UiLang } from '../i18n';
import type { TemplateSummary } from '../messaging/protocol';
import { baseCss, el, shadowHost } from './shadow';

export interface PickerActions {
  search(query: string): Promise<TemplateSummary[]>;
  /** Renders and inserts; resolves to an error message to show, or null when done. */
  insert(template: TemplateSummary, fields: Record<string, string>, force: boolean): Promise<string | null>;
}

const css = `${baseCss}
.backdrop { position: fixed; inset: 0; z-index: 2147483647; display: flex; align-items: flex-start; justify-content: center; padding-top: 12vh; background: rgba(0,0,0,.25); }
.picker { background: #fff; border-radius: 10px; width: min(560px, 94vw); max-height: 70vh; display: flex; flex-direction: column; box-shadow: 0 6px 24px rgba(0,0,0,.3); padding: 12px; gap: 8px; }
input[type=search] { width: 100%; box-sizing: border-box; font-size: 15px; padding: 6px 8px; }
ul { list-style: none; margin: 0; padding: 0; overflow: auto; }
li { padding: 6px 8px; border-radius: 6px; cursor: pointer; }
li[aria-selected="true"] { background: #e8f0fe; }
.name { font-weight: 600; }
.meta, .reasons { color: #5f6368; font-size: 12px; }
.preview { white-space: pre-wrap; overflow-wrap: anywhere; color: #3c4043; max-height: 3em; overflow: hidden; }
form label { display: block; font-weight: 600; margin-top: 6px; }
form input, form select { width: 100%; box-sizing: border-box; }
.actions { display: flex; gap: 8px; justify-content: flex-end; margin-top: 8px; }
.error { color: #8c1d18; white-space: pre-wrap; }
`;

export function openPicker(doc: Document, lang: UiLang, actions: PickerActions, onClose: () => void): HTMLElement {
  const t = (k: MessageKey, p?: Record<string, string | number>) => translate(lang, k, p);
  const { host, root } = shadowHost(doc, 'vigie-template-picker', css);
  const close = () => {
    host.remove();
    onClose();
  };
  const search = el(doc, 'input', { attrs: { type: 'search', 'aria-label': t('picker.search'), placeholder: t('picker.search'), role: 'combobox', 'aria-controls': 'vigie-results', 'aria-expanded': 'true' } });
  const list = el(doc, 'ul', { attrs: { id: 'vigie-results', role: 'listbox', 'aria-label': t('picker.title') } });
  const error = el(doc, 'p', { className: 'error', attrs: { role: 'alert' } });
  const body = el(doc, 'div', { className: 'picker', attrs: { role: 'dialog', 'aria-modal': 'true', 'aria-label': t('picker.title') } }, search, list, error);
  const backdrop = el(doc, 'div', { className: 'backdrop' }, body);
  let results: TemplateSummary[] = [];
  let active = 0;
  let seq = 0;

  const renderList = () => {
    list.replaceChildren(
      ...results.map((tpl, i) => {
        const item = el(doc, 'li', { attrs: { role: 'option', id: `opt-${i}`, 'aria-selected': String(i === active), 'data-template-id': tpl.id } },
          el(doc, 'div', { className: 'name', text: tpl.name }),
          el(doc, 'div', { className: 'meta', text: [tpl.folder, tpl.langs.join(' · '), tpl.trigger ?? ''].filter(Boolean).join(' — ') }),
          el(doc, 'div', { className: 'preview', text: tpl.preview }),
          tpl.reasons.length ? el(doc, 'div', { className: 'reasons', text: tpl.reasons.join(' · ') }) : null,
        );
        item.addEventListener('click', () => choose(tpl));
        return item;
      }),
    );
    if (results.length === 0) list.append(el(doc, 'li', { text: t('picker.empty') }));
    search.setAttribute('aria-activedescendant', results.length ? `opt-${active}` : '');
    root.getElementById(`opt-${active}`)?.scrollIntoView({ block: 'nearest' });
  };

  const refresh = async () => {
    const mine = ++seq;
    try {
      const found = await actions.search(search.value);
      if (mine !== seq) return;
      results = found;
      active = 0;
      error.textContent = '';
      renderList();
    } catch (err) {
      error.textContent = (err as Error).message;
    }
  };

  const choose = (tpl: TemplateSummary) => {
    if (tpl.fields.length === 0) return void submit(tpl, {}, false);
    body.replaceChildren(fieldsForm(tpl), error);
    root.querySelector<HTMLElement>('input, select')?.focus();
  };

  const submit = async (tpl: TemplateSummary, fields: Record<string, string>, force: boolean) => {
    error.textContent = '';
    const problem = await actions.insert(tpl, fields, force).catch((err: Error) => err.message);
    if (problem === null) return close();
    error.textContent = problem;
    // A length warning can be overridden on purpose; the second click inserts anyway.
    if (!force) {
      const anyway = el(doc, 'button', { text: t('picker.insertAnyway'), attrs: { type: 'button', 'data-action': 'insert-anyway' } });
      anyway.addEventListener('click', () => void submit(tpl, fields, true));
      error.append(doc.createElement('br'), anyway);
    }
  };

  const fieldsForm = (tpl: TemplateSummary) => {
    const inputs = tpl.fields.map((f) => {
      const id = `field-${f.key}`;
      let control: HTMLInputElement | HTMLSelectElement;
      if (f.kind === 'choice' && f.choices?.length) {
        control = el(doc, 'select', { attrs: { id, name: f.key } });
        for (const c of f.choices) control.append(el(doc, 'option', { text: c, attrs: { value: c } }));
      } else {
        control = el(doc, 'input', { attrs: { id, name: f.key, type: f.kind === 'date' ? 'date' : 'text' } });
      }
      if (f.default !== undefined) control.value = f.default;
      return [el(doc, 'label', { text: f.label, attrs: { for: id } }), control] as const;
    });
    const form = el(doc, 'form', { attrs: { 'aria-label': tpl.name } }, el(doc, 'div', { className: 'name', text: tpl.name }), ...inputs.flat(),
      el(doc, 'div', { className: 'actions' },
        el(doc, 'button', { text: t('common.cancel'), attrs: { type: 'button', 'data-action': 'cancel' } }),
        el(doc, 'button', { className: 'primary', text: t('picker.insert'), attrs: { type: 'submit', 'data-action': 'insert' } }),
      ),
    );
    form.querySelector('[data-action="cancel"]')!.addEventListener('click', close);
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      void submit(tpl, Object.fromEntries(inputs.map(([, c]) => [c.name, c.value])), false);
    });
    return form;
  };

  search.addEventListener('input', () => void refresh());
  host.addEventListener('keydown', (e) => {
    // The platform's own shortcuts must not see what is typed here.
    e.stopPropagation();
    if (e.key === 'Escape') return close();
    if (root.activeElement !== search) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      active = Math.max(0, Math.min(results.length - 1, active + (e.key === 'ArrowDown' ? 1 : -1)));
      renderList();
    } else if (e.key === 'Enter' && results[active]) {
      e.preventDefault();
      choose(results[active]!);
    }
  });
  host.addEventListener('keyup', (e) => e.stopPropagation());
  host.addEventListener('keypress', (e) => e.stopPropagation());
  backdrop.addEventListener('mousedown', (e) => e.target === backdrop && close());
  root.append(backdrop);
  doc.documentElement.append(host);
  search.focus();
  void refresh();
  return host;
}

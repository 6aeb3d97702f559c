import { useT } from './i18n';

/** A custom field as the form edits it: choices as one "|"-separated line, default as text. */
export interface FieldDraft {
  key: string;
  label: string;
  kind: 'text' | 'choice' | 'date';
  default: string;
  choices: string;
}

export const emptyField = (): FieldDraft => ({ key: '', label: '', kind: 'text', default: '', choices: '' });

/** The template's custom fields: what the picker asks the agent for before inserting. */
export function TemplateFields({ fields, onChange }: { fields: FieldDraft[]; onChange(next: FieldDraft[]): void }) {
  const t = useT();
  const set = (i: number, patch: Partial<FieldDraft>) => onChange(fields.map((f, k) => (k === i ? { ...f, ...patch } : f)));
  return (
    <fieldset className="tpl-fields" data-testid="template-fields">
      <legend>{t('tpl.fields')}</legend>
      <p className="muted">{t('tpl.fields.help')}</p>
      {fields.map((f, i) => (
        <div key={i} className="tpl-field" role="group" aria-label={t('tpl.field.n', { n: i + 1 })}>
          <label htmlFor={`field-key-${i}`}>{t('tpl.field.key')}</label>
          <input id={`field-key-${i}`} value={f.key} onChange={(e) => set(i, { key: e.target.value })} spellCheck={false} />
          <label htmlFor={`field-label-${i}`}>{t('tpl.field.label')}</label>
          <input id={`field-label-${i}`} value={f.label} onChange={(e) => set(i, { label: e.target.value })} />
          <label htmlFor={`field-kind-${i}`}>{t('tpl.field.kind')}</label>
          <select id={`field-kind-${i}`} value={f.kind} onChange={(e) => set(i, { kind: e.target.value as FieldDraft['kind'] })}>
            <option value="text">{t('tpl.field.kind.text')}</option>
            <option value="choice">{t('tpl.field.kind.choice')}</option>
            <option value="date">{t('tpl.field.kind.date')}</option>
          </select>
          {f.kind === 'choice' && (
            <>
              <label htmlFor={`field-choices-${i}`}>{t('tpl.field.choices')}</label>
              <input id={`field-choices-${i}`} value={f.choices} onChange={(e) => set(i, { choices: e.target.value })} />
            </>
          )}
          <label htmlFor={`field-default-${i}`}>{t(f.kind === 'date' ? 'tpl.field.defaultDate' : 'tpl.field.default')}</label>
          <input id={`field-default-${i}`} value={f.default} onChange={(e) => set(i, { default: e.target.value })} />
          <div className="row-actions">
            <button type="button" onClick={() => onChange(fields.filter((_, k) => k !== i))}>
              {t('tpl.field.remove', { n: i + 1 })}
            </button>
          </div>
        </div>
      ))}
      <button type="button" onClick={() => onChange([...fields, emptyField()])}>
        {t('tpl.field.add')}
      </button>
    </fieldset>
  );
}

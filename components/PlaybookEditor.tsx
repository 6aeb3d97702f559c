import { useEffect, useState, type FormEvent } from 'react';
import { browser } from 'wxt/browser';
import { defaultPlaybook, validatePlaybook, type Playbook } from '../lib/crisis/playbooks';
import { getDb } from '../lib/db';
import { saveSetting } from '../lib/db/settings';
import { useSetting } from './hooks';
import { publishSetting } from './team';
import { useT } from './i18n';
import './Incidents.css';

type Step = Playbook['steps'][number];
type Role = Playbook['roles'][number];
type Text = { fr: string; en: string };

/** An id that is not taken yet, from a prefix: step-3, role-2. */
function freshId(prefix: string, taken: readonly { id: string }[]): string {
  let n = taken.length + 1;
  while (taken.some((x) => x.id === `${prefix}-${n}`)) n++;
  return `${prefix}-${n}`;
}

function TextPair({ id, label, value, onChange, multiline }: { id: string; label: string; value: Text; onChange(v: Text): void; multiline?: boolean }) {
  return (
    <>
      {(['fr', 'en'] as const).map((l) => (
        <div key={l}>
          <label htmlFor={`${id}-${l}`}>
            {label} ({l === 'fr' ? 'Français' : 'English'})
          </label>
          {multiline ? (
            <textarea id={`${id}-${l}`} rows={2} value={value[l]} onChange={(e) => onChange({ ...value, [l]: e.target.value })} />
          ) : (
            <input id={`${id}-${l}`} value={value[l]} onChange={(e) => onChange({ ...value, [l]: e.target.value })} />
          )}
        </div>
      ))}
    </>
  );
}

/**
 * The team's crisis playbook: roles, and the steps each new incident's checklist is made of, in French
 * and English with the reason for each. Saved only when valid; each error names the field.
 */
export function PlaybookEditor() {
  const t = useT();
  const saved = useSetting('playbook');
  const [draft, setDraft] = useState<Playbook>(saved);
  const [errors, setErrors] = useState<string[]>([]);
  const [status, setStatus] = useState<string>();
  useEffect(() => setDraft(saved), [JSON.stringify(saved)]);

  const edit = (next: Playbook) => {
    setDraft(next);
    setStatus(undefined);
  };
  const setStep = (i: number, step: Step) => edit({ ...draft, steps: draft.steps.map((s, k) => (k === i ? step : s)) });
  const setRole = (i: number, role: Role) => edit({ ...draft, roles: draft.roles.map((r, k) => (k === i ? role : r)) });
  const move = (i: number, by: -1 | 1) => {
    const steps = [...draft.steps];
    const j = i + by;
    if (j < 0 || j >= steps.length) return;
    [steps[i], steps[j]] = [steps[j]!, steps[i]!];
    edit({ ...draft, steps });
  };

  /** `steps.2.why.en` as "Step 3 (« Team meeting »), why, English". */
  const describe = (path: string) => {
    const [list, index, field, lang] = path.split('.');
    const n = Number(index);
    const item = list === 'steps' ? draft.steps[n] : list === 'roles' ? draft.roles[n] : undefined;
    const where = list === 'steps' ? t('playbook.step', { n: n + 1 }) : list === 'roles' ? t('playbook.role', { n: n + 1 }) : list === 'name' ? t('playbook.name') : path;
    const named = item && 'text' in item ? `${where} (${item.text.en || item.text.fr || item.id})` : item && 'name' in item ? `${where} (${item.name.en || item.name.fr || item.id})` : where;
    return [named, field, lang].filter(Boolean).join(', ');
  };

  const save = async (e: FormEvent) => {
    e.preventDefault();
    const result = validatePlaybook({ ...draft, version: saved.version + 1 });
    if (!result.ok) {
      setErrors(result.errors.map((er) => `${describe(er.path)}: ${er.message}`));
      return;
    }
    setErrors([]);
    await saveSetting(getDb(), 'playbook', result.playbook);
    await browser.runtime.sendMessage({ type: 'ui:settings-changed', key: 'playbook' }).catch(() => {});
    await publishSetting('playbook', 'playbook').catch((err: Error) => setErrors([err.message]));
    setStatus(t('common.saved'));
  };
  const reset = async () => {
    if (!confirm(t('playbook.reset.confirm'))) return;
    await saveSetting(getDb(), 'playbook', { ...defaultPlaybook, version: saved.version + 1 });
    setErrors([]);
    await publishSetting('playbook', 'playbook').catch((err: Error) => setErrors([err.message]));
    setStatus(t('playbook.reset.done'));
  };

  return (
    <form onSubmit={save} aria-labelledby="playbook-title" data-testid="playbook-editor" className="setting">
      <h2 id="playbook-title">{t('playbook.title')}</h2>
      <p className="muted">{t('playbook.help')}</p>
      <TextPair id="pb-name" label={t('playbook.name')} value={draft.name} onChange={(name) => edit({ ...draft, name })} />

      <h3>{t('playbook.roles')}</h3>
      {draft.roles.map((r, i) => (
        <fieldset key={i} className="pb-role" data-role-id={r.id}>
          <legend>{t('playbook.role', { n: i + 1 })}</legend>
          <label htmlFor={`pb-role-${i}-id`}>{t('playbook.id')}</label>
          <input id={`pb-role-${i}-id`} value={r.id} onChange={(e) => setRole(i, { ...r, id: e.target.value })} />
          <TextPair id={`pb-role-${i}-name`} label={t('playbook.role.name')} value={r.name} onChange={(name) => setRole(i, { ...r, name })} />
          <TextPair id={`pb-role-${i}-duty`} label={t('playbook.role.duty')} value={r.duty} onChange={(duty) => setRole(i, { ...r, duty })} multiline />
          <button type="button" onClick={() => edit({ ...draft, roles: draft.roles.filter((_, k) => k !== i) })}>
            {t('common.delete')}
          </button>
        </fieldset>
      ))}
      <button type="button" onClick={() => edit({ ...draft, roles: [...draft.roles, { id: freshId('role', draft.roles), name: { fr: '', en: '' }, duty: { fr: '', en: '' } }] })}>
        {t('playbook.role.add')}
      </button>

      <h3>{t('playbook.steps')}</h3>
      {draft.steps.map((s, i) => (
        <fieldset key={i} className="pb-step" data-step-id={s.id}>
          <legend>{t('playbook.step', { n: i + 1 })}</legend>
          <label htmlFor={`pb-step-${i}-id`}>{t('playbook.id')}</label>
          <input id={`pb-step-${i}-id`} value={s.id} onChange={(e) => setStep(i, { ...s, id: e.target.value })} />
          <TextPair id={`pb-step-${i}-text`} label={t('playbook.step.text')} value={s.text} onChange={(text) => setStep(i, { ...s, text })} />
          <TextPair id={`pb-step-${i}-why`} label={t('playbook.step.why')} value={s.why} onChange={(why) => setStep(i, { ...s, why })} multiline />
          <label htmlFor={`pb-step-${i}-role`}>{t('playbook.step.role')}</label>
          <select
            id={`pb-step-${i}-role`}
            value={s.role ?? ''}
            onChange={(e) => {
              const { role: _r, ...rest } = s;
              setStep(i, e.target.value ? { ...rest, role: e.target.value } : rest);
            }}
          >
            <option value="">—</option>
            {draft.roles.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name.en || r.name.fr || r.id}
              </option>
            ))}
          </select>
          <div className="row-actions">
            <button type="button" onClick={() => move(i, -1)} disabled={i === 0} aria-label={t('playbook.up')}>
              ↑
            </button>
            <button type="button" onClick={() => move(i, 1)} disabled={i === draft.steps.length - 1} aria-label={t('playbook.down')}>
              ↓
            </button>
            <button type="button" onClick={() => edit({ ...draft, steps: draft.steps.filter((_, k) => k !== i) })}>
              {t('common.delete')}
            </button>
          </div>
        </fieldset>
      ))}
      <button type="button" onClick={() => edit({ ...draft, steps: [...draft.steps, { id: freshId('step', draft.steps), text: { fr: '', en: '' }, why: { fr: '', en: '' } }] })}>
        {t('playbook.step.add')}
      </button>

      {errors.length > 0 && (
        <ul role="alert" className="pb-errors" data-testid="playbook-errors">
          {errors.map((er) => (
            <li key={er}>{er}</li>
          ))}
        </ul>
      )}
      <div className="row-actions">
        <button type="submit" className="primary">
          {t('common.save')}
        </button>
        <button type="button" onClick={reset}>
          {t('playbook.reset')}
        </button>
        {status && (
          <span role="status" className="muted">
            {status}
          </span>
        )}
      </div>
    </form>
  );
}

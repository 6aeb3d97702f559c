import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { useT } from './i18n';

/**
 * One settings section: edits a draft, saves through `save` (which validates), and shows the refusal
 * reason next to the fields instead of storing anything half-valid.
 */
export function SettingForm<T>({ title, value, save, children, testId }: {
  title: string;
  value: T;
  save(draft: T): Promise<unknown>;
  children(draft: T, set: (next: T) => void): ReactNode;
  testId: string;
}) {
  const t = useT();
  const [draft, setDraft] = useState(value);
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  useEffect(() => setDraft(value), [JSON.stringify(value)]);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await save(draft);
      setMessage({ ok: true, text: t('common.saved') });
    } catch (err) {
      setMessage({ ok: false, text: t('settings.error', { message: (err as Error).message }) });
    }
  };
  return (
    <form onSubmit={submit} aria-labelledby={`${testId}-title`} data-testid={testId} className="setting">
      <h2 id={`${testId}-title`}>{title}</h2>
      {children(draft, (next) => {
        setDraft(next);
        setMessage(undefined);
      })}
      <div className="row-actions">
        <button type="submit" className="primary">
          {t('common.save')}
        </button>
        {message && (
          <span role={message.ok ? 'status' : 'alert'} className={message.ok ? 'muted' : 'error-text'}>
            {message.text}
          </span>
        )}
      </div>
    </form>
  );
}

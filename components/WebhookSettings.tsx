import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { originPattern, webhookConfig, webhookKind, type WebhookKind } from '../lib/crisis/webhook';
import { parseQueue, QUEUE_KEY, type Delivery } from '../lib/background/webhooks';
import { getDb } from '../lib/db';
import { saveSetting } from '../lib/db/settings';
import { useSetting } from './hooks';
import { useLang, useT } from './i18n';
import { SettingForm } from './SettingForm';
import './Incidents.css';

const kindNames: Record<WebhookKind, string> = { slack: 'Slack', teams: 'Microsoft Teams', mattermost: 'Mattermost', generic: 'JSON' };

type Access = 'granted' | 'asking' | 'refused' | undefined;

/** The delivery list lives in browser.storage (the background's queue): read it and follow its changes. */
function useDeliveries(): Delivery[] {
  const [list, setList] = useState<Delivery[]>([]);
  useEffect(() => {
    const read = async () => setList(parseQueue((await browser.storage.local.get(QUEUE_KEY))[QUEUE_KEY]).sort((a, b) => b.createdAt - a.createdAt));
    void read();
    const onChange = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && QUEUE_KEY in changes) void read();
    };
    browser.storage.onChanged.addListener(onChange);
    return () => browser.storage.onChanged.removeListener(onChange);
  }, []);
  return list;
}

/**
 * The team webhook. Saving asks the browser for access to the webhook's host (the only host Vigie ever
 * sends to); the request runs beside the save so a pending prompt never holds the form.
 */
export function WebhookSettings() {
  const t = useT();
  const value = useSetting('webhook');
  const [access, setAccess] = useState<Access>();

  useEffect(() => {
    if (!value) return setAccess(undefined);
    // A prompt still open (asked on save) keeps its message until the user answers it.
    void browser.permissions.contains({ origins: [originPattern(value.url)] }).then((ok) => setAccess((now) => (ok ? 'granted' : now === 'asking' ? now : 'refused')));
  }, [value?.url]);

  const save = async (draft: { kind: WebhookKind; url: string; enabled: boolean }) => {
    const url = draft.url.trim();
    if (url === '') {
      await saveSetting(getDb(), 'webhook', null);
      return;
    }
    const parsed = webhookConfig.safeParse({ ...draft, url });
    // Asked synchronously inside the click, while the browser still counts it as the user's gesture.
    if (parsed.success) {
      setAccess('asking');
      browser.permissions.request({ origins: [originPattern(url)] }).then(
        (ok) => setAccess(ok ? 'granted' : 'refused'),
        () => setAccess('refused'),
      );
    }
    await saveSetting(getDb(), 'webhook', { ...draft, url });
    await browser.runtime.sendMessage({ type: 'ui:settings-changed', key: 'webhook' }).catch(() => {});
  };

  return (
    <>
      <SettingForm title={t('webhook.title')} value={value ?? { kind: 'slack' as WebhookKind, url: '', enabled: true }} save={save} testId="setting-webhook">
        {(draft, set) => (
          <>
            <p className="muted" id="webhook-help">
              {t('webhook.help')}
            </p>
            <label htmlFor="webhook-kind">{t('webhook.kind')}</label>
            <select id="webhook-kind" value={draft.kind} onChange={(e) => set({ ...draft, kind: e.target.value as WebhookKind })}>
              {webhookKind.options.map((k) => (
                <option key={k} value={k}>
                  {kindNames[k]}
                </option>
              ))}
            </select>
            <label htmlFor="webhook-url">{t('webhook.url')}</label>
            <input id="webhook-url" type="url" aria-describedby="webhook-help" style={{ width: '100%' }} value={draft.url} onChange={(e) => set({ ...draft, url: e.target.value })} />
            <label>
              <input type="checkbox" checked={draft.enabled} onChange={(e) => set({ ...draft, enabled: e.target.checked })} /> {t('webhook.enabled')}
            </label>
            {value && access && (
              <p className={access === 'refused' ? 'error-text' : 'muted'} data-testid="webhook-access">
                {t(`webhook.access.${access}`)}
              </p>
            )}
          </>
        )}
      </SettingForm>
      <Deliveries />
    </>
  );
}

function Deliveries() {
  const t = useT();
  const lang = useLang();
  const list = useDeliveries();
  const [busy, setBusy] = useState<string>();
  const [error, setError] = useState<string>();
  const retry = async (id: string) => {
    setBusy(id);
    setError(undefined);
    const answer = (await browser.runtime.sendMessage({ type: 'ui:webhook-retry', deliveryId: id }).catch((e: Error) => ({ ok: false, error: { message: e.message } }))) as
      | { ok: true }
      | { ok: false; error: { message: string } };
    if (!answer.ok) setError(answer.error.message);
    setBusy(undefined);
  };
  return (
    <section aria-labelledby="deliveries-title" data-testid="webhook-deliveries">
      <h2 id="deliveries-title">{t('webhook.deliveries')}</h2>
      {list.length === 0 ? (
        <p className="empty">{t('webhook.deliveries.none')}</p>
      ) : (
        <ul className="deliveries">
          {list.map((d) => (
            <li key={d.id} data-delivery-id={d.id} data-status={d.status} className={`delivery-${d.status}`}>
              <span>
                <span className="delivery-status">{t(`webhook.status.${d.status}`)}</span> · {d.summary}
              </span>
              <span className="muted">
                {new Date(d.createdAt).toLocaleString(lang)} · {t('webhook.attempts', { count: d.attempts })}
                {d.status === 'pending' && d.nextAt !== undefined && d.attempts > 0 && ` · ${t('webhook.nextAt', { when: new Date(d.nextAt).toLocaleTimeString(lang) })}`}
              </span>
              {d.lastError && d.status !== 'delivered' && <span className="error-text delivery-error">{d.lastError}</span>}
              {d.status !== 'delivered' && (
                <div className="row-actions">
                  <button type="button" disabled={busy === d.id} onClick={() => retry(d.id)}>
                    {t('webhook.retry')}
                  </button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
    </section>
  );
}

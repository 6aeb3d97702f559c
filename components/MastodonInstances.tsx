import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { createInstances, type Instance } from '../lib/platforms/mastodon/instances';
import { suggestedInstances } from '../lib/platforms/mastodon/routes';
import { useT } from './i18n';

const instances = createInstances(browser);

/** Mastodon runs on any host: each instance is added here, with its host permission asked at that moment. */
export function MastodonInstances() {
  const t = useT();
  const [list, setList] = useState<Instance[]>([]);
  const [host, setHost] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  const refresh = () => instances.listInstances().then(setList);
  useEffect(() => void refresh(), []);

  const add = async (value: string) => {
    // permissions.request must run in the click's own task: no await before it.
    const result = await instances.addInstance(value);
    setMessage(result.ok ? { ok: true, text: t('mastodon.added', { host: result.host }) } : { ok: false, text: result.message });
    if (result.ok) setHost('');
    await refresh();
  };

  return (
    <section aria-labelledby="mastodon-title" data-testid="mastodon-instances">
      <h2 id="mastodon-title">{t('mastodon.title')}</h2>
      <p className="muted">{t('mastodon.help')}</p>
      <ul>
        {list.map((i) => (
          <li key={i.host} data-host={i.host}>
            {i.host} {i.granted ? '' : `(${t('mastodon.notGranted')})`}{' '}
            <button type="button" onClick={() => instances.removeInstance(i.host).then(refresh)}>
              {t('common.delete')}
            </button>
          </li>
        ))}
      </ul>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void add(host);
        }}
      >
        <label htmlFor="mastodon-host">{t('mastodon.host')}</label>
        <input id="mastodon-host" list="mastodon-suggested" value={host} onChange={(e) => setHost(e.target.value)} placeholder="mastodon.social" />
        <datalist id="mastodon-suggested">
          {suggestedInstances.map((h) => (
            <option key={h} value={h} />
          ))}
        </datalist>{' '}
        <button type="submit" className="primary">
          {t('mastodon.add')}
        </button>
        {message && (
          <p role={message.ok ? 'status' : 'alert'} className={message.ok ? 'muted' : 'error-text'}>
            {message.text}
          </p>
        )}
      </form>
    </section>
  );
}

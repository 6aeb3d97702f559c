import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type FormEvent } from 'react';
import { browser } from 'wxt/browser';
import { getDb } from '../lib/db';
import { listNotices, listQuarantine, pendingCount } from '../lib/team/local';
import { invitation as invitationSchema } from '../lib/team/docs';
import { serverOriginPattern, serverProblem, type TeamMirror } from '../lib/team/state';
import type { Answer } from '../lib/messaging/protocol';
import { saveAsFile } from './files';
import { formatRelative } from './format';
import { useNow } from './hooks';
import { useLang, useT } from './i18n';
import { useTeam } from './team';
import { teamReason } from '../lib/team/reasons';

/** One line for the connection: connected, offline since when, refused and why. */
export function TeamState({ team }: { team: TeamMirror }) {
  const t = useT();
  const lang = useLang();
  const now = useNow(10_000);
  const pending = useLiveQuery(() => pendingCount(getDb()), []) ?? 0;
  const line =
    team.state === 'offline'
      ? t('team.state.offline', { since: formatRelative(team.since, now, lang) })
      : team.state === 'refused' || team.state === 'outdated'
        ? t(`team.state.${team.state}`, { message: teamReason(lang, team.message ?? '') })
        : t(`team.state.${team.state}`);
  return (
    <p data-testid="team-state" data-state={team.state} role="status">
      <strong>{line}</strong> · {t('team.who', { user: team.user, role: team.role ? t(`team.role.${team.role}`) : '?', workspace: team.workspace })} ·{' '}
      <span data-testid="team-pending">{t('team.pending', { n: pending })}</span>
    </p>
  );
}

function Join() {
  const t = useT();
  const [invitation, setInvitation] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    let server: string;
    try {
      const parsed = invitationSchema.safeParse(JSON.parse(invitation));
      if (!parsed.success) return setError(`${t('team.invitation')}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
      server = parsed.data.server;
    } catch {
      return setError(`${t('team.invitation')}: JSON`);
    }
    const problem = serverProblem(server);
    if (problem) return setError(problem);
    const origin = serverOriginPattern(server);
    // Asked inside the click, while the browser still counts it as the user's gesture: that server only.
    let asked: Promise<boolean>;
    try {
      asked = browser.permissions.request({ origins: [origin] });
    } catch (err) {
      return setError((err as Error).message);
    }
    setBusy(true);
    setError(t('team.accessAsked', { origin }));
    void asked
      .then(async (granted) => {
        if (!granted) return setError(t('team.accessRefused', { origin }));
        setError(undefined);
        const answer = (await browser.runtime.sendMessage({ type: 'ui:team-connect', invitation, password })) as Answer<'ui:team-connect'>;
        if (!answer.ok) setError(answer.error.message);
        else setPassword('');
      })
      .catch((err: Error) => setError(err.message))
      .finally(() => setBusy(false));
  };

  return (
    <form onSubmit={submit} data-testid="team-join">
      <p className="muted">{t('team.intro')}</p>
      <label htmlFor="team-invitation">{t('team.invitation')}</label>
      <textarea id="team-invitation" rows={5} value={invitation} onChange={(e) => setInvitation(e.target.value)} spellCheck={false} required />
      <label htmlFor="team-password">{t('team.password')}</label>
      <input id="team-password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
      <button type="submit" disabled={busy}>
        {t('team.connect')}
      </button>
      {error && (
        <p role="alert" className="error" data-testid="team-error">
          {error}
        </p>
      )}
    </form>
  );
}

function Connected({ team }: { team: TeamMirror }) {
  const t = useT();
  const lang = useLang();
  const notices = useLiveQuery(() => listNotices(getDb()), []);
  const quarantine = useLiveQuery(() => listQuarantine(getDb()), []);
  const exportAudit = async () => {
    const answer = (await browser.runtime.sendMessage({ type: 'ui:team-audit' })) as Answer<'ui:team-audit'>;
    if (answer.ok) saveAsFile(`vigie-audit-${team.workspace}.csv`, answer.data.csv, 'text/csv;charset=utf-8');
  };
  const leave = async () => {
    if (!confirm(t('team.leaveConfirm', { workspace: team.workspace }))) return;
    await browser.runtime.sendMessage({ type: 'ui:team-leave' });
  };
  return (
    <>
      <TeamState team={team} />
      {notices && notices.length > 0 && (
        <>
          <h3>{t('team.notices')}</h3>
          <ul data-testid="team-notices">
            {notices.map((n) => (
              <li key={n.id} data-kind={n.kind}>
                <time dateTime={new Date(n.at).toISOString()}>{new Date(n.at).toLocaleTimeString(lang)}</time>{' '}
                {n.kind === 'lost' ? t('team.notice.lost', { name: n.detail, doc: n.docId }) : t(`team.notice.${n.kind}`, { doc: n.docId, detail: teamReason(lang, n.detail) })}
              </li>
            ))}
          </ul>
        </>
      )}
      {quarantine && quarantine.length > 0 && (
        <>
          <h3>{t('team.quarantine')}</h3>
          <ul data-testid="team-quarantine">
            {quarantine.map((q) => (
              <li key={q.id}>
                <code>{q.id}</code>: {q.reason}
              </li>
            ))}
          </ul>
        </>
      )}
      <div className="row-actions">
        <button type="button" data-action="team-audit" onClick={exportAudit}>
          {t('team.audit')}
        </button>
        <button type="button" onClick={leave}>
          {t('team.leave')}
        </button>
      </div>
    </>
  );
}

/** Options page: join a team workspace from an invitation, see the connection, leave. */
export function TeamSettings() {
  const t = useT();
  const team = useTeam();
  return (
    <section aria-labelledby="team-title" data-testid="setting-team">
      <h2 id="team-title">{t('team.title')}</h2>
      {team ? <Connected team={team} /> : <Join />}
    </section>
  );
}

import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type FormEvent } from 'react';
import { categoryNames, incidentStatus, severityDefinitions, type IncidentStatus, type Severity } from '../lib/crisis/model';
import { incidentToJson, incidentToMarkdown } from '../lib/crisis/report';
import { getDb } from '../lib/db';
import { displayText } from './format';
import { addNote, assignRole, changeSeverity, changeStatus, loadBundle, tickItem } from '../lib/db/incidents';
import { platformNames, type PlatformId } from '../lib/platforms/types';
import { saveAsFile } from './files';
import { fileStem, incidentChanged, reportUrl, useAgentName } from './IncidentActions';
import type { MemberRecord } from '../lib/team/local';
import { useSetting } from './hooks';
import { useTeam } from './team';
import { useLang, useT } from './i18n';

const when = (iso: string, lang: string) => new Date(iso).toLocaleString(lang, { dateStyle: 'short', timeStyle: 'short' });

/** One incident: its state, people, evidence, plan and history, each change written with who and when. */
export function IncidentDetail({ id, onBack }: { id: string; onBack(): void }) {
  const t = useT();
  const lang = useLang();
  const by = useAgentName();
  const playbook = useSetting('playbook');
  const bundle = useLiveQuery(() => loadBundle(getDb(), id).catch(() => null), [id]);
  const team = useTeam();
  const members = useLiveQuery(() => getDb().members.toArray(), []);
  // A moderator opens incidents and adds notes; changing them is for those who handle them (the server agrees).
  const watchOnly = team?.role === 'moderator';
  const [note, setNote] = useState('');
  const [error, setError] = useState<string>();

  if (bundle === undefined) return null;
  if (bundle === null) {
    return (
      <p className="empty">
        {t('inc.gone')}{' '}
        <button type="button" onClick={onBack}>
          {t('inc.back')}
        </button>
      </p>
    );
  }
  const { incident, timeline, comments, clips } = bundle;
  const names = new Map((members ?? []).map((m) => [m.name, m.displayName]));

  /** Every change: write it, then let the background republish crisis mode and notify the team. */
  const act = async (change: () => Promise<unknown>) => {
    try {
      setError(undefined);
      await change();
      await incidentChanged(incident.id);
    } catch (err) {
      setError((err as Error).message);
    }
  };
  const addNoteNow = (e: FormEvent) => {
    e.preventDefault();
    const text = note.trim();
    if (!text) return;
    void act(async () => {
      await addNote(getDb(), incident.id, by ? `${text} (${by})` : text, new Date());
      setNote('');
    });
  };
  const steps = new Map(playbook.steps.map((s) => [s.id, s]));
  const leadRole = playbook.roles[0]?.id ?? 'lead';
  const sorted = [...timeline].sort((a, b) => b.at.localeCompare(a.at));

  return (
    <article className="inc-detail" data-testid="incident-detail" data-incident-id={incident.id} aria-labelledby="inc-title">
      <button type="button" onClick={onBack}>
        ← {t('inc.back')}
      </button>
      <h2 id="inc-title">{incident.title}</h2>
      <p className="muted">
        {categoryNames[incident.category][lang]} · {t('inc.opened', { when: when(incident.createdAt, lang) })}
        {incident.resolvedAt && ` · ${t('inc.resolvedAt', { when: when(incident.resolvedAt, lang) })}`}
      </p>
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}

      <div className="inc-controls">
        <label>
          {t('escalate.severity')}{' '}
          <select
            data-testid="inc-severity"
            disabled={watchOnly}
            value={incident.severity}
            onChange={(e) => act(() => changeSeverity(getDb(), incident.id, Number(e.target.value) as Severity, new Date(), by))}
          >
            {([1, 2, 3, 4] as Severity[]).map((level) => (
              <option key={level} value={level}>
                {level} · {severityDefinitions[level][lang].name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('inc.status')}{' '}
          <select
            data-testid="inc-status"
            disabled={watchOnly}
            value={incident.status}
            onChange={(e) => act(() => changeStatus(getDb(), incident.id, e.target.value as IncidentStatus, new Date(), by))}
          >
            {incidentStatus.options.map((s) => (
              <option key={s} value={s}>
                {t(`inc.status.${s}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="muted">{severityDefinitions[incident.severity][lang].definition}</p>

      <section aria-labelledby="inc-roles">
        <h3 id="inc-roles">{t('inc.roles')}</h3>
        <p>
          {t('inc.owner')}: <strong data-testid="inc-owner">{incident.owner ?? '—'}</strong>
        </p>
        <dl className="inc-roles">
          {playbook.roles.map((r) => (
            <RoleField
              key={`${r.id}:${incident.roles.find((x) => x.role === r.id)?.person ?? ''}`}
              label={r.name[lang]}
              duty={r.duty[lang]}
              person={incident.roles.find((x) => x.role === r.id)?.person ?? ''}
              members={team ? (members ?? []) : undefined}
              disabled={watchOnly}
              save={(person) => act(() => assignRole(getDb(), incident.id, { id: r.id, label: r.name[lang] }, person, leadRole, new Date(), by))}
            />
          ))}
        </dl>
      </section>

      <section aria-labelledby="inc-checklist">
        <h3 id="inc-checklist">
          {t('inc.checklist')} ({incident.checklist.filter((c) => c.done).length}/{incident.checklist.length})
        </h3>
        <ul className="inc-checklist">
          {incident.checklist.map((item) => (
            <li key={item.id} data-item-id={item.id}>
              <label>
                <input type="checkbox" checked={item.done} disabled={watchOnly} onChange={(e) => act(() => tickItem(getDb(), incident.id, item.id, e.target.checked, new Date(), by))} />{' '}
                {item.text}
              </label>
              {steps.get(item.id) && <p className="muted why">{steps.get(item.id)!.why[lang]}</p>}
              {item.done && item.doneAt && (
                <p className="muted done-by">{item.doneBy ? t('inc.doneBy', { who: item.doneBy, when: when(item.doneAt, lang) }) : t('inc.doneAt', { when: when(item.doneAt, lang) })}</p>
              )}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="inc-comments">
        <h3 id="inc-comments">{t('inc.comments', { count: comments.length })}</h3>
        {comments.length === 0 ? (
          <p className="empty">{t('inc.comments.none')}</p>
        ) : (
          <ul className="comments">
            {comments.map((c) => (
              <li key={c.id} className="comment" data-comment-id={c.id}>
                <div className="comment-meta">
                  <span className="platform">{platformNames[c.platform as PlatformId] ?? c.platform}</span>
                  <span className="author" dir="auto">{displayText(c.author.name)}</span>
                  {c.author.handle && <span className="handle">{c.author.handle}</span>}
                  <span className={`pill ${c.sentiment.label}`}>{t(`sentiment.${c.sentiment.label}`)}</span>
                </div>
                <p className="comment-text" dir="auto">{displayText(c.text)}</p>
                {c.permalink && /^https?:\/\//.test(c.permalink) && (
                  <a href={c.permalink} target="_blank" rel="noreferrer noopener">
                    {t('popup.open')}
                  </a>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="inc-clips">
        <h3 id="inc-clips">{t('inc.clips', { count: clips.length })}</h3>
        {clips.length === 0 ? (
          <p className="empty">{t('inc.clips.none')}</p>
        ) : (
          <ul className="inc-clips">
            {clips.map((c) => (
              <li key={c.id} data-clip-id={c.id}>
                <a href={c.url} target="_blank" rel="noreferrer noopener" className="clip-title">
                  {c.title}
                </a>
                <p className="muted">{[c.byline, c.publishedAt, t('inc.clipped', { when: when(c.capturedAt, lang) })].filter(Boolean).join(' · ')}</p>
                <p className="clip-excerpt">{c.excerpt}</p>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="inc-timeline">
        <h3 id="inc-timeline">{t('inc.timeline')}</h3>
        <form onSubmit={addNoteNow} className="inc-note">
          <label htmlFor="inc-note-text">{t('inc.note')}</label>
          <textarea id="inc-note-text" rows={2} maxLength={5000} value={note} onChange={(e) => setNote(e.target.value)} />
          <button type="submit">{t('inc.note.add')}</button>
        </form>
        <ol className="inc-timeline" reversed>
          {sorted.map((e) => (
            <li key={e.id ?? `${e.at}-${e.kind}`} data-kind={e.kind}>
              <time dateTime={e.at}>{when(e.at, lang)}</time> <span className={`tl-kind tl-${e.kind}`}>{t(`inc.kind.${e.kind}`)}</span> <span className="tl-text">{e.text}</span>
              {e.by && <span className="tl-by" data-testid="timeline-by"> · {names.get(e.by) ?? e.by}</span>}
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="inc-export">
        <h3 id="inc-export">{t('inc.export')}</h3>
        <div className="row-actions">
          <button type="button" onClick={() => saveAsFile(`${fileStem(incident.title)}.md`, incidentToMarkdown(bundle, lang), 'text/markdown;charset=utf-8')}>
            {t('inc.export.md')}
          </button>
          <button type="button" onClick={() => saveAsFile(`${fileStem(incident.title)}.json`, incidentToJson(bundle), 'application/json')}>
            {t('inc.export.json')}
          </button>
          <a className="button-link" href={reportUrl(incident.id)} target="_blank" rel="noopener">
            {t('inc.export.report')}
          </a>
        </div>
      </section>
    </article>
  );
}

/** A playbook role: a workspace member in a team (chosen from the members), a free name otherwise. */
function RoleField({
  label,
  duty,
  person,
  members,
  disabled,
  save,
}: {
  label: string;
  duty: string;
  person: string;
  members?: MemberRecord[];
  disabled: boolean;
  save(person: string): Promise<void>;
}) {
  const t = useT();
  const [draft, setDraft] = useState(person);
  return (
    <div className="inc-role">
      <dt title={duty}>{label}</dt>
      <dd>
        {members ? (
          <select aria-label={label} value={draft} disabled={disabled} onChange={(e) => setDraft(e.target.value)}>
            <option value="">—</option>
            {/* A name given before the workspace was joined stays choosable until it is replaced. */}
            {person && !members.some((m) => m.displayName === person) && <option value={person}>{person}</option>}
            {members
              .filter((m) => m.active)
              .map((m) => (
                <option key={m.name} value={m.displayName}>
                  {m.displayName} ({t(`team.role.${m.role}`)})
                </option>
              ))}
          </select>
        ) : (
          <input aria-label={label} value={draft} maxLength={200} disabled={disabled} onChange={(e) => setDraft(e.target.value)} />
        )}
        {draft.trim() !== person && (
          <button type="button" onClick={() => save(draft)}>
            {t('common.save')}
          </button>
        )}
      </dd>
    </div>
  );
}

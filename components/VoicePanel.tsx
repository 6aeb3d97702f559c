import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState, type ChangeEvent, type FormEvent } from 'react';
import { getDb } from '../lib/db';
import { listBrands } from '../lib/db/brands';
import type { VoicePackRecord } from '../lib/db/model';
import type { Answer } from '../lib/messaging/protocol';
import { can } from '../lib/team/state';
import { browser } from 'wxt/browser';
import { useTeam } from './team';
import {
  addVocabulary,
  isLockedPack,
  allowList,
  deletePack,
  importValeStyle,
  packsForBrand,
  removeVocabulary,
  savePack,
  setActive,
  unignoreForBrand,
  VoicePackError,
  type SavePackResult,
} from '../lib/db/voicePacks';
import type { PackError } from '../lib/voice/pack';
import type { Unsupported } from '../lib/voice/vale';
import { useT } from './i18n';
import { useSeedDefaults } from './TemplatesPanel';
import { VoiceTry } from './VoiceTry';

function PackErrors({ errors }: { errors: PackError[] }) {
  const t = useT();
  return (
    <div role="alert" className="error-text" data-testid="pack-errors">
      <p>{t('vp.refused')}</p>
      <ul>
        {errors.map((e, i) => (
          <li key={i}>
            {e.line !== undefined && `${t('tpl.import.line', { line: e.line })} : `}
            {e.path.length > 0 && <code>{e.path.join('.')}</code>} {e.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Sends a stored pack to the team workspace; a lead may lock it (on for everyone, its rules never ignored). */
async function publish(id: string, locked: boolean): Promise<string | undefined> {
  const answer = (await browser.runtime.sendMessage({ type: 'ui:team-publish', kind: 'voicePack', id, locked })) as Answer<'ui:team-publish'>;
  return answer.ok ? undefined : answer.error.message;
}

function PackRow({ pack }: { pack: VoicePackRecord }) {
  const t = useT();
  const team = useTeam();
  const [error, setError] = useState<string>();
  const [published, setPublished] = useState(false);
  // The lock box shows the user's choice at once; the server's copy confirms it when it comes back.
  const [lock, setLock] = useState(pack.team?.locked ?? false);
  useEffect(() => setLock(pack.team?.locked ?? false), [pack.team?.locked]);
  // A lead's lock holds for everyone else: the UI does not offer what the lock forbids.
  const held = isLockedPack(pack) && team?.role !== 'lead';
  return (
    <li className="pack" data-pack-id={pack.id} data-locked={isLockedPack(pack)}>
      <label>
        <input
          type="checkbox"
          checked={pack.active === 1}
          disabled={held}
          onChange={(e) => setActive(getDb(), pack.id, e.target.checked).catch((err: Error) => setError(err.message))}
        />{' '}
        <strong>{pack.name}</strong>
      </label>
      <span className="muted">
        {' '}
        {pack.lang} · {t('vp.rules', { n: pack.rules.length })} · {t(pack.builtIn ? 'vp.builtIn' : pack.brandId ? 'vp.brandPack' : 'vp.sharedPack')}
        {pack.team && <> · {t(pack.team.locked ? 'vp.team.locked' : 'vp.team.published', { name: pack.team.by })}</>}
      </span>
      {team && !pack.builtIn && !pack.brandId && can.publish(team.role) && !held && (
        <>
          <button type="button" data-action="publish-pack" onClick={() => void publish(pack.id, lock).then((e) => (e ? setError(e) : setPublished(true)))}>
            {t('vp.team.publish')}
          </button>
          {can.lock(team.role) && (
            <label>
              <input
                type="checkbox"
                data-action="lock-pack"
                checked={lock}
                onChange={(e) => {
                  setLock(e.target.checked);
                  void publish(pack.id, e.target.checked).then((err) => (err ? setError(err) : setPublished(true)));
                }}
              />{' '}
              {t('vp.team.lock')}
            </label>
          )}
        </>
      )}
      {!pack.builtIn && !held && (
        <button
          type="button"
          aria-label={t('vp.deleteOne', { name: pack.name })}
          onClick={() => deletePack(getDb(), pack.id).catch((err: Error) => setError(err.message))}
        >
          {t('common.delete')}
        </button>
      )}
      {published && !error && <p role="status">{t('vp.team.sent')}</p>}
      {error && <p role="alert" className="error-text">{error}</p>}
    </li>
  );
}

/** Loads a pack's JSON file for the brand; a bad file is refused with its lines and reasons. */
function PackLoader({ brandId }: { brandId: string | null }) {
  const t = useT();
  const [result, setResult] = useState<SavePackResult & { file: string }>();
  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (file) setResult({ ...(await savePack(getDb(), await file.text(), brandId)), file: file.name });
  };
  return (
    <div>
      <label htmlFor="pack-file">{t('vp.load')}</label>
      <input id="pack-file" type="file" accept=".json,application/json" onChange={onFile} />
      {result?.ok && <p role="status">{t('vp.loaded', { name: result.pack.name, n: result.pack.rules.length })}</p>}
      {result && !result.ok && <PackErrors errors={result.errors} />}
    </div>
  );
}

/** A Vale style: a folder of .yml rules (or the files picked one by one); what cannot carry over is listed. */
function ValeImport({ brandId }: { brandId: string | null }) {
  const t = useT();
  const [style, setStyle] = useState('');
  const [result, setResult] = useState<{ ok: boolean; name?: string; errors?: PackError[]; unsupported: Unsupported[] }>();
  const onFiles = async (e: ChangeEvent<HTMLInputElement>) => {
    const picked = [...(e.target.files ?? [])].filter((f) => /\.ya?ml$/i.test(f.name));
    e.target.value = '';
    if (!picked.length) return;
    const folder = picked[0]!.webkitRelativePath.split('/').at(-2);
    const name = style.trim() || folder || 'Vale';
    const files = await Promise.all(picked.map(async (f) => ({ path: f.webkitRelativePath || f.name, yaml: await f.text() })));
    const r = await importValeStyle(getDb(), files, name, brandId);
    setResult(r.ok ? { ok: true, name: r.pack.name, unsupported: r.unsupported } : { ok: false, errors: r.errors, unsupported: r.unsupported });
  };
  return (
    <fieldset data-testid="vale-import">
      <legend>{t('vp.vale')}</legend>
      <p className="muted">{t('vp.vale.help')}</p>
      <label htmlFor="vale-style">{t('vp.vale.style')}</label>
      <input id="vale-style" value={style} onChange={(e) => setStyle(e.target.value)} placeholder="Acme" />
      <label htmlFor="vale-folder">{t('vp.vale.folder')}</label>
      <input id="vale-folder" type="file" {...{ webkitdirectory: '' }} multiple onChange={onFiles} />
      <label htmlFor="vale-files">{t('vp.vale.files')}</label>
      <input id="vale-files" type="file" accept=".yml,.yaml" multiple onChange={onFiles} />
      {result?.ok && <p role="status">{t('vp.vale.done', { name: result.name! })}</p>}
      {result?.errors && <PackErrors errors={result.errors} />}
      {result && result.unsupported.length > 0 && (
        <div data-testid="vale-unsupported">
          <p>{t('vp.vale.unsupported', { n: result.unsupported.length })}</p>
          <ul>
            {result.unsupported.map((u, i) => (
              <li key={i}>
                <code>{u.rule}</code> : {u.reason}
              </li>
            ))}
          </ul>
        </div>
      )}
    </fieldset>
  );
}

/** Accepted terms (silence findings on them) and the findings ignored for this brand. */
function AllowLists({ brandId }: { brandId: string | null }) {
  const t = useT();
  const allow = useLiveQuery(() => allowList(getDb(), brandId), [brandId]);
  const [term, setTerm] = useState('');
  const [error, setError] = useState<string>();
  const add = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await addVocabulary(getDb(), { brandId }, term);
      setTerm('');
      setError(undefined);
    } catch (err) {
      setError(err instanceof VoicePackError ? err.message : String(err));
    }
  };
  return (
    <>
      <section aria-labelledby="vocab-title" data-testid="voice-vocabulary">
        <h3 id="vocab-title">{t('vp.vocabulary')}</h3>
        <p className="muted">{t('vp.vocabulary.help')}</p>
        <ul>
          {allow?.vocabulary.map((v) => (
            <li key={v}>
              {v}{' '}
              <button type="button" aria-label={t('vp.vocabulary.remove', { term: v })} onClick={() => removeVocabulary(getDb(), brandId, v)}>
                {t('common.delete')}
              </button>
            </li>
          ))}
        </ul>
        <form onSubmit={add} className="tpl-inline">
          <label htmlFor="vocab-term">{t('vp.vocabulary.term')}</label>
          <input id="vocab-term" value={term} onChange={(e) => setTerm(e.target.value)} />
          <button type="submit">{t('vp.vocabulary.add')}</button>
        </form>
        {error && <p role="alert" className="error-text">{error}</p>}
      </section>
      <section aria-labelledby="ignored-title" data-testid="voice-ignored">
        <h3 id="ignored-title">{t('vp.ignored')}</h3>
        {allow?.ignored.length === 0 && <p className="empty">{t('vp.ignored.empty')}</p>}
        <ul>
          {allow?.ignored.map((key) => {
            const [rule, ...match] = key.split(':');
            return (
              <li key={key}>
                <code>{rule}</code> <q>{match.join(':')}</q>{' '}
                <button type="button" onClick={() => unignoreForBrand(getDb(), brandId, key)}>
                  {t('vp.unignore')}
                </button>
              </li>
            );
          })}
        </ul>
      </section>
    </>
  );
}

/** The side panel's voice tab: a brand's packs, its allow-lists, and a box to try a reply. */
export function VoicePanel() {
  const t = useT();
  useSeedDefaults();
  const brands = useLiveQuery(() => listBrands(getDb()), []) ?? [];
  const [brandId, setBrandId] = useState('');
  const brand = brands.find((b) => b.id === brandId);
  const id = brand?.id ?? null;
  const packs = useLiveQuery(() => packsForBrand(getDb(), id), [id]);
  return (
    <section aria-labelledby="voice-title" data-testid="voice-panel">
      <h2 id="voice-title">{t('tabs.voice')}</h2>
      <label htmlFor="voice-brand">{t('tpl.brand')}</label>
      <select id="voice-brand" value={brand ? brandId : ''} onChange={(e) => setBrandId(e.target.value)}>
        <option value="">{t('vp.allBrands')}</option>
        {brands.map((b) => (
          <option key={b.id} value={b.id}>
            {t('vp.brandOption', { name: b.name, address: b.address })}
          </option>
        ))}
      </select>
      <VoiceTry brand={brand} />
      <section aria-labelledby="packs-title">
        <h3 id="packs-title">{t('vp.packs')}</h3>
        <p className="muted">{t('vp.packs.help')}</p>
        <ul className="packs" data-testid="voice-packs">
          {packs?.map((p) => <PackRow key={p.id} pack={p} />)}
        </ul>
        <PackLoader brandId={id} />
        <ValeImport brandId={id} />
      </section>
      <AllowLists brandId={id} />
    </section>
  );
}


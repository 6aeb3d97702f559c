import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type ChangeEvent, type FormEvent } from 'react';
import { getDb } from '../lib/db';
import { listBrands } from '../lib/db/brands';
import type { VoicePackRecord } from '../lib/db/model';
import {
  addVocabulary,
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

function PackRow({ pack }: { pack: VoicePackRecord }) {
  const t = useT();
  const [error, setError] = useState<string>();
  return (
    <li className="pack" data-pack-id={pack.id}>
      <label>
        <input type="checkbox" checked={pack.active === 1} onChange={(e) => setActive(getDb(), pack.id, e.target.checked)} /> <strong>{pack.name}</strong>
      </label>
      <span className="muted">
        {' '}
        {pack.lang} · {t('vp.rules', { n: pack.rules.length })} · {t(pack.builtIn ? 'vp.builtIn' : pack.brandId ? 'vp.brandPack' : 'vp.sharedPack')}
      </span>
      {!pack.builtIn && (
        <button
          type="button"
          aria-label={t('vp.deleteOne', { name: pack.name })}
          onClick={() => deletePack(getDb(), pack.id).catch((err: Error) => setError(err.message))}
        >
          {t('common.delete')}
        </button>
      )}
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

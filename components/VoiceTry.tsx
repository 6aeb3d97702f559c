import { useLiveQuery } from 'dexie-react-hooks';
import { useDeferredValue, useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { getDb } from '../lib/db';
import type { BrandRecord } from '../lib/db/model';
import { ignoreForBrand, voiceForBrand } from '../lib/db/voicePacks';
import type { Answer, VoiceFinding } from '../lib/messaging/protocol';
import { applyFixes, ignoreForBrandKey, summarize } from '../lib/voice/engine';
import { platformId, type PlatformId } from '../lib/voice/pack';
import { PLATFORM_NAMES } from '../lib/templates/platforms';
import { useSetting } from './hooks';
import { useT } from './i18n';

/**
 * A box to type a reply into and see what the brand's active packs say about it, with the
 * explanation for trainees and the one-click fixes. The background checks it, as it checks the
 * reply boxes: its dictionaries and tagger, loaded there once, serve both.
 */
export function VoiceTry({ brand }: { brand?: BrandRecord }) {
  const t = useT();
  const voiceSetting = useSetting('voice');
  const [text, setText] = useState('');
  const [lang, setLang] = useState('fr');
  const [platform, setPlatform] = useState<PlatformId | ''>('');
  const [crisis, setCrisis] = useState(false);
  const brandId = brand?.id ?? null;
  // Read here for what it shows (no pack), and so that a pack or an ignore changed anywhere checks again.
  const voice = useLiveQuery(() => voiceForBrand(getDb(), brandId, { lang, crisis }), [brandId, lang, crisis]);
  const checked = useDeferredValue(text);
  const [findings, setFindings] = useState<VoiceFinding[]>([]);
  const [error, setError] = useState<string>();
  useEffect(() => {
    if (!checked || !voice) {
      setFindings([]);
      return;
    }
    // Only the answer for the latest text and settings is shown.
    let latest = true;
    const request = { type: 'ui:voice-try' as const, brandId, lang, ...(platform && { platform }), crisis, text: checked };
    void (browser.runtime.sendMessage(request) as Promise<Answer<'ui:voice-try'>>).then(
      (answer) => {
        if (!latest) return;
        setError(answer.ok ? undefined : answer.error.message);
        if (answer.ok) setFindings(answer.data.findings);
      },
      (err: Error) => latest && setError(err.message),
    );
    return () => {
      latest = false;
    };
  }, [checked, voice, brandId, lang, platform, crisis, voiceSetting.mode]);
  const counts = summarize(findings);
  const fix = (f: VoiceFinding, k: number) => setText(applyFixes(text, [f], () => k).text);
  const fixable = findings.filter((f) => f.fixes.length > 0);

  return (
    <section aria-labelledby="voice-try-title" data-testid="voice-try">
      <h3 id="voice-try-title">{t('vp.try')}</h3>
      <div className="tpl-inline">
        <label htmlFor="voice-try-lang">{t('tpl.body.lang')}</label>
        <select id="voice-try-lang" value={lang} onChange={(e) => setLang(e.target.value)}>
          <option value="fr">fr</option>
          <option value="en">en</option>
        </select>
        <label htmlFor="voice-try-platform">{t('tpl.preview.platform')}</label>
        <select id="voice-try-platform" value={platform} onChange={(e) => setPlatform(e.target.value as PlatformId | '')}>
          <option value="">{t('tpl.preview.anyPlatform')}</option>
          {platformId.options.map((p) => (
            <option key={p} value={p}>
              {PLATFORM_NAMES[p]}
            </option>
          ))}
        </select>
        <label>
          <input type="checkbox" checked={crisis} onChange={(e) => setCrisis(e.target.checked)} /> {t('vp.try.crisis')}
        </label>
      </div>
      <label htmlFor="voice-try-text">{t('vp.try.text')}</label>
      <textarea id="voice-try-text" rows={4} value={text} onChange={(e) => setText(e.target.value)} data-testid="voice-try-text" />
      {voice && voice.packs.length === 0 && <p className="empty">{t('vp.try.noPack')}</p>}
      {error && <p role="alert" className="error-text">{error}</p>}
      {checked && (
        <p className="muted" role="status" data-testid="voice-try-summary">
          {t('composer.summary', { errors: counts.error, warnings: counts.warning, suggestions: counts.suggestion })}
        </p>
      )}
      {fixable.length > 1 && (
        <button type="button" onClick={() => setText(applyFixes(text, fixable).text)}>
          {t('vp.try.fixAll')}
        </button>
      )}
      <ul className="voice-findings">
        {findings.map((f) => (
          <li key={`${f.ruleId}:${f.start}:${f.end}`} className={`voice-finding ${f.severity}`} data-rule={f.ruleId}>
            <p>
              <span className={`pill sev-${f.severity}`}>{t(`voice.${f.severity}`)}</span> <strong>{f.message}</strong>{' '}
              <q className="muted">{f.match}</q>
            </p>
            <p className="muted">{f.explanation}</p>
            <div className="row-actions">
              {f.fixes.map((replacement, k) => (
                <button key={k} type="button" onClick={() => fix(f, k)}>
                  {t('vp.try.fix', { fix: replacement })}
                </button>
              ))}
              <button type="button" onClick={() => ignoreForBrand(getDb(), brandId, ignoreForBrandKey(f))}>
                {t('composer.ignoreBrand')}
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

import { useState } from 'react';
import type { BrandRecord } from '../lib/db/model';
import { fitsPlatform } from '../lib/templates/limits';
import { platformId, PLATFORM_NAMES, type PlatformId } from '../lib/templates/platforms';
import { render, type RenderableTemplate, type RenderResult } from '../lib/templates/render';
import { useSetting } from './hooks';
import { useT } from './i18n';

/** The commenter the preview answers: a sample, so the author variables show filled in. */
export const SAMPLE_AUTHOR = { name: 'Marie Dupont', handle: '@marie_dupont' };

/**
 * The template rendered as a reply would be, live while editing: sample author, the brand and the
 * agent from the settings, field defaults. Missing values show as markers and are listed.
 */
export function TemplatePreview({ template, brand }: { template: RenderableTemplate; brand?: BrandRecord }) {
  const t = useT();
  const agent = useSetting('agent');
  const langs = Object.keys(template.bodies);
  const [lang, setLang] = useState(langs[0] ?? 'fr');
  const [platform, setPlatform] = useState<PlatformId | ''>('');
  const shownLang = langs.includes(lang) ? lang : (langs[0] ?? lang);
  let result: RenderResult | undefined;
  if (langs.length)
    result = render(template, {
      lang: shownLang,
      ...(platform && { platform }),
      vars: { author: SAMPLE_AUTHOR, brand: { name: brand?.name }, agent: { name: agent.name, signature: agent.signature } },
    });
  const length = result && platform ? fitsPlatform(result.text, platform) : undefined;
  return (
    <section className="tpl-preview" aria-labelledby="tpl-preview-title" data-testid="template-preview">
      <h3 id="tpl-preview-title">{t('tpl.preview')}</h3>
      <div className="tpl-inline">
        <label htmlFor="preview-lang">{t('tpl.preview.lang')}</label>
        <select id="preview-lang" value={shownLang} onChange={(e) => setLang(e.target.value)}>
          {langs.map((l) => (
            <option key={l}>{l}</option>
          ))}
        </select>
        <label htmlFor="preview-platform">{t('tpl.preview.platform')}</label>
        <select id="preview-platform" value={platform} onChange={(e) => setPlatform(e.target.value as PlatformId | '')}>
          <option value="">{t('tpl.preview.anyPlatform')}</option>
          {platformId.options.map((p) => (
            <option key={p} value={p}>
              {PLATFORM_NAMES[p]}
            </option>
          ))}
        </select>
      </div>
      <p className="muted">{t('tpl.preview.sample', { author: SAMPLE_AUTHOR.name })}</p>
      {result ? (
        <>
          <output className="tpl-preview-text" data-testid="template-preview-text" aria-live="polite">
            {result.text}
          </output>
          {result.missing.length > 0 && (
            <p className="error-text" data-testid="template-preview-missing">
              {t('tpl.preview.missing', { names: result.missing.join(', ') })}
            </p>
          )}
          {length && (
            <p className={length.ok ? 'muted' : 'error-text'}>
              {t(length.ok ? 'tpl.preview.length' : 'tpl.preview.tooLong', { length: length.length, limit: length.limit })}
            </p>
          )}
        </>
      ) : (
        <p className="empty">{t('tpl.preview.empty')}</p>
      )}
    </section>
  );
}

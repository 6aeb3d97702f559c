import { useState, type FormEvent } from 'react';
import { getDb } from '../lib/db';
import type { BrandRecord } from '../lib/db/model';
import { browser } from 'wxt/browser';
import { saveTemplate, TemplateError, type TemplateIssue } from '../lib/db/templates';
import type { Answer } from '../lib/messaging/protocol';
import { can } from '../lib/team/state';
import { useTeam } from './team';
import { templateCategory, type Template } from '../lib/templates/model';
import { platformId, PLATFORM_NAMES, type PlatformId } from '../lib/templates/platforms';
import type { RenderableTemplate } from '../lib/templates/render';
import { useT } from './i18n';
import { TemplateFields, type FieldDraft } from './TemplateFields';
import { TemplatePreview } from './TemplatePreview';

/** The form's view of a template: plain strings and rows, turned into a template on save. */
interface Draft {
  id: string;
  name: string;
  folder: string;
  tags: string;
  trigger: string;
  category: string;
  brandId: string;
  bodies: { lang: string; text: string }[];
  variants: { platform: PlatformId; lang: string; text: string }[];
  fields: FieldDraft[];
}

function toDraft(t: Template | undefined, lang: string): Draft {
  if (!t) return { id: crypto.randomUUID(), name: '', folder: '', tags: '', trigger: '', category: '', brandId: '', bodies: [{ lang, text: '' }], variants: [], fields: [] };
  return {
    id: t.id,
    name: t.name,
    folder: t.folder,
    tags: t.tags.join(', '),
    trigger: t.trigger ?? '',
    category: t.category ?? '',
    brandId: t.brandId ?? '',
    bodies: Object.entries(t.bodies).map(([l, text]) => ({ lang: l, text })),
    variants: Object.entries(t.platformVariants).flatMap(([platform, byLang]) =>
      Object.entries(byLang ?? {}).map(([l, text]) => ({ platform: platform as PlatformId, lang: l, text })),
    ),
    fields: t.fields.map((f) => ({ key: f.key, label: f.label, kind: f.kind, default: f.default ?? '', choices: f.choices?.join(' | ') ?? '' })),
  };
}

const bodiesOf = (rows: { lang: string; text: string }[]) =>
  Object.fromEntries(rows.filter((r) => r.lang.trim() && r.text.trim()).map((r) => [r.lang.trim(), r.text]));

function toInput(d: Draft) {
  const variants: Record<string, Record<string, string>> = {};
  for (const v of d.variants) if (v.text.trim()) (variants[v.platform] ??= {})[v.lang] = v.text;
  return {
    id: d.id,
    name: d.name,
    folder: d.folder,
    tags: d.tags.split(',').map((s) => s.trim()).filter(Boolean),
    ...(d.trigger.trim() && { trigger: d.trigger.trim() }),
    ...(d.category && { category: d.category }),
    brandId: d.brandId || null,
    bodies: bodiesOf(d.bodies),
    platformVariants: variants,
    fields: d.fields.map((f) => ({
      key: f.key.trim(),
      label: f.label,
      kind: f.kind,
      ...(f.default.trim() && { default: f.default.trim() }),
      ...(f.kind === 'choice' && { choices: f.choices.split('|').map((c) => c.trim()).filter(Boolean) }),
    })),
  };
}

/** Create or edit a template, with the rendered reply beside the fields. */
export function TemplateEditor({ template, brands, uiLang, onDone }: { template?: Template; brands: BrandRecord[]; uiLang: string; onDone(): void }) {
  const t = useT();
  const [draft, setDraft] = useState(() => toDraft(template, uiLang));
  const [issues, setIssues] = useState<TemplateIssue[]>([]);
  const set = (patch: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setIssues([]);
  };
  const input = toInput(draft);
  const preview: RenderableTemplate = { bodies: input.bodies, platformVariants: input.platformVariants, fields: input.fields };
  const langs = Object.keys(input.bodies);
  const brand = brands.find((b) => b.id === draft.brandId) ?? brands[0];

  const team = useTeam();
  // In a workspace, what a lead or community manager saves is the team's; a trainee reads team templates.
  const readOnly = Boolean(team && template?.team && !can.publish(team.role));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (readOnly) return;
    try {
      const saved = await saveTemplate(getDb(), input);
      if (team && can.publish(team.role)) {
        const answer = (await browser.runtime.sendMessage({ type: 'ui:team-publish', kind: 'template', id: saved.id })) as Answer<'ui:team-publish'>;
        if (!answer.ok) throw new Error(answer.error.message);
      }
      onDone();
    } catch (err) {
      setIssues(err instanceof TemplateError ? err.issues : [{ path: '', message: (err as Error).message }]);
    }
  };

  return (
    <form onSubmit={submit} className="tpl-editor" aria-labelledby="tpl-editor-title" data-testid="template-editor">
      <h2 id="tpl-editor-title">{template ? t('tpl.edit', { name: template.name }) : t('tpl.new')}</h2>
      <label htmlFor="tpl-name">{t('tpl.name')}</label>
      <input id="tpl-name" value={draft.name} onChange={(e) => set({ name: e.target.value })} required autoFocus />
      <label htmlFor="tpl-folder">{t('tpl.folder')}</label>
      <input id="tpl-folder" value={draft.folder} placeholder={t('tpl.folder.hint')} onChange={(e) => set({ folder: e.target.value })} />
      <label htmlFor="tpl-tags">{t('tpl.tags')}</label>
      <input id="tpl-tags" value={draft.tags} onChange={(e) => set({ tags: e.target.value })} />
      <label htmlFor="tpl-trigger">{t('tpl.trigger')}</label>
      <input id="tpl-trigger" value={draft.trigger} placeholder=";merci" spellCheck={false} onChange={(e) => set({ trigger: e.target.value })} />
      <label htmlFor="tpl-category">{t('tpl.category')}</label>
      <select id="tpl-category" value={draft.category} onChange={(e) => set({ category: e.target.value })}>
        <option value="">{t('common.none')}</option>
        {templateCategory.options.map((c) => (
          <option key={c} value={c}>
            {c}
          </option>
        ))}
      </select>
      <label htmlFor="tpl-brand">{t('tpl.brand')}</label>
      <select id="tpl-brand" value={draft.brandId} onChange={(e) => set({ brandId: e.target.value })}>
        <option value="">{t('tpl.brand.shared')}</option>
        {brands.map((b) => (
          <option key={b.id} value={b.id}>
            {b.name}
          </option>
        ))}
      </select>

      <fieldset>
        <legend>{t('tpl.bodies')}</legend>
        <p className="muted">{t('tpl.bodies.help')}</p>
        {draft.bodies.map((b, i) => (
          <div key={i} role="group" aria-label={t('tpl.body.n', { n: i + 1 })}>
            <label htmlFor={`body-lang-${i}`}>{t('tpl.body.lang')}</label>
            <input id={`body-lang-${i}`} value={b.lang} size={6} spellCheck={false} onChange={(e) => set({ bodies: draft.bodies.map((x, k) => (k === i ? { ...x, lang: e.target.value } : x)) })} />
            <label htmlFor={`body-text-${i}`}>{t('tpl.body.text', { lang: b.lang || '?' })}</label>
            <textarea id={`body-text-${i}`} rows={4} value={b.text} onChange={(e) => set({ bodies: draft.bodies.map((x, k) => (k === i ? { ...x, text: e.target.value } : x)) })} />
            {draft.bodies.length > 1 && (
              <button type="button" onClick={() => set({ bodies: draft.bodies.filter((_, k) => k !== i) })}>
                {t('tpl.body.remove', { lang: b.lang || '?' })}
              </button>
            )}
          </div>
        ))}
        <button type="button" onClick={() => set({ bodies: [...draft.bodies, { lang: draft.bodies.some((b) => b.lang === 'en') ? '' : 'en', text: '' }] })}>
          {t('tpl.body.add')}
        </button>
      </fieldset>

      <fieldset>
        <legend>{t('tpl.variants')}</legend>
        <p className="muted">{t('tpl.variants.help')}</p>
        {draft.variants.map((v, i) => {
          const setV = (patch: Partial<Draft['variants'][number]>) => set({ variants: draft.variants.map((x, k) => (k === i ? { ...x, ...patch } : x)) });
          return (
            <div key={i} role="group" aria-label={t('tpl.variant.n', { n: i + 1 })}>
              <label htmlFor={`variant-platform-${i}`}>{t('tpl.preview.platform')}</label>
              <select id={`variant-platform-${i}`} value={v.platform} onChange={(e) => setV({ platform: e.target.value as PlatformId })}>
                {platformId.options.map((p) => (
                  <option key={p} value={p}>
                    {PLATFORM_NAMES[p]}
                  </option>
                ))}
              </select>
              <label htmlFor={`variant-lang-${i}`}>{t('tpl.body.lang')}</label>
              <select id={`variant-lang-${i}`} value={v.lang} onChange={(e) => setV({ lang: e.target.value })}>
                {[...new Set([v.lang, ...langs])].map((l) => (
                  <option key={l}>{l}</option>
                ))}
              </select>
              <label htmlFor={`variant-text-${i}`}>{t('tpl.variant.text', { platform: PLATFORM_NAMES[v.platform], lang: v.lang })}</label>
              <textarea id={`variant-text-${i}`} rows={3} value={v.text} onChange={(e) => setV({ text: e.target.value })} />
              <button type="button" onClick={() => set({ variants: draft.variants.filter((_, k) => k !== i) })}>
                {t('tpl.variant.remove', { platform: PLATFORM_NAMES[v.platform], lang: v.lang })}
              </button>
            </div>
          );
        })}
        <button type="button" disabled={!langs.length} onClick={() => set({ variants: [...draft.variants, { platform: 'x', lang: langs[0]!, text: '' }] })}>
          {t('tpl.variant.add')}
        </button>
      </fieldset>

      <TemplateFields fields={draft.fields} onChange={(fields) => set({ fields })} />
      <TemplatePreview template={preview} brand={brand} />

      {issues.length > 0 && (
        <div role="alert" className="error-text" data-testid="template-errors">
          <p>{t('tpl.refused')}</p>
          <ul>
            {issues.map((i, k) => (
              <li key={k}>{i.path ? `${i.path} : ${i.message}` : i.message}</li>
            ))}
          </ul>
        </div>
      )}
      <div className="row-actions">
        {readOnly && <p className="muted" data-testid="template-read-only">{t('tpl.team.readOnly')}</p>}
        <button type="submit" className="primary" disabled={readOnly}>
          {t('common.save')}
        </button>
        <button type="button" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

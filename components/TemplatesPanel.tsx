import { useLiveQuery } from 'dexie-react-hooks';
import Fuse from 'fuse.js';
import { useEffect, useMemo, useState, type ChangeEvent } from 'react';
import { getDb } from '../lib/db';
import { listBrands } from '../lib/db/brands';
import { seedDefaults } from '../lib/db/seed';
import { deleteTemplate, duplicateTemplate, exportTemplates, importTemplates, listTemplates, type TemplateFormat } from '../lib/db/templates';
import type { ImportIssue } from '../lib/templates/io';
import type { Template } from '../lib/templates/model';
import { useLang, useT } from './i18n';
import { saveAsFile } from './files';
import { TemplateEditor } from './TemplateEditor';
import './TemplatesPanel.css';

/** Seeds the starter templates and built-in packs if this is the first page to open (idempotent). */
export function useSeedDefaults(): boolean {
  const [done, setDone] = useState(false);
  useEffect(() => {
    void seedDefaults(getDb())
      .catch(() => undefined)
      .finally(() => setDone(true));
  }, []);
  return done;
}

const folderOf = (t: Template) => t.folder;

type ImportOutcome = { ok: true; imported: number; replaced: number; file: string } | { ok: false; errors: ImportIssue[]; file: string };

function ImportReport({ outcome }: { outcome: ImportOutcome }) {
  const t = useT();
  if (outcome.ok)
    return (
      <p role="status" data-testid="template-import-status">
        {t('tpl.import.done', { n: outcome.imported, replaced: outcome.replaced, file: outcome.file })}
      </p>
    );
  return (
    <div role="alert" className="error-text" data-testid="template-import-errors">
      <p>{t('tpl.import.refused', { file: outcome.file, n: outcome.errors.length })}</p>
      <ul>
        {outcome.errors.map((e, i) => (
          <li key={i}>
            {[
              e.row !== undefined && t('tpl.import.row', { row: e.row }),
              e.line !== undefined && e.row === undefined && t('tpl.import.line', { line: e.line }),
              e.column && t('tpl.import.column', { column: e.column }),
            ]
              .filter(Boolean)
              .join(', ')}
            {e.row !== undefined || e.line !== undefined || e.column ? ' : ' : ''}
            {e.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

function TemplateItem({ template, onEdit }: { template: Template; onEdit(): void }) {
  const t = useT();
  const [confirming, setConfirming] = useState(false);
  return (
    <li className="tpl-item" data-template-id={template.id}>
      <button type="button" className="tpl-name" onClick={onEdit} aria-label={t('tpl.editOne', { name: template.name })}>
        {template.name}
      </button>
      <span className="muted">
        {' '}
        {Object.keys(template.bodies).join(' · ')}
        {template.trigger && ` · ${template.trigger}`}
        {template.fields.length > 0 && ` · ${t('tpl.nFields', { n: template.fields.length })}`}
        {` · ${t('tpl.uses', { n: template.usageCount })}`}
        {template.team && ` · ${t('tpl.team.by', { name: template.team.by })}`}
      </span>
      <div className="row-actions">
        <button type="button" onClick={() => duplicateTemplate(getDb(), template.id, t('tpl.copyName', { name: template.name }))} aria-label={t('tpl.duplicateOne', { name: template.name })}>
          {t('tpl.duplicate')}
        </button>
        {confirming ? (
          <>
            <button type="button" onClick={() => deleteTemplate(getDb(), template.id)} aria-label={t('tpl.confirmDelete', { name: template.name })} autoFocus>
              {t('tpl.confirmDelete', { name: template.name })}
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </button>
          </>
        ) : (
          <button type="button" onClick={() => setConfirming(true)} aria-label={t('tpl.deleteOne', { name: template.name })}>
            {t('common.delete')}
          </button>
        )}
      </div>
    </li>
  );
}

/** The side panel's templates tab: find, create, edit, copy, delete, import and export templates. */
export function TemplatesPanel() {
  const t = useT();
  const lang = useLang();
  useSeedDefaults();
  const templates = useLiveQuery(() => listTemplates(getDb()), []);
  const brands = useLiveQuery(() => listBrands(getDb()), []) ?? [];
  const [query, setQuery] = useState('');
  const [brandFilter, setBrandFilter] = useState('*');
  const [editing, setEditing] = useState<Template | 'new' | null>(null);
  const [outcome, setOutcome] = useState<ImportOutcome>();

  const fuse = useMemo(
    () =>
      new Fuse(templates ?? [], {
        keys: [
          { name: 'name', weight: 3 },
          { name: 'trigger', weight: 2 },
          'folder',
          'tags',
          { name: 'text', getFn: (x) => Object.values(x.bodies) },
        ],
        threshold: 0.35,
        ignoreLocation: true,
      }),
    [templates],
  );
  const shown = (query.trim() ? fuse.search(query.trim()).map((r) => r.item) : (templates ?? [])).filter(
    (x) => brandFilter === '*' || (brandFilter === '' ? x.brandId === null : x.brandId === brandFilter),
  );
  const folders = [...new Set(shown.map(folderOf))].sort((a, b) => a.localeCompare(b));

  const onImport = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    const text = await file.text();
    const format: TemplateFormat = /\.csv$/i.test(file.name) || (!/\.json$/i.test(file.name) && !text.trimStart().startsWith('{')) ? 'csv' : 'json';
    setOutcome({ ...(await importTemplates(getDb(), text, format)), file: file.name });
  };
  const onExport = async (format: TemplateFormat) => {
    const ids = brandFilter === '*' && !query.trim() ? undefined : shown.map((x) => x.id);
    saveAsFile(`vigie-templates.${format}`, await exportTemplates(getDb(), format, ids), format === 'json' ? 'application/json' : 'text/csv');
  };

  if (editing)
    return (
      <TemplateEditor
        key={editing === 'new' ? 'new' : editing.id}
        template={editing === 'new' ? undefined : editing}
        brands={brands}
        uiLang={lang}
        onDone={() => setEditing(null)}
      />
    );

  return (
    <section aria-labelledby="templates-title" data-testid="templates-panel">
      <h2 id="templates-title">{t('tabs.templates')}</h2>
      <div className="tpl-toolbar">
        <label htmlFor="tpl-search">{t('tpl.search')}</label>
        <input id="tpl-search" type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
        <label htmlFor="tpl-brand-filter">{t('tpl.brand')}</label>
        <select id="tpl-brand-filter" value={brandFilter} onChange={(e) => setBrandFilter(e.target.value)}>
          <option value="*">{t('tpl.brand.all')}</option>
          <option value="">{t('tpl.brand.shared')}</option>
          {brands.map((b) => (
            <option key={b.id} value={b.id}>
              {b.name}
            </option>
          ))}
        </select>
        <div className="row-actions">
          <button type="button" className="primary" onClick={() => setEditing('new')}>
            {t('tpl.new')}
          </button>
          <button type="button" onClick={() => onExport('json')}>
            {t('tpl.exportJson')}
          </button>
          <button type="button" onClick={() => onExport('csv')}>
            {t('tpl.exportCsv')}
          </button>
        </div>
        <label htmlFor="tpl-import">{t('tpl.import')}</label>
        <input id="tpl-import" type="file" accept=".json,.csv,application/json,text/csv" onChange={onImport} />
        {outcome && <ImportReport outcome={outcome} />}
      </div>
      {templates && shown.length === 0 && <p className="empty">{t(query ? 'tpl.noMatch' : 'tpl.empty')}</p>}
      {folders.map((folder) => (
        <section key={folder} aria-label={folder || t('tpl.rootFolder')} className="tpl-folder">
          <h3>{folder || t('tpl.rootFolder')}</h3>
          <ul className="tpl-list">
            {shown
              .filter((x) => x.folder === folder)
              .map((x) => (
                <TemplateItem key={x.id} template={x} onEdit={() => setEditing(x)} />
              ))}
          </ul>
        </section>
      ))}
    </section>
  );
}

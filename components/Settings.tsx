import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { browser } from 'wxt/browser';
import { getDb } from '../lib/db';
import { deleteBrand, listBrands, saveBrand } from '../lib/db/brands';
import type { BrandRecord } from '../lib/db/model';
import { deleteAllData } from '../lib/db/queue';
import { saveSetting } from '../lib/db/settings';
import { platformId } from '../lib/platforms/schema';
import { platformIds, platformNames, type PlatformId } from '../lib/platforms/types';
import type { SettingKey } from '../lib/settings/schema';
import { useSetting } from './hooks';
import { MastodonInstances } from './MastodonInstances';
import { useT } from './i18n';
import { PlaybookEditor } from './PlaybookEditor';
import { SettingForm } from './SettingForm';
import { publishSetting } from './team';
import { TeamSettings } from './TeamSettings';
import { WebhookSettings } from './WebhookSettings';

/** Saves a setting, then tells the background so content scripts pick the change up. */
async function store(key: SettingKey, value: unknown) {
  await saveSetting(getDb(), key, value);
  await browser.runtime.sendMessage({ type: 'ui:settings-changed', key }).catch(() => {});
  if (key === 'responseTargets') await publishSetting('responseTargets', key);
}

const lines = (text: string) => text.split('\n').map((l) => l.trim()).filter(Boolean);
const numberOrUndefined = (s: string) => (s.trim() === '' ? undefined : Number(s));

function LanguageSetting() {
  const t = useT();
  return (
    <SettingForm title={t('settings.language')} value={useSetting('uiLang')} save={(v) => store('uiLang', v)} testId="setting-language">
      {(draft, set) => (
        <select aria-label={t('settings.language')} value={draft} onChange={(e) => set(e.target.value as typeof draft)}>
          <option value="auto">{t('settings.language.auto')}</option>
          <option value="fr">Français</option>
          <option value="en">English</option>
        </select>
      )}
    </SettingForm>
  );
}

function AgentSetting() {
  const t = useT();
  return (
    <SettingForm title={t('settings.agent')} value={useSetting('agent')} save={(v) => store('agent', v)} testId="setting-agent">
      {(draft, set) => (
        <>
          <label htmlFor="agent-name">{t('settings.agent.name')}</label>
          <input id="agent-name" value={draft.name} onChange={(e) => set({ ...draft, name: e.target.value })} />
          <label htmlFor="agent-signature">{t('settings.agent.signature')}</label>
          <input id="agent-signature" value={draft.signature} onChange={(e) => set({ ...draft, signature: e.target.value })} />
        </>
      )}
    </SettingForm>
  );
}

function TargetsSetting() {
  const t = useT();
  const value = useSetting('responseTargets');
  // Inputs hold strings so a half-typed number is not refused while typing; the schema judges on save.
  const asDraft = { defaultHours: String(value.defaultHours), perPlatform: Object.fromEntries(platformIds.map((p) => [p, value.perPlatform[p]?.toString() ?? ''])) };
  return (
    <SettingForm
      title={t('settings.targets')}
      value={asDraft}
      save={(d) =>
        store('responseTargets', {
          defaultHours: Number(d.defaultHours),
          perPlatform: Object.fromEntries(Object.entries(d.perPlatform).filter(([, v]) => v.trim() !== '').map(([p, v]) => [p, numberOrUndefined(v)])),
        })
      }
      testId="setting-targets"
    >
      {(draft, set) => (
        <>
          <label htmlFor="target-default">{t('settings.targets.default')}</label>
          <input id="target-default" inputMode="numeric" value={draft.defaultHours} onChange={(e) => set({ ...draft, defaultHours: e.target.value })} />
          {platformIds.map((p) => (
            <div key={p}>
              <label htmlFor={`target-${p}`}>{t('settings.targets.platform', { platform: platformNames[p] })}</label>
              <input id={`target-${p}`} inputMode="numeric" value={draft.perPlatform[p]} onChange={(e) => set({ ...draft, perPlatform: { ...draft.perPlatform, [p]: e.target.value } })} />
            </div>
          ))}
        </>
      )}
    </SettingForm>
  );
}

function KeywordsSetting() {
  const t = useT();
  return (
    <SettingForm title={t('settings.keywords')} value={useSetting('trackedKeywords').join('\n')} save={(d) => store('trackedKeywords', lines(d))} testId="setting-keywords">
      {(draft, set) => (
        <>
          <p className="muted" id="keywords-help">{t('settings.keywords.help')}</p>
          <textarea aria-label={t('settings.keywords')} aria-describedby="keywords-help" rows={4} value={draft} onChange={(e) => set(e.target.value)} />
        </>
      )}
    </SettingForm>
  );
}

function RetentionSetting() {
  const t = useT();
  return (
    <SettingForm title={t('settings.retention')} value={String(useSetting('retentionDays'))} save={(d) => store('retentionDays', Number(d))} testId="setting-retention">
      {(draft, set) => (
        <>
          <label htmlFor="retention-days">{t('settings.retention.days')}</label>
          <input id="retention-days" inputMode="numeric" aria-describedby="retention-help" value={draft} onChange={(e) => set(e.target.value)} />
          <p className="muted" id="retention-help">{t('settings.retention.help')}</p>
        </>
      )}
    </SettingForm>
  );
}

function VoiceSetting() {
  const t = useT();
  return (
    <SettingForm title={t('settings.voice')} value={useSetting('voice')} save={(v) => store('voice', v)} testId="setting-voice">
      {(draft, set) => (
        <>
          <label htmlFor="voice-mode">{t('settings.voice.mode')}</label>
          <select id="voice-mode" value={draft.mode} onChange={(e) => set({ ...draft, mode: e.target.value as typeof draft.mode })}>
            <option value="trainee">{t('settings.voice.trainee')}</option>
            <option value="expert">{t('settings.voice.expert')}</option>
          </select>
          <fieldset>
            <legend>{t('settings.voice')}</legend>
            {platformIds.map((p) => (
              <label key={p}>
                <input
                  type="checkbox"
                  checked={!draft.disabledPlatforms.includes(p)}
                  onChange={(e) =>
                    set({ ...draft, disabledPlatforms: e.target.checked ? draft.disabledPlatforms.filter((x) => x !== p) : [...draft.disabledPlatforms, p] })
                  }
                />{' '}
                {t('settings.voice.platforms', { platform: platformNames[p] })}
              </label>
            ))}
          </fieldset>
        </>
      )}
    </SettingForm>
  );
}

/** Parses "name | signature" lines and "platform handle" lines, naming the line at fault. */
function brandFromDraft(d: { id: string; name: string; address: 'vous' | 'tu'; agents: string; accounts: string }): BrandRecord {
  const agents = lines(d.agents).map((l) => {
    const [name = '', ...rest] = l.split('|');
    return { name: name.trim(), signature: rest.join('|').trim() };
  });
  const accounts = lines(d.accounts).map((l, i) => {
    const [platform = '', handle = ''] = l.split(/\s+/);
    const p = platformId.safeParse(platform.toLowerCase());
    if (!p.success || !handle) throw new Error(`accounts, line ${i + 1}: "${l}" should be "<platform> <handle>", platform one of ${platformIds.join(', ')}`);
    return { platform: p.data as PlatformId, handle };
  });
  return { id: d.id, name: d.name.trim(), address: d.address, agents, accounts };
}

function BrandEditor({ brand }: { brand?: BrandRecord }) {
  const t = useT();
  // A new brand's id must not change between renders: SettingForm resets its draft when the value changes.
  const [newId] = useState(() => crypto.randomUUID());
  const value = {
    id: brand?.id ?? newId,
    name: brand?.name ?? '',
    address: brand?.address ?? ('vous' as const),
    agents: brand?.agents.map((a) => `${a.name} | ${a.signature}`).join('\n') ?? '',
    accounts: brand?.accounts.map((a) => `${a.platform} ${a.handle}`).join('\n') ?? '',
  };
  const key = brand?.id ?? 'new';
  return (
    <SettingForm title={brand ? brand.name : t('settings.brands.add')} value={value} save={async (d) => {
        const saved = await saveBrand(getDb(), brandFromDraft(d));
        await publishSetting('brand', saved.id);
      }} testId={`brand-${key}`}>
      {(draft, set) => (
        <>
          <label htmlFor={`brand-name-${key}`}>{t('settings.brands.name')}</label>
          <input id={`brand-name-${key}`} value={draft.name} onChange={(e) => set({ ...draft, name: e.target.value })} />
          <label htmlFor={`brand-address-${key}`}>{t('settings.brands.address')}</label>
          <select id={`brand-address-${key}`} value={draft.address} onChange={(e) => set({ ...draft, address: e.target.value as 'vous' | 'tu' })}>
            <option value="vous">{t('settings.brands.vous')}</option>
            <option value="tu">{t('settings.brands.tu')}</option>
          </select>
          <label htmlFor={`brand-agents-${key}`}>{t('settings.brands.agents')}</label>
          <textarea id={`brand-agents-${key}`} rows={2} value={draft.agents} onChange={(e) => set({ ...draft, agents: e.target.value })} />
          <label htmlFor={`brand-accounts-${key}`}>{t('settings.brands.accounts')}</label>
          <textarea id={`brand-accounts-${key}`} rows={2} value={draft.accounts} onChange={(e) => set({ ...draft, accounts: e.target.value })} />
          {brand && (
            <button type="button" onClick={() => void deleteBrand(getDb(), brand.id).then(() => publishSetting('brand', brand.id, true))}>
              {t('common.delete')}
            </button>
          )}
        </>
      )}
    </SettingForm>
  );
}

function Brands() {
  const t = useT();
  const brands = useLiveQuery(() => listBrands(getDb()), []);
  return (
    <section aria-labelledby="brands-title">
      <h2 id="brands-title">{t('settings.brands')}</h2>
      {brands?.length === 0 && <p className="empty">{t('settings.brands.empty')}</p>}
      {brands?.map((b) => <BrandEditor key={b.id} brand={b} />)}
      <BrandEditor key={`new-${brands?.length ?? 0}`} />
    </section>
  );
}

function DeleteAll() {
  const t = useT();
  const [done, setDone] = useState(false);
  return (
    <section aria-labelledby="danger-title">
      <h2 id="danger-title">{t('settings.danger')}</h2>
      <button
        type="button"
        onClick={async () => {
          if (!confirm(t('settings.deleteAll.confirm'))) return;
          await deleteAllData(getDb());
          await browser.runtime.sendMessage({ type: 'ui:settings-changed', key: 'all' }).catch(() => {});
          setDone(true);
        }}
      >
        {t('settings.deleteAll')}
      </button>
      {done && <p role="status">{t('settings.deleteAll.done')}</p>}
    </section>
  );
}

export function Settings() {
  return (
    <>
      <TeamSettings />
      <LanguageSetting />
      <AgentSetting />
      <Brands />
      <TargetsSetting />
      <KeywordsSetting />
      <RetentionSetting />
      <VoiceSetting />
      <MastodonInstances />
      <WebhookSettings />
      <PlaybookEditor />
      <DeleteAll />
    </>
  );
}

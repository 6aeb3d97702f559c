import type { ReactNode } from 'react';
import { Incidents } from '../../components/Incidents';
import { Queue } from '../../components/Queue';
import { Stats } from '../../components/Stats';
import { TemplatesPanel } from '../../components/TemplatesPanel';
import { VoicePanel } from '../../components/VoicePanel';
import { useT } from '../../components/i18n';
import { useUi, type PanelTab } from '../../components/store';
import type { MessageKey } from '../../lib/i18n';

const panels: { id: PanelTab; label: MessageKey; render: () => ReactNode }[] = [
  { id: 'queue', label: 'tabs.queue', render: () => <Queue /> },
  { id: 'incidents', label: 'tabs.incidents', render: () => <Incidents /> },
  { id: 'templates', label: 'tabs.templates', render: () => <TemplatesPanel /> },
  { id: 'voice', label: 'tabs.voice', render: () => <VoicePanel /> },
  { id: 'stats', label: 'tabs.stats', render: () => <Stats /> },
];

export function App() {
  const t = useT();
  const { tab, setTab } = useUi();
  const current = panels.find((p) => p.id === tab) ?? panels[0]!;
  // Arrow keys move between tabs, as the ARIA tabs pattern expects.
  const onKey = (e: React.KeyboardEvent) => {
    const i = panels.indexOf(current);
    const next = e.key === 'ArrowRight' ? panels[(i + 1) % panels.length] : e.key === 'ArrowLeft' ? panels[(i - 1 + panels.length) % panels.length] : undefined;
    if (next) {
      setTab(next.id);
      document.getElementById(`tab-${next.id}`)?.focus();
    }
  };
  return (
    <main style={{ padding: 12 }}>
      <h1>{t('sidepanel.title')}</h1>
      <div role="tablist" aria-label={t('sidepanel.title')} className="tabs" onKeyDown={onKey}>
        {panels.map((p) => (
          <button
            key={p.id}
            id={`tab-${p.id}`}
            type="button"
            role="tab"
            aria-selected={p.id === current.id}
            aria-controls={`panel-${p.id}`}
            tabIndex={p.id === current.id ? 0 : -1}
            onClick={() => setTab(p.id)}
          >
            {t(p.label)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${current.id}`} aria-labelledby={`tab-${current.id}`}>
        {current.render()}
      </div>
    </main>
  );
}

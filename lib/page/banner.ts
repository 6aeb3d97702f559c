/** The crisis banner across the top of every supported platform tab while crisis mode is on. */
import { translate, type UiLang } from '../i18n';
import type { PageState } from '../settings/page-state';
import { baseCss, el, shadowHost } from './shadow';

const css = `${baseCss}
.banner { position: fixed; top: 0; left: 50%; transform: translateX(-50%); z-index: 2147483646; margin-top: 4px;
  background: #b3261e; color: #fff; border-radius: 8px; padding: 6px 14px; box-shadow: 0 2px 8px rgba(0,0,0,.3);
  display: flex; gap: 10px; align-items: center; max-width: 90vw; }
.title { font-weight: 600; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
button { background: transparent; color: #fff; border-color: #fff; padding: 0 6px; }
`;

export function showCrisisBanner(doc: Document, signal: AbortSignal, lang: () => UiLang, onState: (cb: (s: PageState) => void) => void, initial: PageState): void {
  let current: HTMLElement | undefined;
  let dismissedFor: string | undefined;
  const render = (state: PageState) => {
    current?.remove();
    current = undefined;
    const crisis = state.crisis;
    if (!crisis || dismissedFor === crisis.incidentId) return;
    const { host, root } = shadowHost(doc, 'vigie-crisis-banner', css);
    host.dataset.incident = crisis.incidentId;
    const close = el(doc, 'button', { text: '×', attrs: { type: 'button', 'aria-label': translate(lang(), 'common.close') } });
    close.addEventListener('click', () => {
      dismissedFor = crisis.incidentId;
      render(state);
    });
    root.append(
      el(doc, 'div', { className: 'banner', attrs: { role: 'status' } },
        el(doc, 'span', { text: translate(lang(), 'banner.crisis', { severity: crisis.severity }) }),
        el(doc, 'span', { className: 'title', text: crisis.title }),
        close,
      ),
    );
    doc.documentElement.append(host);
    current = host;
  };
  render(initial);
  onState(render);
  signal.addEventListener('abort', () => current?.remove());
}

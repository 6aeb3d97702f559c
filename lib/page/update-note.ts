/**
 * Shown once by a content script whose extension was updated or reloaded under it: its messages
 * can no longer reach any background, so its badges stop here until the page is reloaded.
 */
import { translate, type UiLang } from '../i18n';
import { baseCss, el, shadowHost } from './shadow';

const css = `${baseCss}
.note { position: fixed; bottom: 12px; right: 12px; z-index: 2147483646; display: flex; gap: 8px; align-items: center;
  background: #fff; color: #1f1f1f; border: 1px solid #dadce0; border-radius: 8px; padding: 6px 10px; box-shadow: 0 2px 8px rgba(0,0,0,.2); max-width: 360px; }
button { padding: 0 6px; }
`;

export const UPDATE_NOTE_TAG = 'vigie-update-note';

export function showUpdateNote(doc: Document, lang: UiLang): void {
  if (doc.querySelector(UPDATE_NOTE_TAG)) return;
  const { host, root } = shadowHost(doc, UPDATE_NOTE_TAG, css);
  const close = el(doc, 'button', { text: '×', attrs: { type: 'button', 'data-action': 'dismiss', 'aria-label': translate(lang, 'common.close') } });
  close.addEventListener('click', () => host.remove());
  root.append(el(doc, 'div', { className: 'note', attrs: { role: 'status' } }, el(doc, 'span', { text: translate(lang, 'page.updated') }), close));
  doc.documentElement.append(host);
}

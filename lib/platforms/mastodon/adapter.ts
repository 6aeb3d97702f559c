import type { ExtractedComment, PlatformAdapter } from '../types';
import { PRECEDING, queryAllIncludingSelf, readText } from '../dom';
import { editorInput, readEditable } from '../editing';
import { instanceHosts, loadInstanceHosts } from './hosts';
import { isProfile, isThread, isTimeline, threadId } from './routes';
import { selectors } from './selectors';

const statusIdOf = (href: string) => /\/@[^/]+\/(\d{1,20})\/?(?:[?#]|$)/.exec(href)?.[1];

/** Said in the text of a status whose body sits unrendered behind its content warning, so it is not read as empty. */
export const HIDDEN_BODY = '[body hidden behind the content warning]';

/** The first match that belongs to status el itself, not to a status it quotes. */
function own(el: Element, selector: string): Element | undefined {
  for (const found of el.querySelectorAll(selector)) if (found.closest(selectors.status) === el) return found;
  return undefined;
}

function statusText(el: Element): string {
  const warning = readText(own(el, selectors.contentWarning));
  const body = own(el, selectors.content);
  if (!warning) return readText(body);
  return body ? `${warning}\n\n${readText(body)}` : `${warning}\n${HIDDEN_BODY}`;
}

type Parent = Pick<ExtractedComment, 'parentId' | 'parentUnknown'>;

/**
 * A status's parent on a thread page, as Mastodon's reply lines show it (components/status:
 * connectUp, the status above is the parent; connectToRoot, the focal one is). Replies come in
 * depth-first order: the first one answers the focal status; one without `status--first-in-thread`
 * answers the status above; one with it and a line that does not run on to the next status answers
 * the focal status; any other answers some earlier reply the page does not name. Ancestors are a
 * chain down to the focal status.
 */
function threadParent(el: Element, focal: string): Parent {
  const doc = el.ownerDocument;
  const anchor = doc.querySelector(selectors.focal);
  if (!anchor) return {};
  const thread = Array.from(doc.querySelectorAll(selectors.inThread)).filter((s) => !s.parentElement?.closest(selectors.status));
  // Ancestors come first and are few: the first status after the focal one ends them.
  const after = thread.findIndex((s) => !(anchor.compareDocumentPosition(s) & PRECEDING));
  const ancestors = after < 0 ? thread : thread.slice(0, after);
  if (el === anchor || anchor.contains(el)) {
    const last = ancestors.at(-1)?.getAttribute('data-id');
    return last ? { parentId: last } : {};
  }
  const i = thread.indexOf(el);
  if (i < 0) return {};
  const previous = thread[i - 1]?.getAttribute('data-id') ?? undefined;
  if (ancestors.includes(el)) {
    if (previous) return { parentId: previous };
    return el.classList.contains(selectors.reply) ? { parentUnknown: true } : {};
  }
  if (i === ancestors.length) return { parentId: focal };
  if (previous && !el.classList.contains(selectors.firstInThread)) return { parentId: previous };
  const line = Array.from(el.children).find((c) => c.classList.contains(selectors.line));
  if (line && !line.classList.contains(selectors.lineToNext)) return { parentId: focal };
  return { parentUnknown: true };
}

/** Mastodon's own markup, whatever the domain: the app root the server renders. */
export const isMastodonPage = (doc: Document) => !!doc.querySelector(selectors.appRoot);

export const mastodonAdapter: PlatformAdapter = {
  id: 'mastodon',
  matches(url) {
    // Started at load in extension contexts; this covers one that imported the adapter first.
    void loadInstanceHosts();
    return instanceHosts.has(url.hostname);
  },
  expectsComments: (url) => isThread(url) || isTimeline(url) || isProfile(url),

  findComments: (root) => queryAllIncludingSelf(root, selectors.status),

  extract(el): ExtractedComment | null {
    // A quoted status is part of the status quoting it, not a comment of its own.
    if (el.parentElement?.closest(selectors.status)) return null;
    const link = own(el, selectors.permalink);
    const href = link?.getAttribute('href') ?? '';
    const nativeId = el.getAttribute('data-id') ?? statusIdOf(href);
    if (!nativeId || !/^\d{1,20}$/.test(nativeId)) return null;
    const location = new URL(el.ownerDocument.location?.href ?? 'https://mastodon.social/');
    const account = own(el, selectors.account)?.textContent?.trim();
    const name = readText(own(el, selectors.displayName)) || account || '';
    const focal = threadId(location);
    const parent = focal ? threadParent(el, focal) : {};
    const publishedAt = link?.querySelector('time')?.getAttribute('datetime') ?? undefined;
    return {
      platform: 'mastodon',
      nativeId,
      author: { name, ...(account ? { handle: account } : {}) },
      text: statusText(el),
      ...(href ? { permalink: new URL(href, location.origin).href } : {}),
      ...(publishedAt ? { publishedAt } : {}),
      ...parent,
    };
  },

  findComposers: (root) => queryAllIncludingSelf(root, selectors.composer),
  // The compose panel stands beside the thread, not under the status it answers: its reply
  // indicator names that status by account and content, which must both match.
  answeredComment(editor) {
    const indicator = editor.closest('.compose-form')?.querySelector(selectors.replyIndicator);
    const content = indicator?.querySelector(selectors.replyIndicatorContent);
    if (!indicator || !content) return undefined;
    const account = indicator.querySelector(selectors.account)?.textContent?.trim();
    const text = readText(content);
    return mastodonAdapter.findComments(editor.ownerDocument).find(
      (el) => !el.parentElement?.closest(selectors.status) && own(el, selectors.account)?.textContent?.trim() === account && statusText(el) === text,
    );
  },
  readComposer: readEditable,

  // Redux holds the text: the native value setter and an input event reach Mastodon's onChange.
  ...editorInput('value'),

  currentAccount(doc) {
    // The server embeds the signed-in account in the page's initial state: meta.me and its acct.
    const raw = doc.getElementById('initial-state')?.textContent;
    if (!raw || raw.length > 2_000_000) return undefined;
    try {
      const state = JSON.parse(raw) as { meta?: { me?: string; domain?: string }; accounts?: Record<string, { acct?: string }> };
      const acct = state.meta?.me ? state.accounts?.[state.meta.me]?.acct : undefined;
      return acct ? `@${acct}` : undefined;
    } catch {
      return undefined;
    }
  },

  anchorFor: (el) =>
    el.querySelector(selectors.actionBar) ?? el.closest(selectors.detailedWrapper)?.querySelector(selectors.detailedActionBar) ?? el,
};

import type { ExtractedComment, PlatformAdapter } from '../types';
import { perTurn, PRECEDING, queryAllIncludingSelf, readText } from '../dom';
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

/** What extract reads of a status, from whichever markup renders it; body is absent while hidden. */
interface Parts {
  id?: string | null;
  link?: Element | null;
  account?: string;
  name: string;
  warning?: Element | null;
  body?: Element | null;
}

function legacyParts(el: Element): Parts {
  const link = own(el, selectors.permalink);
  return {
    id: el.getAttribute('data-id') ?? statusIdOf(link?.getAttribute('href') ?? ''),
    link,
    account: own(el, selectors.account)?.textContent?.trim(),
    name: readText(own(el, selectors.displayName)),
    warning: own(el, selectors.contentWarning),
    body: own(el, selectors.content),
  };
}

/**
 * What status HTML holds: the elements Mastodon's sanitizer keeps (lib/sanitize_ext/sanitize_config.rb,
 * MASTODON_STRICT; headings become strong in a p) and the img or span of an emoji (components/emoji).
 */
const STATUS_HTML = new Set(['p', 'br', 'span', 'a', 'del', 's', 'pre', 'blockquote', 'code', 'b', 'strong', 'u', 'i', 'em', 'ul', 'ol', 'li', 'ruby', 'rt', 'rp', 'img']);

/**
 * Whether the first child of StatusContent's root is the text's EmojiHTML div. When the text is
 * empty it is whatever comes next: the poll (div.poll), the attachments, a quoted post's card, or,
 * while a video plays in picture-in-picture, its placeholder (a div role=button with an svg and
 * "Put it back", localised: status/legacy/picture_in_picture_placeholder.tsx). Those hold a div, an
 * svg or a role; the text's div holds status HTML only, and has no role.
 */
const isStatusText = (el: Element) =>
  !el.hasAttribute('role') && !el.matches(selectors.redesignNotText) && Array.from(el.children).every((c) => STATUS_HTML.has(c.localName));

function redesignParts(el: Element): Parts {
  const header = el.querySelector(selectors.redesignHeader);
  const link = header?.querySelector(selectors.redesignDate)?.parentElement;
  const wrapper = el.querySelector(selectors.redesignContent);
  // The text's div comes first when there is text.
  const first = wrapper?.firstElementChild?.firstElementChild;
  const text = first && isStatusText(first) ? first : undefined;
  return {
    // A boost's article carries the boost's own id; its header links the boosted status, the one the legacy markup names.
    id: statusIdOf(link?.getAttribute('href') ?? '') ?? el.getAttribute('data-id'),
    link,
    account: header?.querySelector(selectors.redesignAccount)?.getAttribute('title')?.trim(),
    name: readText(header?.querySelector(selectors.displayName)),
    warning: el.querySelector(selectors.redesignContentWarning),
    // Rendered but inert behind a warning or a filter: hidden from the reader as the legacy markup's unrendered body.
    body: wrapper?.hasAttribute('inert') ? undefined : text,
  };
}

const parts = (el: Element) => (el.matches(selectors.redesignStatus) ? redesignParts(el) : legacyParts(el));

function statusText({ warning: warningEl, body }: Parts): string {
  const warning = readText(warningEl);
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
 * chain down to the focal status. A redesigned reply after the first answers the status above when
 * that one's data-connect-next says so, and some status the page does not name otherwise.
 */
function threadParent(el: Element, focal: string): Parent {
  const thread = threadOf(el.ownerDocument, focal);
  if (!thread) return {};
  const { anchor, statuses, ancestors } = thread;
  if (el === anchor || anchor.contains(el)) {
    const last = statuses[ancestors - 1]?.getAttribute('data-id');
    return last ? { parentId: last } : {};
  }
  const i = thread.position.get(el);
  if (i === undefined) return {};
  const previous = statuses[i - 1]?.getAttribute('data-id') ?? undefined;
  if (i < ancestors) {
    if (previous) return { parentId: previous };
    return el.classList.contains(selectors.reply) ? { parentUnknown: true } : {};
  }
  if (i === ancestors) return { parentId: focal };
  // The redesign draws no reply lines: the status above says only whether this one answers it.
  if (el.matches(selectors.redesignStatus)) return statuses[i - 1]?.getAttribute(selectors.connectNext) === 'true' && previous ? { parentId: previous } : { parentUnknown: true };
  if (previous && !el.classList.contains(selectors.firstInThread)) return { parentId: previous };
  const line = Array.from(el.children).find((c) => c.classList.contains(selectors.line));
  if (line && !line.classList.contains(selectors.lineToNext)) return { parentId: focal };
  return { parentUnknown: true };
}

/** A thread page's statuses, as threadParent reads them. */
interface Thread {
  /** The focal status. */
  anchor: Element;
  /** The thread's other statuses in the page's order, and the place of each. */
  statuses: Element[];
  position: Map<Element, number>;
  /** How many of them come before the focal status: its ancestors. */
  ancestors: number;
}

const THREAD = Symbol('mastodon thread');

/**
 * How many status elements of either markup the page holds. Cheap to ask once per status: the
 * collections are live, and a browser keeps their length until the DOM changes.
 */
const statusCount = (doc: Document) =>
  doc.getElementsByTagName('article').length + doc.getElementsByClassName('status').length + doc.getElementsByClassName('detailed-status').length;

/** The thread, listed once for a run of reads (perTurn); listed again if statuses came or went meanwhile. */
const threadOf = (doc: Document, focal: string): Thread | undefined => perTurn(doc, THREAD, `${focal} ${statusCount(doc)}`, () => listThread(doc, focal));

function listThread(doc: Document, focal: string): Thread | undefined {
  // The advanced web UI shows the thread in a column beside others, whose timelines may hold the
  // focal status too (Home, after it was clicked) or other statuses at any depth of their list items
  // (a mention inside its notification): only the thread's own column counts, and in it no redesigned
  // status of a list item. The legacy thread page wraps its own replies in list items (status.html);
  // its `status--in-thread` already names them.
  const timelineItem = (s: Element) => s.matches(selectors.redesignStatus) && !!s.closest(selectors.listItem);
  const anchor =
    doc.querySelector(selectors.focal) ??
    Array.from(doc.querySelectorAll(`${selectors.redesignStatus}[data-id="${focal}"]`)).find((s) => !timelineItem(s));
  if (!anchor) return undefined;
  const column = anchor.closest(selectors.column) ?? doc;
  const statuses = Array.from(column.querySelectorAll(selectors.inThread)).filter(
    (s) => s !== anchor && !s.parentElement?.closest(selectors.status) && !timelineItem(s),
  );
  // Ancestors come first: the first status after the focal one ends them.
  const after = statuses.findIndex((s) => !(anchor.compareDocumentPosition(s) & PRECEDING));
  return { anchor, statuses, position: new Map(statuses.map((s, i) => [s, i])), ancestors: after < 0 ? statuses.length : after };
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
    const read = parts(el);
    const { id: nativeId, link, account } = read;
    if (!nativeId || !/^\d{1,20}$/.test(nativeId)) return null;
    const href = link?.getAttribute('href') ?? '';
    const location = new URL(el.ownerDocument.location?.href ?? 'https://mastodon.social/');
    const name = read.name || account || '';
    const focal = threadId(location);
    const parent = focal ? threadParent(el, focal) : {};
    const publishedAt = link?.querySelector('time')?.getAttribute('datetime') ?? undefined;
    return {
      platform: 'mastodon',
      nativeId,
      author: { name, ...(account ? { handle: account } : {}) },
      text: statusText(read),
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
    return mastodonAdapter.findComments(editor.ownerDocument).find((el) => {
      if (el.parentElement?.closest(selectors.status)) return false;
      const read = parts(el);
      return read.account === account && statusText(read) === text;
    });
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
    el.querySelector(selectors.actionBar) ??
    el.querySelector(selectors.redesignActionButton)?.parentElement ??
    el.closest(selectors.detailedWrapper)?.querySelector(selectors.detailedActionBar) ??
    el,
};

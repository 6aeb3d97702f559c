import type { ExtractedComment, PlatformAdapter } from '../types';
import { queryAllIncludingSelf, readText } from '../dom';
import { editorInput, readEditable } from '../editing';
import { focalPost, isBluesky, isFeed, isProfile, isThread } from './routes';
import { selectors } from './selectors';

const TESTID_PREFIX = /^(?:feedItem|postThreadItem)-by-/;
const FOLLOWING = 4; // Node.DOCUMENT_POSITION_FOLLOWING, without the Node global (the CLI has none)

const postId = (handle: string, rkey: string) => `${handle}/${rkey}`;

/** The post's own permalink: a post link by the same author (quoted posts link elsewhere). */
function ownRkey(el: Element, handle: string): string | undefined {
  for (const a of el.querySelectorAll(selectors.postLink)) {
    const m = /^\/profile\/([^/]+)\/post\/([\w.:~-]{1,64})\/?$/.exec(a.getAttribute('href') ?? '');
    if (m && decodeURIComponent(m[1]!) === handle) return m[2];
  }
  return undefined;
}

function displayName(el: Element, handle: string): string {
  for (const a of el.querySelectorAll(selectors.profileLink)) {
    const text = a.textContent?.replace(/\u00a0/g, ' ').trim();
    if (text && decodeURIComponent(a.getAttribute('href') ?? '') === `/profile/${handle}`) return text.replace(`@${handle}`, '').trim() || handle;
  }
  return handle;
}

/**
 * The page's focal post and its element, worked out once per page rather than once per post: a long
 * thread would otherwise search the whole document for every reply.
 */
let page: { href: string; focal: ReturnType<typeof focalPost>; anchor?: Element } | undefined;
function pageOf(doc: Document) {
  const href = doc.location?.href ?? 'https://bsky.app/';
  if (page?.href !== href) page = { href, focal: focalPost(new URL(href)) };
  return page;
}
function focalAnchor(doc: Document, focal: NonNullable<ReturnType<typeof focalPost>>): Element | undefined {
  const current = pageOf(doc);
  if (current.anchor?.isConnected && current.anchor.ownerDocument === doc) return current.anchor;
  const testId = `postThreadItem-by-${focal.handle}`;
  current.anchor = Array.from(doc.querySelectorAll(selectors.post)).find((p) => p.getAttribute('data-testid') === testId && !ownRkey(p, focal.handle));
  return current.anchor;
}

export const blueskyAdapter: PlatformAdapter = {
  id: 'bluesky',
  matches: isBluesky,
  expectsComments: (url) => isThread(url) || isFeed(url) || isProfile(url),

  findComments: (root) => queryAllIncludingSelf(root, selectors.post),

  extract(el): ExtractedComment | null {
    const handle = el.getAttribute('data-testid')?.replace(TESTID_PREFIX, '');
    if (!handle) return null;
    const { focal } = pageOf(el.ownerDocument);
    // The thread's focal post shows a full date instead of a permalink: its id is in the page URL.
    const own = ownRkey(el, handle);
    const isFocal = !!focal && focal.handle === handle && !own;
    const rkey = own ?? (isFocal ? focal.rkey : undefined);
    const text = el.querySelector(selectors.postText);
    // A deleted or blocked post placeholder has neither text nor permalink.
    if (!rkey || (!text && !el.querySelector('img, video'))) return null;
    let parentId: string | undefined;
    if (focal && !isFocal) {
      const anchor = focalAnchor(el.ownerDocument, focal);
      // Items above the focal post are its ancestors; items below reply to it.
      if (anchor && anchor.compareDocumentPosition(el) & FOLLOWING) parentId = postId(focal.handle, focal.rkey);
    }
    return {
      platform: 'bluesky',
      nativeId: postId(handle, rkey),
      author: { name: displayName(el, handle), handle: `@${handle}` },
      text: readText(text),
      permalink: `https://bsky.app/profile/${handle}/post/${rkey}`,
      ...(parentId ? { parentId } : {}),
    };
  },

  findComposers: (root) => queryAllIncludingSelf(root, selectors.composer),
  readComposer: readEditable,

  // ProseMirror takes the synthetic paste (Bluesky's clipboardTextParser turns lines into paragraphs).
  ...editorInput('paste-or-type'),

  anchorFor(el) {
    const like = el.querySelector(selectors.likeButton);
    let row = el.querySelector(selectors.replyButton)?.parentElement;
    while (row && row !== el && like && !row.contains(like)) row = row.parentElement;
    return row ?? el;
  },
};

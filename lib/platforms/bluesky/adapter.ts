import type { ExtractedComment, PlatformAdapter } from '../types';
import { FOLLOWING, perTurn, queryAllIncludingSelf, readText } from '../dom';
import { editorInput, readEditable } from '../editing';
import { focalPost, isBluesky, isFeed, isProfile, isThread } from './routes';
import { selectors } from './selectors';

const TESTID_PREFIX = /^(?:feedItem|postThreadItem)-by-/;
const THREAD_ITEM = 'postThreadItem-by-';
/** social-app's testID for an author whose handle does not resolve; its links carry the DID instead. */
const INVALID_HANDLE = 'handle.invalid';
const POST_PATH = /^\/profile\/([^/]+)\/post\/([\w.:~-]{1,64})\/?$/;
const PROFILE_PATH = /^\/profile\/([^/]+)\/?$/;

const postId = (author: string, rkey: string) => `${author}/${rkey}`;
const isDid = (actor: string) => actor.startsWith('did:');
const decode = (segment: string) => {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
};

/** A quote card: a Link to the quoted post wrapping its author, text or media (a timestamp link wraps only a date). */
const isCard = (a: Element) => POST_PATH.test(a.getAttribute('href') ?? '') && !!a.querySelector(`${selectors.richText}, ${selectors.media}`);

function inCard(node: Element, post: Element): boolean {
  for (let n = node.parentElement; n && n !== post; n = n.parentElement) if (n.tagName === 'A' && isCard(n)) return true;
  return false;
}

/** The post's own RichText: the first one outside a quote card (the card comes after it, and holds the quoted text). */
const ownText = (post: Element) => Array.from(post.querySelectorAll(selectors.richText)).find((t) => !inCard(t, post));

/**
 * The post's own permalink, PostMeta's timestamp link: before the text (a link inside or after it is
 * a facet or an embed's) and outside any quote card. The focal post of a thread has none.
 */
function ownPermalink(post: Element, text: Element | undefined): { author: string; rkey: string } | undefined {
  for (const a of post.querySelectorAll(selectors.postLink)) {
    if (text && text.compareDocumentPosition(a) & FOLLOWING) break;
    const m = POST_PATH.exec(a.getAttribute('href') ?? '');
    if (m && !isCard(a) && !inCard(a, post)) return { author: decode(m[1]!), rkey: m[2]! };
  }
  return undefined;
}

/** The author's profile links (avatar, name, handle), the post's own: before its text, outside a quote card. */
function authorLinks(post: Element, text: Element | undefined): { actor: string; link: Element }[] {
  const found: { actor: string; link: Element }[] = [];
  for (const a of post.querySelectorAll(selectors.profileLink)) {
    if (text && text.compareDocumentPosition(a) & FOLLOWING) break;
    const m = PROFILE_PATH.exec(a.getAttribute('href') ?? '');
    if (m && !inCard(a, post)) found.push({ actor: decode(m[1]!), link: a });
  }
  return found;
}

/** The name on the author's own links: a repost's "Reposted by" link names someone else. */
function displayName(links: { actor: string; link: Element }[], actor: string, handle: string | undefined): string {
  for (const { link } of links.filter((l) => l.actor === actor)) {
    const line = readText(link).split('\n')[0]!.replace(/\u00a0/g, ' ').trim();
    const name = handle ? line.replace(`@${handle}`, '').trim() : line;
    if (name) return name;
  }
  return handle ?? actor;
}

interface Read {
  /** The author as the post's links name it: the handle, or the DID when the handle is invalid. */
  actor: string;
  handle?: string;
  rkey?: string;
  text?: Element;
  links: { actor: string; link: Element }[];
}

function read(el: Element): Read | undefined {
  const testId = el.getAttribute('data-testid') ?? '';
  // A Post.tsx row has no testID: its handle is the one its links use, unless they use the DID.
  const testHandle = TESTID_PREFIX.test(testId) ? testId.replace(TESTID_PREFIX, '') : undefined;
  const text = ownText(el);
  const own = ownPermalink(el, text);
  const links = authorLinks(el, text);
  const actor = own?.author ?? links[0]?.actor ?? (testHandle === INVALID_HANDLE ? undefined : testHandle);
  if (!actor) return undefined;
  const handle = testHandle !== undefined ? (testHandle === INVALID_HANDLE ? undefined : testHandle) : isDid(actor) ? undefined : actor;
  return { actor, handle, rkey: own?.rkey, text, links };
}

/** Post.tsx rows under root: from their postText up to the row holding their controls. */
function postRows(root: ParentNode): Element[] {
  const rows = new Set<Element>();
  for (const text of queryAllIncludingSelf(root, selectors.postText)) {
    if (text.closest(selectors.post)) continue;
    let row = text.parentElement;
    // Up to the row's controls, never past another post's text: a row whose buttons are missing (not
    // rendered yet) is no row yet, rather than the whole list read as one post.
    while (row && !row.querySelector(selectors.replyButton) && row.querySelectorAll(selectors.postText).length === 1) row = row.parentElement;
    if (row && row.querySelectorAll(selectors.postText).length === 1) rows.add(row);
  }
  return [...rows];
}

const hasContent = (el: Element, text: Element | undefined) =>
  !!text || Array.from(el.querySelectorAll(selectors.media)).some((m) => !m.closest(selectors.profileLink) || inCard(m, el));

/**
 * The thread's focal post (ThreadItemAnchor): the thread item without a permalink of its own. The
 * URL gives its record key; its author is named as the page's links name it, which a DID URL does
 * not (the link may have carried the DID while the page links by handle). Worked out once per page
 * rather than once per post: a long thread would otherwise search the whole document for every reply.
 */
let page: { href: string; focal: ReturnType<typeof focalPost>; anchor?: Element; author?: string; missedAt?: number } | undefined;
/** A focal post not on the page yet is looked for again at most this often, not once per reply. */
const FOCAL_RETRY_MS = 250;
function pageOf(doc: Document) {
  const href = doc.location?.href ?? 'https://bsky.app/';
  if (page?.href !== href) page = { href, focal: focalPost(new URL(href)) };
  return page;
}

function matchesActor(r: Read, actor: string): boolean {
  if (actor === r.actor || actor === r.handle) return true;
  // A DID URL over a page that links by handle: nothing in the markup names the DID but the avatar's address.
  return isDid(actor) && !isDid(r.actor);
}

function focalOf(doc: Document): { anchor: Element; author: string; rkey: string } | undefined {
  const current = pageOf(doc);
  if (!current.focal) return undefined;
  const { actor, rkey } = current.focal;
  if (current.anchor?.isConnected && current.anchor.ownerDocument === doc) return { anchor: current.anchor, author: current.author!, rkey };
  const now = performance.now();
  if (current.missedAt !== undefined && now - current.missedAt < FOCAL_RETRY_MS) return undefined;
  for (const el of doc.querySelectorAll(selectors.post)) {
    if (!el.getAttribute('data-testid')?.startsWith(THREAD_ITEM)) continue;
    const r = read(el);
    if (r && !r.rkey && hasContent(el, r.text) && matchesActor(r, actor)) {
      current.anchor = el;
      current.author = r.actor;
      current.missedAt = undefined;
      return { anchor: el, author: r.actor, rkey };
    }
  }
  current.missedAt = now;
  return undefined;
}

/**
 * ThreadItemPost's first row (ThreadItemPostParentReplyLine): an avatar-wide column that holds the
 * line up to the item above when `showParentReplyLine`, which social-app sets when the item above is
 * less deep, i.e. is the parent. The anchor (ThreadItemAnchor) starts with its author row instead.
 */
function hasParentLine(item: Element): boolean {
  const top = item.firstElementChild;
  if (!top || top.querySelector(`a, ${selectors.richText}, ${selectors.media}`)) return false;
  return !!top.firstElementChild?.firstElementChild;
}

type Parent = Pick<ExtractedComment, 'parentId' | 'parentUnknown'>;

/**
 * A thread item's parent. Ancestors are a chain down to the focal post. Below it, the linear view
 * shows one reply per branch (LINEAR_VIEW_BF = 1 in state/queries/usePostThread/const.ts): an item
 * with the line answers the item above, one without answers the focal post.
 */
function threadParent(el: Element, focal: { anchor: Element; author: string; rkey: string }): Parent {
  const thread = threadItems(el.ownerDocument);
  const above = thread.items[(thread.position.get(el) ?? 0) - 1];
  const aboveId = above && (above === focal.anchor ? postId(focal.author, focal.rkey) : thread.idOf(above));
  if (el === focal.anchor) return aboveId ? { parentId: aboveId } : {};
  if (focal.anchor.compareDocumentPosition(el) & FOLLOWING) {
    if (!hasParentLine(el)) return { parentId: postId(focal.author, focal.rkey) };
    // The line runs up to a placeholder (a deleted or blocked post): its id is not on the page.
    return aboveId ? { parentId: aboveId } : { parentUnknown: true };
  }
  if (!hasParentLine(el)) return {};
  return aboveId ? { parentId: aboveId } : { parentUnknown: true };
}

const THREAD = Symbol('bluesky thread');

/** The page's thread items in order, with each one's place and its post id read once (perTurn). */
function threadItems(doc: Document) {
  return perTurn(doc, THREAD, '', () => {
    const items = Array.from(doc.querySelectorAll(selectors.post)).filter((i) => i.getAttribute('data-testid')?.startsWith(THREAD_ITEM));
    const ids = new Map<Element, string | undefined>();
    const idOf = (item: Element) => {
      if (!ids.has(item)) {
        const r = read(item);
        ids.set(item, r?.rkey ? postId(r.actor, r.rkey) : undefined);
      }
      return ids.get(item);
    };
    return { items, position: new Map(items.map((item, i) => [item, i])), idOf };
  });
}

export const blueskyAdapter: PlatformAdapter = {
  id: 'bluesky',
  matches: isBluesky,
  expectsComments: (url) => isThread(url) || isFeed(url) || isProfile(url),

  findComments: (root) => [...queryAllIncludingSelf(root, selectors.post), ...postRows(root)],

  extract(el): ExtractedComment | null {
    const r = read(el);
    if (!r || !hasContent(el, r.text)) return null;
    const focal = focalOf(el.ownerDocument);
    const isFocal = !r.rkey && focal?.anchor === el;
    const rkey = r.rkey ?? (isFocal ? focal.rkey : undefined);
    // A placeholder without a permalink: nothing to link a reply to.
    if (!rkey) return null;
    const author = r.actor;
    const parent = focal && el.getAttribute('data-testid')?.startsWith(THREAD_ITEM) ? threadParent(el, focal) : {};
    return {
      platform: 'bluesky',
      nativeId: postId(author, rkey),
      author: { name: displayName(r.links, author, r.handle), ...(r.handle ? { handle: `@${r.handle}` } : {}) },
      text: readText(r.text),
      permalink: `https://bsky.app/profile/${author}/post/${rkey}`,
      ...parent,
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

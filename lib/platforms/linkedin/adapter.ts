import type { ExtractedComment, PlatformAdapter } from '../types';
import { queryAllIncludingSelf, readText } from '../dom';
import { editorInput, readEditable } from '../editing';
import { isActivity, isFeed, isLinkedIn, isPost } from './routes';
import { promotedLabels, selectors } from './selectors';

const ITEM = `${selectors.post}, ${selectors.comment}`;

/** The first match of selector that belongs to el itself, not to a comment (or a post) nested in it. */
const own = (el: Element, selector: string) => Array.from(el.querySelectorAll(selector)).find((m) => m.closest(ITEM) === el) ?? null;

/** LinkedIn ids are snowflakes: the top 41 bits are the creation time in Unix milliseconds. */
export function timeOfId(id: string): string | undefined {
  if (!/^\d{15,20}$/.test(id)) return undefined;
  const ms = Number(BigInt(id) >> 22n);
  return ms > Date.UTC(2003, 0) ? new Date(ms).toISOString() : undefined;
}

function profile(link: Element | null): { href?: string; handle?: string } {
  const href = link?.getAttribute('href');
  if (!href) return {};
  const url = new URL(href, 'https://www.linkedin.com');
  const handle = /^\/(?:in|company)\/([^/?#]+)/.exec(url.pathname)?.[1];
  return { href: url.href, ...(handle ? { handle: decodeURIComponent(handle) } : {}) };
}

function extractPost(el: Element): ExtractedComment | null {
  const activity = /^urn:li:activity:(\d+)$/.exec(el.getAttribute('data-urn') ?? '')?.[1];
  if (!activity) return null;
  const sub = own(el, selectors.postSubDescription)?.textContent ?? '';
  if (promotedLabels.some((label) => sub.includes(label))) return null;
  const { handle } = profile(own(el, selectors.postAuthorLink));
  return {
    platform: 'linkedin',
    nativeId: `activity:${activity}`,
    author: { name: own(el, selectors.postAuthor)?.textContent?.trim() ?? '', ...(handle ? { handle } : {}) },
    text: readText(own(el, selectors.postText)),
    permalink: `https://www.linkedin.com/feed/update/urn:li:activity:${activity}/`,
    publishedAt: timeOfId(activity),
  };
}

function extractComment(el: Element): ExtractedComment | null {
  const urn = el.getAttribute('data-id') ?? '';
  const ids = /^urn:li:comment:\((?:activity|ugcPost):(\d+),(\d+)\)$/.exec(urn);
  if (!ids) return null;
  const [, activity, comment] = ids as unknown as [string, string, string];
  const parent = el.parentElement?.closest(selectors.comment);
  const parentComment = parent && /,(\d+)\)$/.exec(parent.getAttribute('data-id') ?? '')?.[1];
  const { handle } = profile(own(el, selectors.commentAuthorLink));
  return {
    platform: 'linkedin',
    nativeId: `comment:${comment}`,
    author: { name: own(el, selectors.commentAuthor)?.textContent?.trim() ?? '', ...(handle ? { handle } : {}) },
    text: readText(own(el, selectors.commentText)),
    permalink: `https://www.linkedin.com/feed/update/urn:li:activity:${activity}/?commentUrn=${encodeURIComponent(urn)}`,
    publishedAt: timeOfId(comment),
    parentId: parentComment ? `comment:${parentComment}` : `activity:${activity}`,
  };
}

export const linkedinAdapter: PlatformAdapter = {
  id: 'linkedin',
  matches: isLinkedIn,
  expectsComments: (url) => isFeed(url) || isPost(url) || isActivity(url),

  findComments: (root) => queryAllIncludingSelf(root, ITEM),

  extract: (el) => (el.matches(selectors.post) ? extractPost(el) : el.matches(selectors.comment) ? extractComment(el) : null),

  findComposers: (root) => queryAllIncludingSelf(root, selectors.composer),
  readComposer: readEditable,

  // Quill's clipboard module takes the synthetic paste into its Delta and cancels it.
  ...editorInput('paste-or-type'),

  anchorFor: (el) => own(el, el.matches(selectors.post) ? selectors.postActions : selectors.commentActions) ?? el,
};

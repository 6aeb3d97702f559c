/**
 * Old Reddit's markup, read into the same comments as new Reddit's: a thing's data-fullname is the
 * thingid/id new Reddit uses, so a comment seen on both sites is one comment.
 */
import type { ExtractedComment } from '../types';
import { queryAllIncludingSelf, readText } from '../dom';
import { oldSelectors } from './selectors';

const FULLNAME = /^t[13]_[a-z0-9]+$/i;
/** What r2 renders in place of a body the author deleted or a moderator removed. */
const GONE = new Set(['[deleted]', '[removed]']);

/** data-permalink is a path; old Reddit's own links keep a moderator on old Reddit. */
function absolute(href: string | null): string | undefined {
  if (!href) return undefined;
  try {
    return new URL(href, 'https://old.reddit.com').href;
  } catch {
    return undefined;
  }
}

/**
 * The body text: .md holds the rendered markdown; r2's expunged bodies are a bare <em>[removed]</em>.
 * Snudown writes a newline after each <br/>, which a browser folds into the break and readText keeps.
 */
function bodyText(body: Element | null): string {
  return body ? readText(body.querySelector(':scope > .md') ?? body).replace(/\n\n+/g, '\n') : '';
}

/**
 * The thing whose .child holds this comment, else the listing it sits in: r2 names a nested listing
 * siteTable_<fullname of the thing it answers>, the post's for top-level comments. A flat listing
 * (a subreddit's latest comments, a profile) is plain #siteTable: the parent is not on the page.
 */
function parentOf(el: Element): string | undefined {
  const parent = el.parentElement?.closest('.thing')?.getAttribute('data-fullname');
  if (parent && FULLNAME.test(parent)) return parent;
  const listing = el.parentElement?.closest('.sitetable')?.id.replace(/^siteTable_/, '');
  return listing && FULLNAME.test(listing) ? listing : undefined;
}

export function isOldThing(el: Element): boolean {
  return el.localName === 'div' && el.classList.contains('thing');
}

export function extractOldThing(el: Element): ExtractedComment | null {
  const id = el.getAttribute('data-fullname') ?? '';
  if (!FULLNAME.test(id)) return null;
  // .deleted: gone, its place kept for its replies; .spam: removed, shown to its moderators only, who cannot answer it in public.
  if (el.classList.contains('deleted') || el.classList.contains('spam')) return null;
  if (el.getAttribute('data-promoted') === 'true' || el.classList.contains('promoted')) return null;
  const isPost = id.startsWith('t3_');
  const author = el.getAttribute('data-author') ?? '';
  let text: string;
  if (isPost) {
    const title = el.querySelector(oldSelectors.title)?.textContent?.trim() ?? '';
    const body = bodyText(el.querySelector(oldSelectors.postBody));
    text = body ? `${title}\n${body}` : title;
  } else {
    text = bodyText(el.querySelector(oldSelectors.commentBody));
    if (GONE.has(text)) return null;
  }
  if (!text) return null;
  const published = el.querySelector(oldSelectors.time)?.getAttribute('datetime');
  const parent = isPost ? undefined : parentOf(el);
  return {
    platform: 'reddit',
    nativeId: id,
    author: { name: author, ...(author && author !== '[deleted]' ? { handle: `u/${author}` } : {}) },
    text,
    permalink: absolute(el.getAttribute('data-permalink')),
    ...(published ? { publishedAt: published } : {}),
    ...(parent ? { parentId: parent } : {}),
  };
}

/** Reply boxes only: an edit form shows the text it edits (.usertext-body) beside its textarea. */
export function findOldComposers(root: ParentNode): Element[] {
  return queryAllIncludingSelf(root, oldSelectors.composer).filter((el) => !el.closest('form.usertext')?.querySelector(':scope > .usertext-body'));
}

export const oldAnchor = (el: Element) => el.querySelector(oldSelectors.tagline) ?? el;

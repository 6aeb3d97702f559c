import type { ExtractedComment, PlatformAdapter } from '../types';
import { queryAllIncludingSelf, readText } from '../dom';
import { editorInput, readEditable, writeText } from '../editing';
import { extractOldThing, findOldComposers, isOldThing, oldAnchor } from './old';
import { isFeed, isReddit, isThread } from './routes';
import { bodyId, oldSelectors, selectors } from './selectors';

const FULLNAME = /^t[13]_[a-z0-9]+$/i;

/** Searched under el, not by document id: a feed can hold the same post twice. id is checked against FULLNAME first. */
const body = (el: Element, id: string, kind: 'post' | 'comment') => el.querySelector(`[id="${bodyId(id, kind)}"]`);

function absolute(href: string | null): string | undefined {
  if (!href) return undefined;
  try {
    return new URL(href, 'https://www.reddit.com').href;
  } catch {
    return undefined;
  }
}

function extractComment(el: Element): ExtractedComment | null {
  const id = el.getAttribute('thingid') ?? '';
  if (!FULLNAME.test(id)) return null;
  const text = body(el, id, 'comment');
  // A deleted or removed comment keeps its place in the tree but has no body to triage.
  if (!text || el.hasAttribute('is-comment-deleted')) return null;
  const author = el.getAttribute('author') ?? '';
  const parent = el.getAttribute('parentid') || el.getAttribute('postid');
  return {
    platform: 'reddit',
    nativeId: id,
    author: { name: author, ...(author && author !== '[deleted]' ? { handle: `u/${author}` } : {}) },
    text: readText(text),
    permalink: absolute(el.getAttribute('permalink')),
    publishedAt: el.getAttribute('created') ?? undefined,
    ...(parent && FULLNAME.test(parent) ? { parentId: parent } : {}),
  };
}

function extractPost(el: Element): ExtractedComment | null {
  const id = el.getAttribute('id') ?? el.getAttribute('post-id') ?? '';
  if (!FULLNAME.test(id)) return null;
  // Promoted posts rendered as shreddit-post carry the promoted attribute.
  if (el.hasAttribute('promoted') || el.hasAttribute('is-promoted')) return null;
  const author = el.getAttribute('author') ?? '';
  const title = el.getAttribute('post-title') ?? el.querySelector(selectors.postTitle)?.textContent?.trim() ?? '';
  const text = readText(body(el, id, 'post'));
  return {
    platform: 'reddit',
    nativeId: id,
    author: { name: author, ...(author && author !== '[deleted]' ? { handle: `u/${author}` } : {}) },
    text: text ? `${title}\n${text}` : title,
    permalink: absolute(el.getAttribute('permalink')),
    publishedAt: el.getAttribute('created-timestamp') ?? undefined,
  };
}

// Lexical takes the synthetic paste (and cancels it); execCommand is its beforeinput fallback.
const lexical = editorInput('paste-or-type');

/**
 * One adapter for both sites, new Reddit's custom elements and old Reddit's div.thing (./old.ts):
 * same platform, same ids, and a page only ever holds one of the two markups.
 */
export const redditAdapter: PlatformAdapter = {
  id: 'reddit',
  matches: isReddit,
  expectsComments: (url) => isThread(url) || isFeed(url),

  findComments: (root) => queryAllIncludingSelf(root, `${selectors.post}, ${selectors.comment}, ${oldSelectors.thing}`),

  extract: (el) =>
    el.localName === 'shreddit-comment' ? extractComment(el) : el.localName === 'shreddit-post' ? extractPost(el) : isOldThing(el) ? extractOldThing(el) : null,

  findComposers: (root) => [...queryAllIncludingSelf(root, selectors.composer), ...findOldComposers(root)],
  readComposer: readEditable,

  // Lexical's path: fixes and ;trigger expansions (replaceTextRange) take any textarea by its value whatever this says.
  input: lexical.input,
  // Old Reddit's reply box is a plain textarea, which takes its value, not a paste.
  writeComposer: (el, text, mode) => (el.localName === 'textarea' ? writeText('value', el as HTMLElement, text, mode) : lexical.writeComposer(el, text, mode)),

  anchorFor: (el) => (isOldThing(el) ? oldAnchor(el) : (el.querySelector(el.localName === 'shreddit-post' ? selectors.postCredit : selectors.commentMeta) ?? el)),
};

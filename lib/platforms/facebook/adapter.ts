import type { ExtractedComment, PlatformAdapter } from '../types';
import { queryAllIncludingSelf, readText } from '../dom';
import { editorInput, readEditable } from '../editing';
import { isFacebook, isPost } from './routes';
import { selectors } from './selectors';

/** Matches of selector that belong to el itself, not to a comment nested inside it. */
const own = (el: Element, selector: string) => Array.from(el.querySelectorAll(selector)).filter((m) => m.closest(selectors.comment) === el);

/**
 * comment_id is either numeric or, since 2023, base64 of "comment:<post id>_<comment id>"
 * (URL-encoded in the href): both give the numeric comment id.
 */
export function commentIdFrom(value: string | null): string | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return value;
  try {
    return /^comment:\d+_(\d+)$/.exec(atob(value))?.[1];
  } catch {
    return undefined;
  }
}

/** The post id in a permalink path (/<page>/posts/<id>, /groups/<g>/posts/<id>) or its story_fbid. */
function postIdFrom(url: URL): string | undefined {
  return /\/(?:posts|permalink|videos)\/([\w-]+)/.exec(url.pathname)?.[1] ?? url.searchParams.get('story_fbid') ?? url.searchParams.get('fbid') ?? url.searchParams.get('v') ?? undefined;
}

function handleFrom(url: URL): string | undefined {
  if (url.pathname === '/profile.php') return url.searchParams.get('id') ?? undefined;
  return /^\/([\w.-]+)\/?$/.exec(url.pathname)?.[1];
}

export const facebookAdapter: PlatformAdapter = {
  id: 'facebook',
  matches: isFacebook,
  expectsComments: isPost,

  findComments: (root) => queryAllIncludingSelf(root, selectors.comment),

  extract(el): ExtractedComment | null {
    const links = own(el, selectors.commentLink).map((a) => new URL(a.getAttribute('href')!, 'https://www.facebook.com'));
    const permalink = links.at(-1);
    if (!permalink) return null;
    const parent = commentIdFrom(permalink.searchParams.get('comment_id'));
    const reply = commentIdFrom(permalink.searchParams.get('reply_comment_id'));
    const nativeId = reply ?? parent;
    if (!nativeId) return null;
    // The avatar and name links point at the author's profile; the date link, last, at the post.
    const name = own(el, `${selectors.commentLink} ${selectors.authorName}`)[0]?.textContent?.trim() ?? '';
    const handle = links.length > 1 ? handleFrom(links[0]!) : undefined;
    const post = postIdFrom(permalink);
    // Tracking parameters (__cft__, __tn__) change per page view: the permalink keeps only the ids.
    const clean = new URL(permalink.origin + permalink.pathname);
    for (const key of ['story_fbid', 'id', 'fbid', 'v', 'comment_id', 'reply_comment_id']) {
      const v = permalink.searchParams.get(key);
      if (v) clean.searchParams.set(key, v);
    }
    return {
      platform: 'facebook',
      nativeId,
      author: { name, ...(handle ? { handle } : {}) },
      text: own(el, selectors.textBlock).map((b) => readText(b)).join('\n'),
      permalink: clean.href,
      ...(reply ? { parentId: parent } : post ? { parentId: post } : {}),
    };
  },

  findComposers: (root) => queryAllIncludingSelf(root, selectors.composer),
  readComposer: readEditable,

  // Lexical takes the synthetic paste (and cancels it); execCommand is its beforeinput fallback.
  ...editorInput('paste-or-type'),

  anchorFor: (el) => own(el, selectors.actionRow)[0] ?? el,
};

import type { ExtractedComment, PlatformAdapter } from '../types';
import { queryAllIncludingSelf, readText } from '../dom';
import { editorInput, readEditable } from '../editing';
import { isPost, isWatch, isYouTube } from './routes';
import { selectors } from './selectors';

/** A reply's id is "<parent id>.<reply id>" in YouTube's lc= parameter. */
const commentIdOf = (href: string) => /[?&]lc=([\w.-]+)/.exec(href)?.[1];

function author(el: Element): ExtractedComment['author'] {
  const link = el.querySelector(selectors.authorLink);
  const handle = /^\/(@[^/?#]+)/.exec(link?.getAttribute('href') ?? '')?.[1];
  const shown = link?.textContent?.trim() || el.querySelector(selectors.creatorBadge)?.textContent?.trim() || '';
  const name = shown || (handle ? decodeURIComponent(handle) : '');
  return { name, ...(handle ? { handle: decodeURIComponent(handle) } : {}) };
}

export const youtubeAdapter: PlatformAdapter = {
  id: 'youtube',
  matches: isYouTube,
  // Shorts show comments only once their panel is opened: an empty page there is not a fault.
  expectsComments: (url) => isWatch(url) || isPost(url),

  findComments: (root) => queryAllIncludingSelf(root, selectors.comment),

  extract(el): ExtractedComment | null {
    const link = el.querySelector<HTMLAnchorElement>(selectors.permalink);
    const href = link?.getAttribute('href') ?? '';
    const nativeId = commentIdOf(href);
    // A comment still rendering (no date link yet) is retried by the runtime on the next mutation.
    if (!nativeId) return null;
    const dot = nativeId.indexOf('.');
    return {
      platform: 'youtube',
      nativeId,
      author: author(el),
      text: readText(el.querySelector(selectors.contentText)),
      permalink: new URL(href, 'https://www.youtube.com').href,
      ...(dot > 0 ? { parentId: nativeId.slice(0, dot) } : {}),
    };
  },

  findComposers: (root) => queryAllIncludingSelf(root, selectors.composer),
  readComposer: readEditable,

  // A plain contenteditable whose state YouTube reads from input events: a synthetic paste has
  // no default action there, so execCommand('insertText') does the typing (and fires input).
  ...editorInput('paste-or-type'),

  anchorFor: (el) => el.querySelector(selectors.actionBar) ?? el,
};

import type { ExtractedComment, PlatformAdapter } from '../types';
import { queryAllIncludingSelf, readText } from '../dom';
import { editorInput } from '../editing';
import { isInstagram, isPost } from './routes';
import { COMMENT_HREF, selectors } from './selectors';

const isComment = (a: Element) => COMMENT_HREF.test(a.getAttribute('href') ?? '');

/**
 * The largest block around a comment's date link that holds no other dated item (another comment,
 * or the caption when the post has a single comment) and stays inside the list.
 */
function blockOf(link: Element): Element {
  let block = link;
  for (let up = block.parentElement; up && !up.matches(selectors.boundary); up = up.parentElement) {
    if (up.querySelectorAll(selectors.datedLink).length > 1) break;
    block = up;
  }
  return block;
}

const ownLink = (el: Element) => Array.from(el.querySelectorAll(selectors.permalink)).find(isComment);

export const instagramAdapter: PlatformAdapter = {
  id: 'instagram',
  matches: isInstagram,
  expectsComments: isPost,

  findComments(root) {
    // Comments are found by their date link, then widened to their block, which may reach above root.
    const links = queryAllIncludingSelf(root, selectors.permalink).filter(isComment);
    return Array.from(new Set(links.map(blockOf)));
  },

  extract(el): ExtractedComment | null {
    const link = ownLink(el);
    const match = link && COMMENT_HREF.exec(link.getAttribute('href') ?? '');
    if (!match) return null;
    const [, kind, code, comment, reply] = match as unknown as [string, string, string, string, string | undefined];
    const author = Array.from(el.querySelectorAll(selectors.authorLink)).find((a) => /^\/[\w.]+\/?$/.test(a.getAttribute('href') ?? '') && a.textContent?.trim());
    const handle = /^\/([\w.]+)/.exec(author?.getAttribute('href') ?? '')?.[1];
    const spans = Array.from(el.querySelectorAll(selectors.text)).filter((s) => !s.closest('a') && !s.parentElement?.closest(selectors.text));
    return {
      platform: 'instagram',
      nativeId: reply ?? comment,
      author: { name: handle ?? '', ...(handle ? { handle } : {}) },
      text: spans.map((s) => readText(s)).join('\n'),
      permalink: `https://www.instagram.com/${kind}/${code}/c/${comment}/${reply ? `r/${reply}/` : ''}`,
      publishedAt: link!.querySelector('time')?.getAttribute('datetime') ?? undefined,
      parentId: reply ? comment : code,
    };
  },

  findComposers: (root) => queryAllIncludingSelf(root, selectors.composer),
  readComposer: (el) => (el as HTMLTextAreaElement).value,

  // A React-controlled textarea: the native value setter plus an input event reach React's state.
  ...editorInput('value'),

  anchorFor: (el) => ownLink(el)?.parentElement ?? el,
};

import type { ExtractedComment, PlatformAdapter } from '../types';
import { queryAllIncludingSelf, readText } from '../dom';
import { editorInput, readEditable } from '../editing';
import { isPost, isTikTok, videoId } from './routes';
import { selectors } from './selectors';

/** FNV-1a: a short stable digest of the text, so the same comment gets the same id on every visit. */
function digest(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}

function handleOf(item: Element): string | undefined {
  const href = item.querySelector(`${selectors.username} a[href^="/@"]`)?.getAttribute('href') ?? item.querySelector('a[href^="/@"]')?.getAttribute('href');
  return /^\/(@[\w.-]+)/.exec(href ?? '')?.[1];
}

/**
 * TikTok's markup carries no comment id, so one is derived from what identifies a comment on the
 * page: the video, the author and the text. Two identical comments by one author on one video
 * share an id (and a badge), which is the only collision this allows.
 */
function idOf(item: Element, video: string): string | undefined {
  const handle = handleOf(item);
  const text = item.querySelector(selectors.text);
  return handle && text ? `${video}:${handle.slice(1)}:${digest(readText(text))}` : undefined;
}

function isoDate(item: Element): string | undefined {
  const shown = item.querySelector(selectors.date)?.textContent?.trim() ?? '';
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(shown);
  return m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : undefined;
}

export const tiktokAdapter: PlatformAdapter = {
  id: 'tiktok',
  matches: isTikTok,
  // The For You feed shows comments only in the panel of an opened video, which has its own URL.
  expectsComments: isPost,

  findComments: (root) => queryAllIncludingSelf(root, selectors.comment),

  extract(el): ExtractedComment | null {
    const url = new URL(el.ownerDocument.location?.href ?? 'https://www.tiktok.com/');
    const video = videoId(url);
    const nativeId = video && idOf(el, video);
    if (!video || !nativeId) return null;
    const handle = handleOf(el)!;
    const name = el.querySelector(selectors.username)?.textContent?.trim() || handle;
    const inReplies = el.closest(selectors.replies);
    const top = inReplies?.closest(selectors.thread)?.querySelector(selectors.comment);
    const parentId = top && top !== el ? idOf(top, video) : undefined;
    const publishedAt = isoDate(el);
    return {
      platform: 'tiktok',
      nativeId,
      author: { name, handle },
      text: readText(el.querySelector(selectors.text)),
      // Comments have no address of their own: the video's is where a reply is written.
      permalink: `https://www.tiktok.com${url.pathname.replace(/\/$/, '')}`,
      ...(publishedAt ? { publishedAt } : {}),
      ...(parentId ? { parentId } : {}),
    };
  },

  findComposers: (root) => queryAllIncludingSelf(root, selectors.composer),
  readComposer: readEditable,

  // Draft.js breaks on execCommand (its React tree throws): the paste path only, as on X.
  ...editorInput('paste'),

  anchorFor: (el) => el.querySelector(selectors.replyButton)?.parentElement ?? el,
};

import type { ExtractedComment, PlatformAdapter } from '../types';
import { queryAllIncludingSelf, readText } from '../dom';
import { readEditable, writeRichEditor } from '../editing';
import { isProfile, isThread, isTimeline, isX, threadId } from './routes';
import { selectors } from './selectors';

function statusId(href: string): string | undefined {
  return /\/status\/(\d+)/.exec(href)?.[1];
}

export const xAdapter: PlatformAdapter = {
  id: 'x',
  matches: isX,
  expectsComments: (url) => isThread(url) || isTimeline(url) || isProfile(url),

  findComments: (root) => queryAllIncludingSelf(root, selectors.tweet),

  extract(el): ExtractedComment | null {
    if (el.querySelector(selectors.promoted)) return null;
    const link = el.querySelector<HTMLAnchorElement>(selectors.permalink);
    const nativeId = link && statusId(link.getAttribute('href') ?? '');
    if (!link || !nativeId) return null;
    const nameBlock = el.querySelector(selectors.userName);
    const handle = Array.from(nameBlock?.querySelectorAll('span') ?? [])
      .map((s) => s.textContent?.trim() ?? '')
      .find((t) => /^@\w{1,15}$/.test(t));
    const name = nameBlock?.querySelector('a span, span')?.textContent?.trim() || handle || '';
    const pageUrl = new URL(el.ownerDocument.location?.href ?? 'https://x.com/');
    const focal = threadId(pageUrl);
    return {
      platform: 'x',
      nativeId,
      author: { name, ...(handle ? { handle } : {}) },
      text: readText(el.querySelector(selectors.tweetText)),
      permalink: new URL(link.getAttribute('href')!, 'https://x.com').href,
      publishedAt: link.querySelector('time')?.getAttribute('datetime') ?? undefined,
      ...(focal && focal !== nativeId ? { parentId: focal } : {}),
    };
  },

  findComposers: (root) => queryAllIncludingSelf(root, selectors.composer),
  readComposer: readEditable,

  async writeComposer(el, text, mode) {
    // Draft.js breaks on execCommand (its React tree throws): the paste path only.
    await writeRichEditor(el as HTMLElement, text, mode, { allowExecCommand: false });
    return readEditable(el).includes(text.split('\n')[0]!);
  },

  anchorFor: (el) => el.querySelector(selectors.actionBar) ?? el,

  currentAccount(doc) {
    const href = doc.querySelector(selectors.profileLink)?.getAttribute('href');
    return href ? `@${href.replace(/^\//, '')}` : undefined;
  },
};

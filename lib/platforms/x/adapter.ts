import type { ExtractedComment, PlatformAdapter } from '../types';
import { queryAllIncludingSelf, readText, TEXT_NODE } from '../dom';
import { editorInput, readEditable } from '../editing';
import { isProfile, isThread, isTimeline, isX, threadId } from './routes';
import { adLabels, selectors } from './selectors';

const HANDLE = /^@\w{1,15}$/;

function statusId(href: string): string | undefined {
  return /\/status\/(\d+)/.exec(href)?.[1];
}

/** A span with more text than the longest label and a little space around it is no label. */
const AD_TEXT_MAX = Math.max(...Array.from(adLabels, (l) => l.length)) + 4;

function isAd(tweet: Element): boolean {
  // The label is a span holding just its word. Reading every span's whole text (textContent walks
  // the subtree) cost more than the rest of the tweet's extraction together.
  for (const span of tweet.getElementsByTagName('span')) {
    const text = span.firstChild;
    if (!text || text !== span.lastChild || text.nodeType !== TEXT_NODE) continue;
    const word = text.nodeValue!;
    if (word.length > AD_TEXT_MAX) continue;
    if (adLabels.has(word.trim()) && !span.closest(selectors.notAdLabel)) return true;
  }
  return false;
}

/** The thread's own post, from the page URL; parsed once per URL, not once per tweet. */
let lastHref = '';
let lastFocal: string | undefined;
function focalId(href: string): string | undefined {
  if (href !== lastHref) {
    lastHref = href;
    lastFocal = threadId(new URL(href));
  }
  return lastFocal;
}

export const xAdapter: PlatformAdapter = {
  id: 'x',
  matches: isX,
  expectsComments: (url) => isThread(url) || isTimeline(url) || isProfile(url),

  findComments: (root) => queryAllIncludingSelf(root, selectors.tweet),

  extract(el): ExtractedComment | null {
    if (isAd(el)) return null;
    const time = el.querySelector(selectors.timestamp);
    const href = time?.closest('a')?.getAttribute('href') ?? '';
    const nativeId = statusId(href);
    if (!time || !nativeId) return null;
    const nameBlock = el.querySelector(selectors.userName);
    let handle: string | undefined;
    for (const span of nameBlock?.querySelectorAll('span') ?? []) {
      const text = span.textContent?.trim() ?? '';
      if (HANDLE.test(text)) {
        handle = text;
        break;
      }
    }
    const name = nameBlock?.querySelector('a span, span')?.textContent?.trim() || handle || '';
    const focal = focalId(el.ownerDocument.location?.href ?? 'https://x.com/');
    return {
      platform: 'x',
      nativeId,
      author: { name, ...(handle ? { handle } : {}) },
      text: readText(el.querySelector(selectors.tweetText)),
      permalink: `https://x.com${href.replace(/^https:\/\/(x|twitter)\.com/, '')}`,
      publishedAt: time.getAttribute('datetime') ?? undefined,
      ...(focal && focal !== nativeId ? { parentId: focal } : {}),
    };
  },

  findComposers: (root) => queryAllIncludingSelf(root, selectors.composer),
  readComposer: readEditable,

  // Draft.js breaks on execCommand (its React tree throws): the paste path only.
  ...editorInput('paste'),

  anchorFor: (el) => el.querySelector(selectors.actionBar) ?? el,

  currentAccount(doc) {
    const href = doc.querySelector(selectors.profileLink)?.getAttribute('href');
    return href ? `@${href.replace(/^\//, '')}` : undefined;
  },
};

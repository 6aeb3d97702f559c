import type { ExtractedComment, PlatformAdapter } from '../types';
import { queryAllIncludingSelf, readText, TEXT_NODE } from '../dom';
import { editorInput, readEditable } from '../editing';
import { isProfile, isThread, isTimeline, isX, threadId } from './routes';
import { adLabels, selectors } from './selectors';

const HANDLE = /^@\w{1,15}$/;

/** The account in a permalink, /<handle>/status/<id> (x.com or twitter.com, or the path alone); X's own /i/status/<id> names none. */
const OWNER = /^(?:https:\/\/(?:x|twitter)\.com)?\/(\w{1,15})\/status\//;

/** The first span of the name block that reads as a handle, for a permalink that names no account. */
function handleSpan(tweet: Element): string | undefined {
  const spans = tweet.querySelector(selectors.userName)?.querySelectorAll('span');
  for (let i = 0, n = spans?.length ?? 0; i < n; i++) {
    const text = spans![i]!.textContent?.trim() ?? '';
    if (HANDLE.test(text)) return text;
  }
  return undefined;
}

function statusId(href: string): string | undefined {
  return /\/status\/(\d+)/.exec(href)?.[1];
}

/** A span with more text than the longest label and a little space around it is no label. */
const AD_TEXT_MAX = Math.max(...Array.from(adLabels, (l) => l.length)) + 4;
/** Any label anywhere in a text, even inside a word: only ever a sign that a tweet may hold one. */
const AD_LABEL_INSIDE = new RegExp(Array.from(adLabels, (l) => l.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'));

function isAd(tweet: Element): boolean {
  // Reading the spans one by one cost more than the rest of the extraction together. A label is one
  // of the tweet's text nodes, so it is in the tweet's textContent too: that one native read rules
  // out nearly every tweet before any span is looked at.
  if (!AD_LABEL_INSIDE.test(tweet.textContent ?? '')) return false;
  // The label is a span holding just its word. Indexed: for...of over the live collection cost twice as much.
  const spans = tweet.getElementsByTagName('span');
  for (let i = 0, n = spans.length; i < n; i++) {
    const span = spans[i]!;
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
    // The author's handle is the permalink's first segment (/<handle>/status/<id>), the display name
    // the name block's first span: two reads. Walking the block's spans for the one that reads as a
    // handle cost ten calls into the page's DOM a tweet, each a crossing from this script's world.
    const name = el.querySelector(selectors.displayName)?.textContent?.trim() ?? '';
    const owner = OWNER.exec(href)?.[1];
    const handle = owner && owner !== 'i' ? `@${owner}` : handleSpan(el);
    // The same string as location.href, without going through the Location object on every tweet.
    const focal = focalId(el.ownerDocument.URL);
    const comment: ExtractedComment = {
      platform: 'x',
      nativeId,
      author: handle ? { name: name || handle, handle } : { name },
      text: readText(el.querySelector(selectors.tweetText)),
      permalink: `https://x.com${href.replace(/^https:\/\/(x|twitter)\.com/, '')}`,
      publishedAt: time.getAttribute('datetime') ?? undefined,
    };
    if (focal && focal !== nativeId) comment.parentId = focal;
    return comment;
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

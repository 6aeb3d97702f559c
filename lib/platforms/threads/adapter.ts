import type { ExtractedComment, PlatformAdapter } from '../types';
import { perTurn, queryAllIncludingSelf, readText } from '../dom';
import { editorInput, readEditable } from '../editing';
import { isFeed, isPost, isProfile, isThreads, postCode } from './routes';
import { selectors } from './selectors';

/** Matches of selector in el's own block, not in a post quoted or nested inside it. */
const own = (el: Element, selector: string) => Array.from(el.querySelectorAll(selector)).filter((m) => m.closest(selectors.post) === el);

/** Text spans outside links (the username, the date) and not inside another text span. */
function textOf(el: Element): string {
  const spans = own(el, selectors.text).filter((s) => !s.closest('a') && !s.parentElement?.closest(selectors.text));
  return spans.map((s) => readText(s)).join('\n');
}

/** The page's URL; a saved page read by the command line has none, but keeps its canonical link. */
function pageUrl(doc: Document): URL {
  const href = doc.location?.href;
  if (href?.startsWith('https:')) return new URL(href);
  return new URL(doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? '/', 'https://www.threads.com');
}

const codeOf = (post: Element): string | undefined => /\/post\/([\w-]+)/.exec(own(post, selectors.permalink)[0]?.getAttribute('href') ?? '')?.[1];

const POSTS = Symbol('threads posts');

/** The codes of the page's top-level posts in order, read once for a run of reads (perTurn). */
const postOrder = (doc: Document): string[] =>
  perTurn(doc, POSTS, '', () =>
    Array.from(doc.querySelectorAll(selectors.post))
      .filter((p) => p.parentElement?.closest(selectors.post) === null)
      .map(codeOf)
      .filter((c): c is string => c !== undefined),
  );

/**
 * A post's parent on a post page, which shows no parent ids: the posts above the one the page is
 * about are its chain of parents; below it, the first reply answers it, and the replies after that
 * answer it or a reply above them (Threads shows a reply's answers under it): unknown, not made up.
 */
function threadParent(el: Element, code: string, focal: string): Pick<ExtractedComment, 'parentId' | 'parentUnknown'> {
  const order = postOrder(el.ownerDocument);
  const at = order.indexOf(code);
  const focalAt = order.indexOf(focal);
  if (at < 0 || focalAt < 0) return {};
  if (at <= focalAt) return at > 0 ? { parentId: order[at - 1]! } : {};
  return at === focalAt + 1 ? { parentId: focal } : { parentUnknown: true };
}

export const threadsAdapter: PlatformAdapter = {
  id: 'threads',
  matches: isThreads,
  expectsComments: (url) => isPost(url) || isFeed(url) || isProfile(url),

  findComments: (root) => queryAllIncludingSelf(root, selectors.post),

  extract(el): ExtractedComment | null {
    const link = own(el, selectors.permalink)[0];
    const href = link?.getAttribute('href') ?? '';
    const match = /^(?:https:\/\/www\.threads\.(?:com|net))?\/(@[\w.]+)\/post\/([\w-]+)/.exec(href);
    // Ads ("Sponsorisé") and suggestion cards carry no post permalink.
    if (!match) return null;
    const [, handle, code] = match as unknown as [string, string, string];
    const name = own(el, selectors.authorLink)[0]?.textContent?.trim() || handle.slice(1);
    const focal = postCode(pageUrl(el.ownerDocument));
    return {
      platform: 'threads',
      nativeId: code,
      author: { name, handle },
      text: textOf(el),
      permalink: `https://www.threads.com/${handle}/post/${code}`,
      publishedAt: link!.querySelector('time')?.getAttribute('datetime') ?? undefined,
      ...(focal ? threadParent(el, code, focal) : {}),
    };
  },

  findComposers: (root) => queryAllIncludingSelf(root, selectors.composer),
  readComposer: readEditable,

  // Lexical takes the synthetic paste (and cancels it); execCommand is its beforeinput fallback.
  ...editorInput('paste-or-type'),

  anchorFor: (el) => own(el, selectors.actionBar).at(-1) ?? el,
};

/** URL predicates for new Reddit (the "shreddit" web-component site) and old Reddit. Each lists URLs it must accept. */
const newHosts = new Set(['www.reddit.com', 'reddit.com', 'sh.reddit.com']);

/** old.reddit.com serves the r2 markup (div.thing), read by lib/platforms/reddit/old.ts. */
export const isOldReddit = (url: URL) => url.hostname === 'old.reddit.com';

export const isReddit = (url: URL) => newHosts.has(url.hostname) || isOldReddit(url);

/** https://www.reddit.com/r/vigie_demo/comments/1gvigie/title/ and a comment's own permalink below it */
export const isThread = (url: URL) => isReddit(url) && /^\/(r|user|u)\/[^/]+\/comments\/[a-z0-9]+/i.test(url.pathname);

/**
 * https://www.reddit.com/, https://www.reddit.com/r/vigie_demo/, /r/vigie_demo/new/, /r/popular/;
 * on old Reddit also its own sorts and /r/<sub>/comments/, the subreddit's latest comments.
 * Moderation queues (/about/modqueue...) are read but not expected to hold anything: an empty queue is normal.
 */
export const isFeed = (url: URL) =>
  isReddit(url) &&
  (url.pathname === '/' ||
    /^\/r\/[^/]+\/?(hot|new|top|rising|best)?\/?$/.test(url.pathname) ||
    (isOldReddit(url) && /^\/r\/[^/]+\/(controversial|gilded|comments)\/?$/.test(url.pathname)));

/** The post id (base 36) of a thread URL. */
export const threadId = (url: URL) => /^\/(?:r|user|u)\/[^/]+\/comments\/([a-z0-9]+)/i.exec(url.pathname)?.[1];

export const matchPatterns = ['https://www.reddit.com/*', 'https://reddit.com/*', 'https://sh.reddit.com/*', 'https://old.reddit.com/*'];

export const testUrls = {
  thread: [
    'https://www.reddit.com/r/vigie_demo/comments/1gvigie/livraison_en_retard/',
    'https://www.reddit.com/r/vigie_demo/comments/1gvigie/livraison_en_retard/lx0vig1/',
    'https://reddit.com/user/VigieDemo/comments/1gvuser/annonce/',
    'https://old.reddit.com/r/vigie_demo/comments/1gvigie/livraison_en_retard/',
    'https://old.reddit.com/r/vigie_demo/comments/1gvigie/livraison_en_retard/lx0vig2/?context=3',
  ],
  feed: [
    'https://www.reddit.com/',
    'https://www.reddit.com/r/vigie_demo/',
    'https://www.reddit.com/r/vigie_demo/new/',
    'https://old.reddit.com/',
    'https://old.reddit.com/r/vigie_demo/',
    'https://old.reddit.com/r/vigie_demo/controversial/',
    'https://old.reddit.com/r/vigie_demo/comments/',
    'https://old.reddit.com/r/mod/',
  ],
  other: [
    'https://www.reddit.com/settings/',
    'https://www.reddit.com/r/vigie_demo/wiki/index',
    'https://old.reddit.com/prefs/',
    'https://old.reddit.com/r/vigie_demo/about/modqueue/',
    'https://old.reddit.com/message/inbox/',
  ],
};

/** URL predicates for new Reddit (the "shreddit" web-component site). Each lists URLs it must accept. */
// old.reddit.com serves different markup (table-era .thing divs): not matched, so the adapter never
// reports a healthy page it cannot read.
const hosts = new Set(['www.reddit.com', 'reddit.com', 'sh.reddit.com']);

export const isReddit = (url: URL) => hosts.has(url.hostname);

/** https://www.reddit.com/r/vigie_demo/comments/1gvigie/title/ and a comment's own permalink below it */
export const isThread = (url: URL) => isReddit(url) && /^\/(r|user|u)\/[^/]+\/comments\/[a-z0-9]+/i.test(url.pathname);

/** https://www.reddit.com/, https://www.reddit.com/r/vigie_demo/, /r/vigie_demo/new/, /r/popular/ */
export const isFeed = (url: URL) => isReddit(url) && (url.pathname === '/' || /^\/r\/[^/]+\/?(hot|new|top|rising|best)?\/?$/.test(url.pathname));

/** The post id (base 36) of a thread URL. */
export const threadId = (url: URL) => /^\/(?:r|user|u)\/[^/]+\/comments\/([a-z0-9]+)/i.exec(url.pathname)?.[1];

export const matchPatterns = ['https://www.reddit.com/*', 'https://reddit.com/*', 'https://sh.reddit.com/*'];

export const testUrls = {
  thread: [
    'https://www.reddit.com/r/vigie_demo/comments/1gvigie/livraison_en_retard/',
    'https://www.reddit.com/r/vigie_demo/comments/1gvigie/livraison_en_retard/lx0vig1/',
    'https://reddit.com/user/VigieDemo/comments/1gvuser/annonce/',
  ],
  feed: ['https://www.reddit.com/', 'https://www.reddit.com/r/vigie_demo/', 'https://www.reddit.com/r/vigie_demo/new/'],
  other: ['https://www.reddit.com/settings/', 'https://old.reddit.com/r/vigie_demo/comments/1gvigie/x/', 'https://www.reddit.com/r/vigie_demo/wiki/index'],
};

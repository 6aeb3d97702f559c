/** URL predicates for Threads (threads.com since 2025; threads.net redirects there). Each lists URLs it must accept. */
const hosts = new Set(['www.threads.com', 'threads.com', 'www.threads.net', 'threads.net']);

export const isThreads = (url: URL) => hosts.has(url.hostname);

/** https://www.threads.com/@vigie_demo/post/DCvIgIeDeMo */
export const isPost = (url: URL) => isThreads(url) && /^\/@[\w.]+\/post\/[\w-]+/.test(url.pathname);

/** The home feed and the activity / search pages: https://www.threads.com/, /search?q=vigie */
export const isFeed = (url: URL) => isThreads(url) && /^\/(for_you|following|search|activity)?\/?$/.test(url.pathname);

/** A profile's posts or replies: https://www.threads.com/@vigie_demo, /@vigie_demo/replies */
export const isProfile = (url: URL) => isThreads(url) && /^\/@[\w.]+\/?(replies|reposts)?\/?$/.test(url.pathname);

/** The post code in a post URL. */
export const postCode = (url: URL) => /^\/@[\w.]+\/post\/([\w-]+)/.exec(url.pathname)?.[1];

export const matchPatterns = ['https://www.threads.com/*', 'https://threads.com/*', 'https://www.threads.net/*', 'https://threads.net/*'];

export const testUrls = {
  post: ['https://www.threads.com/@vigie_demo/post/DCvIgIeDeMo', 'https://www.threads.net/@marie.dpt/post/DCvIgIeRep01/media'],
  feed: ['https://www.threads.com/', 'https://www.threads.com/search?q=vigie', 'https://www.threads.com/following'],
  profile: ['https://www.threads.com/@vigie_demo', 'https://www.threads.com/@vigie_demo/replies'],
  other: ['https://www.threads.com/settings/privacy', 'https://www.threads.com.evil.example/@vigie_demo'],
};

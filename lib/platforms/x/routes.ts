/** URL predicates for X. Each lists URLs it must accept (and the tests check them). */
const hosts = new Set(['x.com', 'twitter.com', 'mobile.x.com', 'mobile.twitter.com']);

export const isX = (url: URL) => hosts.has(url.hostname);

/** https://x.com/vigie_demo/status/1850000000000000001 */
export const isThread = (url: URL) => isX(url) && /^\/[^/]+\/status\/\d+/.test(url.pathname);

/** https://x.com/home, https://x.com/search?q=vigie, https://x.com/notifications */
export const isTimeline = (url: URL) => isX(url) && /^\/(home|search|notifications|explore)\b/.test(url.pathname);

/** https://x.com/vigie_demo (a profile's posts) */
export const isProfile = (url: URL) => isX(url) && /^\/[A-Za-z0-9_]{1,15}\/?$/.test(url.pathname) && !isTimeline(url);

export const threadId = (url: URL) => /^\/[^/]+\/status\/(\d+)/.exec(url.pathname)?.[1];

/** Where the content script is injected (manifest match patterns). */
export const matchPatterns = ['https://x.com/*', 'https://twitter.com/*', 'https://mobile.x.com/*', 'https://mobile.twitter.com/*'];

export const testUrls = {
  thread: ['https://x.com/vigie_demo/status/1850000000000000001', 'https://twitter.com/a/status/42/photo/1'],
  timeline: ['https://x.com/home', 'https://x.com/search?q=vigie&src=typed_query', 'https://x.com/notifications'],
  profile: ['https://x.com/vigie_demo'],
  other: ['https://x.com/settings/account', 'https://example.com/home'],
};

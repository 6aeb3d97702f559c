/** URL predicates for Bluesky's web app (bsky.app). */
const hosts = new Set(['bsky.app', 'main.bsky.dev']);

export const isBluesky = (url: URL) => hosts.has(url.hostname);

const threadPath = /^\/profile\/([^/]+)\/post\/([\w.:~-]{1,64})\/?$/;

/** https://bsky.app/profile/vigie.bsky.social/post/3lvigieqqq2aa (a post and its replies) */
export const isThread = (url: URL) => isBluesky(url) && threadPath.test(url.pathname);

/** https://bsky.app/ (Following / Discover), a custom feed, search, notifications, a hashtag */
export const isFeed = (url: URL) =>
  isBluesky(url) && (url.pathname === '/' || /^\/(search|notifications|hashtag\/[^/]+|profile\/[^/]+\/feed\/[^/]+)\/?$/.test(url.pathname));

/** https://bsky.app/profile/vigie.bsky.social (a profile's posts) */
export const isProfile = (url: URL) => isBluesky(url) && /^\/profile\/[^/]+\/?$/.test(url.pathname);

/**
 * The focal post of a thread page: its author as the URL names it (a handle or a DID, which the
 * page itself may not use) and its record key.
 */
export function focalPost(url: URL): { actor: string; rkey: string } | undefined {
  const m = isBluesky(url) ? threadPath.exec(url.pathname) : null;
  return m ? { actor: decodeURIComponent(m[1]!), rkey: m[2]! } : undefined;
}

/** Where the content script is injected (manifest match patterns). */
export const matchPatterns = ['https://bsky.app/*', 'https://main.bsky.dev/*'];

export const testUrls = {
  thread: ['https://bsky.app/profile/vigie.bsky.social/post/3lvigieqqq2aa', 'https://bsky.app/profile/did:plc:3a2x2v2x2t1a2q372z3d1a37/post/3lvigiedid2bb'],
  feed: ['https://bsky.app/', 'https://bsky.app/search?q=vigie', 'https://bsky.app/notifications', 'https://bsky.app/profile/bsky.app/feed/whats-hot'],
  profile: ['https://bsky.app/profile/vigie.bsky.social'],
  other: ['https://bsky.app/settings', 'https://bsky.app/messages', 'https://bsky.social/about'],
};

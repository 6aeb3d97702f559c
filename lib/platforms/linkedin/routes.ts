/** URL predicates for LinkedIn. Each lists URLs it must accept. */
const hosts = new Set(['www.linkedin.com', 'linkedin.com']);

export const isLinkedIn = (url: URL) => hosts.has(url.hostname);

/** The home feed: https://www.linkedin.com/feed/ */
export const isFeed = (url: URL) => isLinkedIn(url) && /^\/feed\/?$/.test(url.pathname);

/** One post: /feed/update/urn:li:activity:<id>/ or a vanity /posts/<slug>-activity-<id>-<x>/ */
export const isPost = (url: URL) => isLinkedIn(url) && (/^\/feed\/update\/urn:li:(activity|share|ugcPost):\d+/.test(url.pathname) || /^\/posts\/[^/]*-activity-\d+/.test(url.pathname));

/** A company page's or a member's posts: /company/<name>/posts/, /in/<name>/recent-activity/all/ */
export const isActivity = (url: URL) => isLinkedIn(url) && (/^\/company\/[^/]+\/posts\/?$/.test(url.pathname) || /^\/in\/[^/]+\/recent-activity\b/.test(url.pathname));

export const matchPatterns = ['https://www.linkedin.com/*', 'https://linkedin.com/*'];

export const testUrls = {
  feed: ['https://www.linkedin.com/feed/', 'https://linkedin.com/feed'],
  post: [
    'https://www.linkedin.com/feed/update/urn:li:activity:7265000000000000001/',
    'https://www.linkedin.com/feed/update/urn:li:activity:7265000000000000001/?commentUrn=urn%3Ali%3Acomment%3A%28activity%3A7265000000000000001%2C7265100000000000011%29',
    'https://www.linkedin.com/posts/vigie-demo_hiver-collection-activity-7265000000000000001-AbCd/',
  ],
  activity: ['https://www.linkedin.com/company/vigie-demo/posts/', 'https://www.linkedin.com/in/marie-dupont/recent-activity/all/'],
  other: ['https://www.linkedin.com/messaging/', 'https://www.linkedin.com/jobs/view/123/', 'https://www.linkedin.com.evil.example/feed/'],
};

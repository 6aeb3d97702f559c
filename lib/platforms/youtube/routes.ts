/** URL predicates for YouTube (desktop web; m.youtube.com renders ytm-* elements, not covered). */
const hosts = new Set(['www.youtube.com', 'youtube.com']);

export const isYouTube = (url: URL) => hosts.has(url.hostname);

/** https://www.youtube.com/watch?v=dQw4w9WgXcQ (comments under the video) */
export const isWatch = (url: URL) => isYouTube(url) && url.pathname === '/watch' && /^[\w-]{11}$/.test(url.searchParams.get('v') ?? '');

/** https://www.youtube.com/shorts/aqz-KE-bpKQ (comments open in a side panel on demand) */
export const isShorts = (url: URL) => isYouTube(url) && /^\/shorts\/[\w-]{11}\/?$/.test(url.pathname);

/** https://www.youtube.com/post/UgkxAbC... (a channel's community post with its comments) */
export const isPost = (url: URL) => isYouTube(url) && /^\/post\/Ugk[\w-]+\/?$/.test(url.pathname);

export const videoId = (url: URL) => (isWatch(url) ? url.searchParams.get('v')! : /^\/shorts\/([\w-]{11})/.exec(url.pathname)?.[1]);

/** Where the content script is injected (manifest match patterns). */
export const matchPatterns = ['https://www.youtube.com/*', 'https://youtube.com/*'];

export const testUrls = {
  watch: ['https://www.youtube.com/watch?v=vIgIeDeMo01', 'https://youtube.com/watch?v=dQw4w9WgXcQ&t=42s&lc=UgzAbc'],
  shorts: ['https://www.youtube.com/shorts/aqz-KE-bpKQ'],
  post: ['https://www.youtube.com/post/UgkxVigieDemoPost01'],
  other: ['https://www.youtube.com/', 'https://www.youtube.com/feed/subscriptions', 'https://www.youtube.com/watch?v=short', 'https://m.youtube.com/watch?v=dQw4w9WgXcQ'],
};

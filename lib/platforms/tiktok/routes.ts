/** URL predicates for TikTok (desktop web). */
const hosts = new Set(['www.tiktok.com', 'tiktok.com']);

export const isTikTok = (url: URL) => hosts.has(url.hostname);

const postPath = /^\/@[\w.-]+\/(?:video|photo)\/(\d{6,25})\/?$/;

/** https://www.tiktok.com/@vigie.demo/video/7440000000000000001 (a video and its comments) */
export const isPost = (url: URL) => isTikTok(url) && postPath.test(url.pathname);

/** https://www.tiktok.com/foryou, /following, /explore: comments only in the panel of an opened video */
export const isFeed = (url: URL) => isTikTok(url) && /^\/(foryou|following|explore)?\/?$/.test(url.pathname);

export const videoId = (url: URL) => (isTikTok(url) ? postPath.exec(url.pathname)?.[1] : undefined);

/** Where the content script is injected (manifest match patterns). */
export const matchPatterns = ['https://www.tiktok.com/*', 'https://tiktok.com/*'];

export const testUrls = {
  post: ['https://www.tiktok.com/@vigie.demo/video/7440000000000000001', 'https://www.tiktok.com/@marie_dpt/photo/7440000000000000009?lang=fr'],
  feed: ['https://www.tiktok.com/', 'https://www.tiktok.com/foryou', 'https://www.tiktok.com/explore'],
  other: ['https://www.tiktok.com/@vigie.demo', 'https://www.tiktok.com/messages', 'https://www.tiktok.com/@vigie.demo/video/abc'],
};

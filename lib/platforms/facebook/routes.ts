/** URL predicates for Facebook (the "Comet" React site on www). Each lists URLs it must accept. */
// m.facebook.com and mbasic serve server-rendered markup of their own: not matched.
const hosts = new Set(['www.facebook.com', 'web.facebook.com', 'facebook.com']);

export const isFacebook = (url: URL) => hosts.has(url.hostname);

const POST_PATHS = [
  /^\/[^/]+\/posts\/[\w-]+/, // /VigieDemo/posts/pfbid02... or a numeric id
  /^\/groups\/[^/]+\/(posts|permalink)\/\d+/,
  /^\/(permalink|story|photo)\.php$/,
  /^\/photo\/?$/,
  /^\/[^/]+\/videos\/[\w-]+/,
  /^\/(watch|reel)\b/,
];

/** A post, photo or video page, where the comments are open: https://www.facebook.com/VigieDemo/posts/pfbid02Vig1e */
export const isPost = (url: URL) => isFacebook(url) && POST_PATHS.some((p) => p.test(url.pathname));

export const matchPatterns = ['https://www.facebook.com/*', 'https://web.facebook.com/*', 'https://facebook.com/*'];

export const testUrls = {
  post: [
    'https://www.facebook.com/VigieDemo/posts/pfbid02Vig1eDem0PostA',
    'https://www.facebook.com/VigieDemo/posts/1234567890123456',
    'https://www.facebook.com/groups/vigiedemo/posts/987654321098765/',
    'https://www.facebook.com/permalink.php?story_fbid=pfbid0abc&id=100064',
    'https://www.facebook.com/photo/?fbid=1234567890&set=a.987',
    'https://web.facebook.com/VigieDemo/videos/1234567890/',
    'https://www.facebook.com/watch/?v=1234567890',
  ],
  other: ['https://www.facebook.com/', 'https://www.facebook.com/VigieDemo', 'https://www.facebook.com/messages/t/123', 'https://m.facebook.com/VigieDemo/posts/pfbid02Vig1eDem0PostA'],
};

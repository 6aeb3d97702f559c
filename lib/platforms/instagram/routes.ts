/** URL predicates for Instagram. Each lists URLs it must accept. */
const hosts = new Set(['www.instagram.com', 'instagram.com']);

export const isInstagram = (url: URL) => hosts.has(url.hostname);

const POST = /^\/(?:[\w.]+\/)?(?:p|reel|tv)\/([\w-]+)/;

/** A post or reel page, where comments are open: /p/<code>/, /reel/<code>/, /<user>/p/<code>/ */
export const isPost = (url: URL) => isInstagram(url) && POST.test(url.pathname);

export const postCode = (url: URL) => POST.exec(url.pathname)?.[1];

export const matchPatterns = ['https://www.instagram.com/*', 'https://instagram.com/*'];

export const testUrls = {
  post: [
    'https://www.instagram.com/p/DCvIgIeDeMo/',
    'https://www.instagram.com/vigie_demo/p/DCvIgIeDeMo/',
    'https://www.instagram.com/reel/DCvIgIeReeL/',
    'https://www.instagram.com/p/DCvIgIeDeMo/c/18012345678901234/',
  ],
  other: ['https://www.instagram.com/', 'https://www.instagram.com/vigie_demo/', 'https://www.instagram.com/direct/inbox/', 'https://www.instagram.com.evil.example/p/DCvIgIeDeMo/'],
};

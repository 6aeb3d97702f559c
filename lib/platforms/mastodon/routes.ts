/**
 * URL predicates for Mastodon's web app, on any instance. The host alone says nothing (any domain
 * can run Mastodon), so the adapter matches the instances the user added (hosts.ts) and the
 * content script checks the page's markup before starting.
 */

/** Large instances offered to the user first; each still needs its host permission granted. */
export const suggestedInstances = ['mastodon.social', 'mastodon.online', 'mstdn.social', 'piaille.fr', 'framapiaf.org', 'mastodon.world'];

const acct = String.raw`@[\w.-]+(?:@[\w.-]+\.[a-z]{2,})?`;
const threadPath = new RegExp(String.raw`^(?:/deck)?/(${acct})/(\d{1,20})/?$`, 'i');

/** https://mastodon.social/@vigie/113500000000000001, /@marie@piaille.fr/113500000000000002 */
export const isThread = (url: URL) => threadPath.test(url.pathname);

/** https://mastodon.social/home, /public/local, /explore, /tags/mode, /notifications, /lists/12 */
export const isTimeline = (url: URL) =>
  /^(?:\/deck)?\/(home|notifications|public(\/local|\/remote)?|explore(\/\w+)?|tags\/[^/]+|lists\/\d+|bookmarks|favourites)\/?$/.test(url.pathname);

/** https://mastodon.social/@vigie, /@vigie/with_replies */
export const isProfile = (url: URL) => new RegExp(String.raw`^(?:/deck)?/${acct}(/with_replies|/media)?/?$`, 'i').test(url.pathname);

export const threadId = (url: URL) => threadPath.exec(url.pathname)?.[2];

/** A bare host name as the user may type it: "Mastodon.Social", "https://piaille.fr/", "piaille.fr/@x". */
export function normalizeHost(input: string): string | undefined {
  const raw = input.trim().toLowerCase().replace(/^https?:\/\//, '').split(/[/?#]/)[0]!;
  return /^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/.test(raw) ? raw : undefined;
}

/** The match pattern a granted instance's content script is registered for. */
export const instancePattern = (host: string) => `https://${host}/*`;

export const testUrls = {
  thread: ['https://mastodon.social/@vigie/113500000000000001', 'https://piaille.fr/@marie_dpt@mastodon.social/113500000000000002', 'https://mastodon.social/deck/@vigie/113500000000000001'],
  timeline: ['https://mastodon.social/home', 'https://mastodon.social/public/local', 'https://mastodon.social/tags/mode', 'https://mastodon.social/notifications'],
  profile: ['https://mastodon.social/@vigie', 'https://mastodon.social/@marie_dpt@piaille.fr/with_replies'],
  other: ['https://mastodon.social/settings/profile', 'https://mastodon.social/about', 'https://mastodon.social/auth/sign_in'],
};

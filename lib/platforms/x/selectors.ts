/**
 * X (x.com) markup, as served to logged-in web users in 2025-2026. X tags what matters with
 * data-testid; class names are generated and change on every deploy, so none is used.
 * Fixture pages where each must match: tests/fixtures/x/home.html, tests/fixtures/x/thread.html.
 */
export const selectors = {
  /** A post or a reply: one <article> per tweet in the timeline and in a conversation. */
  tweet: 'article[data-testid="tweet"]',
  /** The tweet body; absent on media-only tweets. */
  tweetText: 'div[data-testid="tweetText"]',
  /** Display name and @handle block at the top of a tweet. */
  userName: 'div[data-testid="User-Name"]',
  /** The timestamp: its link's href is the permalink /<handle>/status/<id>, its datetime the date. */
  timestamp: 'a[href*="/status/"] time',
  /** "Promoted" label, on ads inserted in timelines: not comments to triage. */
  promoted: '[data-testid="placementTracking"]',
  /** The reply box: Draft.js's contenteditable, numbered by position in a thread composer. */
  composer: 'div[data-testid^="tweetTextarea_"][contenteditable="true"]',
  /** The row of reply/retweet/like buttons, where Vigie puts its badge. */
  actionBar: 'div[role="group"]',
  /** The side bar's "Profile" link: its href is the logged-in account (/<handle>). home.html, thread.html. */
  profileLink: 'a[data-testid="AppTabBar_Profile_Link"]',
} as const;

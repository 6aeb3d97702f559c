/**
 * X (x.com) markup, as served to logged-in web users in 2025-2026. X tags what matters with
 * data-testid; class names are generated and change on every deploy, so none is used.
 * Fixture pages where each must match: tests/fixtures/x/home.html, thread.html, media.html.
 */
export const selectors = {
  /** A post or a reply: one <article> per tweet in the timeline and in a conversation. */
  tweet: 'article[data-testid="tweet"]',
  /** The tweet body; absent on media-only tweets. */
  tweetText: 'div[data-testid="tweetText"]',
  /** Display name and @handle block at the top of a tweet. */
  userName: 'div[data-testid="User-Name"]',
  /** The display name: the name block's first span (its text, emoji images aside). home.html, thread.html, media.html. */
  displayName: 'div[data-testid="User-Name"] span',
  /** The timestamp: its link's href is the permalink /<handle>/status/<id>, its datetime the date. */
  timestamp: 'a[href*="/status/"] time',
  /**
   * Where a span reading "Ad" is not an ad label: the tweet's own text, a quoted tweet's card, the media
   * (a video's pre-roll shows "Ad" inside the player of an ordinary tweet; placementTracking wraps every
   * player), link cards, and the name and handle links (someone may call themselves "Ad"). media.html.
   */
  notAdLabel: 'div[data-testid="tweetText"], div[role="link"], [data-testid="placementTracking"], [data-testid="videoPlayer"], [data-testid="tweetPhoto"], [data-testid="card.wrapper"], div[data-testid="User-Name"] a',
  /** The reply box: Draft.js's contenteditable, numbered by position in a thread composer. */
  composer: 'div[data-testid^="tweetTextarea_"][contenteditable="true"]',
  /** The row of reply/retweet/like buttons, where Vigie puts its badge. */
  actionBar: 'div[role="group"]',
  /** The side bar's "Profile" link: its href is the logged-in account (/<handle>). home.html, thread.html. */
  profileLink: 'a[data-testid="AppTabBar_Profile_Link"]',
} as const;

/**
 * The label X renders next to the "..." caret of an ad, in the interface's language: the only mark of an ad
 * in the markup. Compared with a span's whole text, never searched for inside a text.
 */
export const adLabels = new Set([
  'Ad', 'Promoted', 'Sponsored', 'Sponsorisé', 'Sponsorisée', 'Publicité', 'Promu', 'Anzeige', 'Gesponsert',
  'Anuncio', 'Promocionado', 'Patrocinado', 'Promovido', 'Annuncio', 'Sponsorizzato', 'Advertentie', 'Gepromoot',
]);

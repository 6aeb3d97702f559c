/**
 * Bluesky web (bsky.app, React Native for Web, 2025-2026): testIDs become data-testid, class
 * names are generated (css-175oi2r r-...). Posts carry their author's handle in the testid.
 * Fixture pages where each must match: tests/fixtures/bluesky/feed.html, thread.html, thread-2.html.
 */
export const selectors = {
  /** A post in a feed (feedItem-by-<handle>) or in a thread (postThreadItem-by-<handle>). */
  post: '[data-testid^="feedItem-by-"], [data-testid^="postThreadItem-by-"]',
  /** The post text; facets (mentions, links, tags) are <a> inside it. */
  postText: '[data-testid="postText"]',
  /** Links to a post (the relative date link of feed and reply items): /profile/<handle>/post/<rkey>. */
  postLink: 'a[href*="/post/"]',
  /** Profile links: the avatar link (no text) and the display-name link. */
  profileLink: 'a[href^="/profile/"]',
  /** The reply and like buttons; the row holding both is where Vigie puts its badge. */
  replyButton: '[data-testid="replyBtn"]',
  likeButton: '[data-testid="likeBtn"]',
  /** The composer (new post or reply dialog): a TipTap editor, class ProseMirror. */
  composer: '.ProseMirror[contenteditable="true"]',
} as const;

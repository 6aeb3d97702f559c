/**
 * Bluesky web (bsky.app, social-app on React Native for Web): testID becomes data-testid, dataSet
 * {foo: 1} becomes data-foo="1", class names are generated (css-175oi2r r-...).
 * Fixture pages where each must match: tests/fixtures/bluesky/feed.html (F), thread.html (T),
 * thread-2.html (T2), thread-did.html (TD).
 */
export const selectors = {
  /**
   * A post: feedItem-by-<handle> in feeds (PostFeedItem), postThreadItem-by-<handle> in threads
   * (ThreadItemAnchor's View, PostHider's Link in ThreadItemPost / ThreadItemTreePost). The handle
   * is post.author.handle, "handle.invalid" for an account without a valid one. F, T, T2, TD.
   */
  post: '[data-testid^="feedItem-by-"], [data-testid^="postThreadItem-by-"]',
  /**
   * RichText's Text (components/RichText.tsx, dataSet={{wordWrap: 1}}): the post text in every
   * view; only feed items add testID="postText" to it. Its mention and link facets are <a> with
   * the same data-word-wrap, inside it. F, T, T2, TD (TD also inside the quote card).
   */
  richText: '[data-word-wrap]',
  /**
   * Links to a post: PostMeta's timestamp link (makeProfileLink(author, 'post', rkey): the handle,
   * or the DID when the handle is invalid) and a quote card's Link to the quoted post. F, T, T2, TD.
   */
  postLink: 'a[href*="/post/"]',
  /** Profile links: the avatar link (no text), the display-name and handle links. F, T, T2, TD. */
  profileLink: 'a[href^="/profile/"]',
  /** Media of a post without text (images, video); avatars are inside profile links. */
  media: 'img, video',
  /** The reply and like buttons (PostControls); the row holding both is where Vigie puts its badge. F, T, T2, TD. */
  replyButton: '[data-testid="replyBtn"]',
  likeButton: '[data-testid="likeBtn"]',
  /** The composer (new post or reply dialog): a TipTap editor, class ProseMirror. F, T, T2, TD. */
  composer: '.ProseMirror[contenteditable="true"]',
} as const;

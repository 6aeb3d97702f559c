/**
 * Bluesky web (bsky.app, social-app on React Native for Web): testID becomes data-testid, dataSet
 * {foo: 1} becomes data-foo="1", class names are generated (css-175oi2r r-...).
 * Fixture pages where each must match: tests/fixtures/bluesky/feed.html (F), thread.html (T),
 * thread-2.html (T2), thread-did.html (TD), search.html (S), notifications.html (N).
 */
export const selectors = {
  /**
   * A post: feedItem-by-<handle> in feeds (PostFeedItem), postThreadItem-by-<handle> in threads
   * (ThreadItemAnchor's View, PostHider's Link in ThreadItemPost / ThreadItemTreePost). The handle
   * is post.author.handle, "handle.invalid" for an account without a valid one. On /notifications
   * a like / repost / follow row is one too (no text, no permalink: not a comment), and earlier
   * releases wrap a reply / mention row's Post.tsx in one. F, T, T2, TD, N.
   */
  post: '[data-testid^="feedItem-by-"], [data-testid^="postThreadItem-by-"]',
  /**
   * RichText with testID="postText": feed items (PostFeedItem) and src/view/com/post/Post.tsx, the
   * row of search results, /hashtag/<tag> and the reply / mention / quote rows of /notifications,
   * whose outer Link has no testID: such a row is found from its text. F, S, N.
   */
  postText: '[data-testid="postText"]',
  /**
   * RichText's Text (components/RichText.tsx, dataSet={{wordWrap: 1}}): the post text in every
   * view; thread items render it without a testID. Its mention and link facets are <a> with
   * the same data-word-wrap, inside it. F, T, T2, TD, S, N (TD and S also inside a quote card).
   */
  richText: '[data-word-wrap]',
  /**
   * Links to a post: PostMeta's timestamp link (makeProfileLink(author, 'post', rkey): the handle,
   * or the DID when the handle is invalid) and a quote card's Link to the quoted post. F, T, T2, TD, S, N.
   */
  postLink: 'a[href*="/post/"]',
  /** Profile links: the avatar link (no text), the display-name and handle links. F, T, T2, TD, S, N. */
  profileLink: 'a[href^="/profile/"]',
  /**
   * Media, for a post without text (images, video); avatars are inside profile links. Matches the
   * avatars of every page; a post's own media is in no fixture page yet.
   */
  media: 'img, video',
  /**
   * The reply and like buttons (PostControls): the row holding both is where Vigie puts its badge; a
   * Post.tsx row is the nearest ancestor of its text holding a reply button. F, T, T2, TD, S, N.
   */
  replyButton: '[data-testid="replyBtn"]',
  likeButton: '[data-testid="likeBtn"]',
  /** The composer (new post or reply dialog): a TipTap editor, class ProseMirror. T, T2, TD (mounted by the fixture editor). */
  composer: '.ProseMirror[contenteditable="true"]',
} as const;

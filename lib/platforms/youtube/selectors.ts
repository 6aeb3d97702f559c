/**
 * YouTube desktop web (Polymer custom elements, 2024-2026). Comments are custom elements: since
 * 2024 each comment is a ytd-comment-view-model (ytd-comment-renderer before), top-level ones as
 * #comment of a ytd-comment-thread-renderer, replies under ytd-comment-replies-renderer. Element
 * names and ids are what YouTube's own code queries; classes (style-scope ...) are not used.
 * Fixture pages where each must match: tests/fixtures/youtube/watch.html, watch-2.html.
 */
export const selectors = {
  /** One comment, top-level or reply (the old renderer is kept for pages still served with it). */
  comment: 'ytd-comment-view-model, ytd-comment-renderer',
  /** The thread a comment belongs to; its #comment child is the top-level comment. */
  thread: 'ytd-comment-thread-renderer',
  /** Replies container, inside a thread. */
  replies: 'ytd-comment-replies-renderer',
  /** Author link: href /@handle (or /channel/UC... for channels without a handle), text the handle. */
  authorLink: 'a#author-text',
  /** The creator's own comments replace the author link text with a badge carrying the name. */
  creatorBadge: 'ytd-author-comment-badge-renderer',
  /** The comment body: yt-attributed-string (yt-formatted-string before), emoji as <img alt>. */
  contentText: '#content-text',
  /** Relative date link; its href /watch?v=ID&lc=COMMENT_ID is the comment's permalink. */
  permalink: '#published-time-text a[href*="lc="], .published-time-text a[href*="lc="]',
  /** Like/dislike/reply row, where Vigie puts its badge. */
  actionBar: 'ytd-comment-engagement-bar, #action-buttons',
  /** The open comment box (main box or the reply dialog under a comment): a plain contenteditable. */
  composer: 'ytd-commentbox #contenteditable-root[contenteditable="true"]',
} as const;

/**
 * TikTok desktop web (2025-2026). TikTok marks what its own tests need with data-e2e; class names
 * are emotion-generated (css-<hash>-<version>--DivCommentItemWrapper e<hash>), so only their stable
 * component-name part is matched, and only where no data-e2e exists.
 * Fixture pages where each must match: tests/fixtures/tiktok/video.html, video-2.html.
 */
export const selectors = {
  /** One comment or reply row (avatar, name, text, date, reply and like buttons). */
  comment: 'div[class*="DivCommentItemWrapper"]',
  /** A top-level comment with its replies: the item wrapper first, then DivReplyContainer. */
  thread: 'div[class*="DivCommentObjectWrapper"]',
  replies: 'div[class*="DivReplyContainer"]',
  /** The text: comment-level-1 for top-level comments, comment-level-2 for replies. */
  text: '[data-e2e^="comment-level-"]',
  /** Display name block; its link's href is /@<handle>. */
  username: '[data-e2e^="comment-username-"]',
  /** The "Reply" button; its row (date, reply, like) is where Vigie puts its badge. */
  replyButton: '[data-e2e^="comment-reply-"]',
  /** The date of the comment: relative ("2 j") for recent ones, YYYY-M-D or M-D for older ones. */
  date: '[data-e2e^="comment-time-"], span[class*="SpanCreatedTime"]',
  /** The comment box: a Draft.js editor inside data-e2e="comment-input". */
  composer: '[data-e2e="comment-input"] .public-DraftEditor-content[contenteditable="true"]',
} as const;

/**
 * Instagram web (React, 2024-2026). Class names are atomic (x1lliihq...) or hashed (_a9zj...) and
 * change with deploys, and comment rows have no role or test id. What is stable is each comment's
 * date link: /p/<code>/c/<comment id>/ (a reply: /c/<parent id>/r/<reply id>/) around a <time>.
 * The adapter takes as the comment the largest block around that link holding no other comment.
 * Fixture pages where each must match: tests/fixtures/instagram/{post,post2}.html.
 */
export const selectors = {
  /** A comment's or reply's date link (the caption's date link goes to the post itself: not matched). */
  permalink: 'a[href*="/c/"]:has(time)',
  /** Any date link: a comment's, a reply's or the caption's. */
  datedLink: 'a:has(time)',
  /** Elements a comment block never extends past: the comment list, the post, the page. */
  boundary: 'ul, main, article, section, [role="dialog"], body',
  /** The author's username link: /<username>/. */
  authorLink: 'a[href^="/"]',
  /** User text, as React writes it with dir="auto". */
  text: 'span[dir="auto"]',
  /** The comment box: a React-controlled textarea in the comment form. */
  composer: 'form textarea',
} as const;

/** /p/<code>/c/<comment>/ or /p/<code>/c/<parent>/r/<reply>/, with an optional /<user> prefix and reels. */
export const COMMENT_HREF = /^(?:https:\/\/www\.instagram\.com)?\/(?:[\w.]+\/)?(p|reel|tv)\/([\w-]+)\/c\/(\d+)\/(?:r\/(\d+)\/)?/;

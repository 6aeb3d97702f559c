/**
 * Facebook (www, "Comet" React app, 2024-2026). Class names are atomic and regenerated on every
 * deploy (x1lliihq, xdj266r...), so only ARIA roles, dir/style attributes React writes for user
 * text, and permalink shapes are used. A comment is a div[role="article"]; its replies are in a
 * sibling list, not inside it. Dates show as "3 h" without a machine-readable timestamp.
 * Fixture pages where each must match: tests/fixtures/facebook/{post,post2}.html.
 */
export const selectors = {
  /** A comment or a reply (feed posts use aria-posinset units, not role="article", since 2023). */
  comment: 'div[role="article"]',
  /** Links carrying the comment's id: the author's name link first, the date link (permalink) last. */
  commentLink: 'a[href*="comment_id="]',
  /** The author's display name inside the first comment link. */
  authorName: 'span[dir="auto"]',
  /** One paragraph of the comment text, as React renders user text. */
  textBlock: 'div[dir="auto"][style*="text-align"]',
  /** The "date · J’aime · Répondre" row under the comment bubble. */
  actionRow: 'ul',
  /** The comment or reply box: Lexical's contenteditable. */
  composer: 'div[role="textbox"][contenteditable="true"][data-lexical-editor="true"]',
} as const;

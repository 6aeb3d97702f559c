/**
 * LinkedIn web (Ember app, 2024-2026). Its BEM class names (feed-shared-update-v2,
 * comments-comment-entity) are part of the product's markup contract and have outlived many
 * redesigns, and every post and comment carries its URN. Two comment markups are live at once:
 * article.comments-comment-entity (current) and article.comments-comment-item (older accounts).
 * Fixture pages where each must match: tests/fixtures/linkedin/{feed,post}.html.
 */
export const selectors = {
  /** A feed post; data-urn holds urn:li:activity:<id>. */
  post: 'div.feed-shared-update-v2[data-urn^="urn:li:activity:"]',
  /** A comment or a reply; data-id holds urn:li:comment:(activity:<post id>,<comment id>). */
  comment: 'article.comments-comment-entity[data-id^="urn:li:comment:"], article.comments-comment-item[data-id^="urn:li:comment:"]',
  /** Author name of a post (the visible copy; a visually hidden duplicate sits beside it). */
  postAuthor: '.update-components-actor__title span[aria-hidden="true"], .update-components-actor__name span[aria-hidden="true"]',
  /** Link to the post author's page (/company/<x>/ or /in/<x>/). */
  postAuthorLink: 'a.update-components-actor__meta-link, a.update-components-actor__image',
  /** "2 h • Modifié", or "Promoted" / "Sponsorisé" on ads. */
  postSubDescription: '.update-components-actor__sub-description',
  /** The post text (not the comments under it). */
  postText: '.feed-shared-update-v2__description .update-components-text',
  /** Like / comment / repost buttons under a post. */
  postActions: '.feed-shared-social-action-bar',
  /** Comment author's name. */
  commentAuthor: '.comments-comment-meta__description-title, .comments-post-meta__name-text',
  /** Link to the comment author's profile. */
  commentAuthorLink: 'a.comments-comment-meta__description-container, a.comments-post-meta__actor-link',
  /** The comment text. */
  commentText: '.comments-comment-item__main-content',
  /** Like / reply buttons under a comment. */
  commentActions: '.comments-comment-social-bar--cr, .comments-comment-social-bar, .comments-comment-item__social-actions',
  /** The comment or reply box: Quill's editor inside the comment box form. */
  composer: '.comments-comment-box .ql-editor[contenteditable="true"], .comments-comment-texteditor .ql-editor[contenteditable="true"]',
} as const;

/** Sub-description labels that mark a sponsored post, in the interface languages community managers use. */
export const promotedLabels = ['Promoted', 'Sponsorisé', 'Promu', 'Gesponsert', 'Promocionado', 'Sponsorizzato'];

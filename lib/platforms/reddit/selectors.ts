/**
 * New Reddit ("shreddit", 2023-2026): posts and comments are server-rendered custom elements whose
 * attributes carry the data (thingid, author, parentid, permalink, created), so no generated class
 * is needed. Nested replies live in their parent's light DOM, slotted into its shadow root.
 * Fixture pages where each must match: tests/fixtures/reddit/{subreddit,thread,thread2}.html.
 */
export const selectors = {
  /** A post in a feed or at the top of a thread. Ads are a different element (shreddit-ad-post). */
  post: 'shreddit-post',
  /** A comment or a reply at any depth. */
  comment: 'shreddit-comment',
  /** A post's title. */
  postTitle: '[slot="title"]',
  /** The meta line (author, time) of a comment: a plain slotted div, where a badge renders. */
  commentMeta: ':scope > [slot="commentMeta"]',
  /** The credit bar of a post (subreddit, author, time): a plain slotted element. */
  postCredit: ':scope > [slot="credit-bar"]',
  /** The reply box: the Lexical contenteditable slotted into shreddit-composer. */
  composer: 'shreddit-composer div[role="textbox"][contenteditable="true"]',
} as const;

/** The body of a post or comment is the element with id "<thingid>-post-rtjson-content" / "-comment-rtjson-content". */
export const bodyId = (thingId: string, kind: 'post' | 'comment') => `${thingId}-${kind}-rtjson-content`;

/**
 * Old Reddit (old.reddit.com, the r2 templates printable.html, link.html, comment.html, usertext.html):
 * every post and comment is a div.thing whose data-* attributes carry the data (data-fullname,
 * data-type, data-author, data-permalink, data-promoted). Replies nest in the parent's
 * `.child > .sitetable#siteTable_<parent fullname>`; top-level comments sit in `#siteTable_t3_<post>`.
 * Fixture pages where each must match: tests/fixtures/reddit/old-{thread,subreddit}.html.
 */
export const oldSelectors = {
  /** A post (data-type "link") or a comment (data-type "comment"), in a listing or in a comment tree. */
  thing: 'div.thing.link, div.thing.comment',
  /** A post's title link, in its own entry (a comment page's comment entries have none). */
  title: ':scope > .entry a.title',
  /** A comment's body: the rendered markdown of its own usertext form, not of its replies in .child. */
  commentBody: ':scope > .entry .usertext-body',
  /** A self post's body, rendered in the expando on its comment page (listings load it on click). */
  postBody: ':scope > .entry .expando .usertext-body',
  /** The byline (author, score, time) of the thing itself, where the badge goes. */
  tagline: ':scope > .entry .tagline',
  /** The submission time; the edit time is a separate time.edited-timestamp. */
  time: ':scope > .entry .tagline time.live-timestamp[datetime]',
  /**
   * Reply boxes: the top-level form under the post (form.usertext.cloneable) and the clones the
   * "reply" link puts into a comment's .child. The author's own edit forms match too; they hold a
   * .usertext-body beside the textarea and are left out by the adapter.
   */
  composer: 'form.usertext textarea[name="text"]',
} as const;

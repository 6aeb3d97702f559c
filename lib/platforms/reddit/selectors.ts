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

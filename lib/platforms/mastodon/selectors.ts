/**
 * Mastodon web app (4.3-4.5 and forks such as glitch-soc), any instance. Its React components use
 * semantic BEM class names that are the same on every instance and stable across releases (third-
 * party themes depend on them), and statuses carry their id in data-id.
 * Fixture pages where each must match: tests/fixtures/mastodon/home.html, status.html, status-2.html, status-3.html.
 */
export const selectors = {
  /** The app root every Mastodon page renders into, with the initial state beside it. */
  appRoot: '#mastodon[data-props], body.app-body #mastodon',
  /** A status in a timeline or a thread (ancestors and replies), and the focal status of a thread. */
  status: '.status[data-id], .detailed-status',
  /**
   * Text of a status; custom emoji and Twemoji are <img alt>. Not .status__content: it also holds the
   * poll and the Translate / "Show original" button (components/status/legacy/content.jsx). status-3.html.
   */
  content: '.status__content__text',
  /**
   * A content warning's text (legacy/banner.tsx: .content-warning > p, then the "Show more" button); until
   * the reader expands it the body is not rendered at all. --filter is a filter's notice, not the author's.
   */
  contentWarning: '.content-warning:not(.content-warning--filter) > p',
  /** Display name (may contain custom emoji) and @user or @user@domain. */
  displayName: '.display-name__html',
  account: '.display-name__account',
  /** The date link of a status (a <time datetime>) whose href is /@acct/<id>; the focal one has no <time>. */
  permalink: 'a.status__relative-time, a.detailed-status__datetime',
  /** The focal status of a thread page. */
  focal: '.detailed-status',
  /**
   * The other statuses of a thread page, ancestors above the focal one and replies below, in the
   * thread's order (components/status: rootId set). Their classes draw the reply lines:
   * `status--first-in-thread` unless the status answers the one above it, `status-reply` on any reply,
   * and a `status__line` (`--full` when the next status answers this one) when a line joins it to the
   * status above or to the focal one. status.html, status-2.html.
   */
  inThread: '.status[data-id].status--in-thread',
  firstInThread: 'status--first-in-thread',
  reply: 'status-reply',
  line: 'status__line',
  lineToNext: 'status__line--full',
  /** Reply/boost/favourite row; the focal status's row sits just after it in its wrapper. */
  actionBar: '.status__action-bar',
  detailedActionBar: '.detailed-status__action-bar',
  detailedWrapper: '.detailed-status__wrapper',
  /**
   * Above the compose form when it replies (features/compose/components/reply_indicator.jsx): the
   * status replied to, by its account's display name and its content, with no id. status.html.
   */
  replyIndicator: '.compose-form .reply-indicator',
  replyIndicatorContent: '.reply-indicator__content',
  /** The compose form's textarea (new post and replies), React-controlled. */
  composer: 'textarea.autosuggest-textarea__textarea',
} as const;

/**
 * Mastodon web app (4.3-4.5 and forks such as glitch-soc), any instance. Its React components use
 * semantic BEM class names that are the same on every instance and stable across releases (third-
 * party themes depend on them), and statuses carry their id in data-id.
 * Fixture pages where each must match: tests/fixtures/mastodon/home.html, status.html, status-2.html.
 */
export const selectors = {
  /** The app root every Mastodon page renders into, with the initial state beside it. */
  appRoot: '#mastodon[data-props], body.app-body #mastodon',
  /** A status in a timeline or a thread (ancestors and replies), and the focal status of a thread. */
  status: '.status[data-id], .detailed-status',
  /** Body of a status; custom emoji and Twemoji are <img alt>; CW statuses keep it behind a button. */
  content: '.status__content__text, .status__content',
  /** Display name (may contain custom emoji) and @user or @user@domain. */
  displayName: '.display-name__html',
  account: '.display-name__account',
  /** The date link of a status (a <time datetime>) whose href is /@acct/<id>; the focal one has no <time>. */
  permalink: 'a.status__relative-time, a.detailed-status__datetime',
  /** Reply/boost/favourite row; the focal status's row sits just after it in its wrapper. */
  actionBar: '.status__action-bar',
  detailedActionBar: '.detailed-status__action-bar',
  detailedWrapper: '.detailed-status__wrapper',
  /** The compose form's textarea (new post and replies), React-controlled. */
  composer: 'textarea.autosuggest-textarea__textarea',
} as const;

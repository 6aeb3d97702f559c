/**
 * Mastodon web app (4.3-4.5 and forks such as glitch-soc), any instance. Its React components use
 * semantic BEM class names that are the same on every instance and stable across releases (third-
 * party themes depend on them), and statuses carry their id in data-id.
 * Fixture pages where each must match: tests/fixtures/mastodon/home.html, status.html, status-2.html, status-3.html.
 *
 * Mastodon's main branch also has a redesigned status (components/status/status.tsx, StatusRedesign,
 * rendered wherever components/status/index.tsx finds isRedesignEnabled(); a redesigned thread page,
 * features/status/redesign.tsx, behind isRedesignStatusEnabled()). Its classes are CSS-module hashes
 * that change with every build, so the redesign entries below name elements by their attributes,
 * tags and places only. Fixture pages: status-redesign.html, home-redesign.html.
 */
export const selectors = {
  /** The app root every Mastodon page renders into, with the initial state beside it. */
  appRoot: '#mastodon[data-props], body.app-body #mastodon',
  /** A status in a timeline or a thread (ancestors and replies), and the focal status of a thread; either markup. */
  status: '.status[data-id], .detailed-status, article[data-id][aria-label]',
  /**
   * The redesigned status: <article data-id aria-label> (status.tsx; aria-label, the screen reader
   * text, is on every rendered status). Not the <article data-id aria-posinset> a timeline wraps each
   * item in (scrollable_list/components.tsx), nor the <article data-id> of bare spans a status far off
   * screen is rendered as (status.tsx, `hidden`): neither has aria-label. A quoted post inside it is a
   * card of its content (quote.tsx), not an article. For a boost, data-id is the boost's own id and the
   * header names the boosted status. status-redesign.html, home-redesign.html.
   */
  redesignStatus: 'article[data-id][aria-label]',
  /**
   * A timeline's item wrapper (scrollable_list/components.tsx): a redesigned status anywhere inside
   * one (directly, or inside a notification's div for a mention) is not part of a thread. The legacy
   * thread page wraps its replies in them too (status.html). home-redesign.html.
   */
  listItem: 'article[aria-posinset]',
  /**
   * A column (components/column/index.tsx, and components/column.tsx before it): div[role=region],
   * class `column` in the legacy UI, a CSS-module hash in the redesign. The advanced web UI (/deck)
   * shows several side by side (features/ui/components/columns_area), a thread page in one of them.
   * Every fixture page.
   */
  column: '[role="region"]',
  /**
   * The redesigned status's own header (status/header.tsx): the author's links carry title="@acct"
   * (the handle as .display-name__account shows it) and data-hover-card-account; the display name is
   * .display-name__html; the date link /@acct/<id> holds <time datetime>. The boost prepend before it
   * and a quoted post's card in the content have links of the same kinds. status-redesign.html, home-redesign.html.
   */
  redesignHeader: ':scope > header',
  redesignAccount: 'a[data-hover-card-account][title]',
  redesignDate: 'a[href] > time',
  /**
   * The redesigned status's content warning (status/warning.tsx in a Callout, callout/redesign.tsx):
   * div[aria-controls] > text wrapper > EmojiHTML div with the warning. A filter's notice is the same
   * Callout with text and a span in its wrapper, no div. status-redesign.html (024, 026), home-redesign.html (034).
   */
  redesignContentWarning: ':scope > div[aria-controls] > div > div',
  /**
   * The redesigned status's content wrapper (status.tsx: div[id], inert while a warning or a filter
   * hides it; the body stays in the page, blurred), whose first child is StatusContent's root
   * (status/content.tsx): the text's EmojiHTML div first, absent when the text is empty, then the poll
   * (div.poll), attachments (a video in picture-in-picture leaves div.picture-in-picture-placeholder
   * role=button) and a quoted post's card. The text's div holds status HTML only; none of those does.
   * The Translate button is beside the wrapper, not in it. status-redesign.html, home-redesign.html.
   */
  redesignContent: ':scope > div[id]',
  /** What can come first in StatusContent's root and is not the text: the poll, the picture-in-picture placeholder. */
  redesignNotText: '.poll, .picture-in-picture-placeholder',
  /** A button of the redesigned action bar: the footer's div of buttons (status/action_bar.tsx), before the focal status's date line. status-redesign.html, home-redesign.html. */
  redesignActionButton: ':scope > footer > div > button',
  /**
   * On the redesigned status, "true" or "false" when a status follows it in the thread: whether that
   * one answers it (status.tsx, isNextReplyingToMe). It draws no other reply line. status-redesign.html.
   */
  connectNext: 'data-connect-next',
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
  /**
   * The focal status of a thread page in the legacy markup, which the thread page keeps when only the
   * statuses are redesigned (features/status/legacy.jsx). The redesigned page's focal status is the
   * redesigned status whose data-id is the thread's, outside any timeline's list item (another column
   * may show it too). status-redesign.html.
   */
  focal: '.detailed-status',
  /**
   * The other statuses of a thread page, ancestors above the focal one and replies below, in the
   * thread's order (components/status: rootId set). Their classes draw the reply lines:
   * `status--first-in-thread` unless the status answers the one above it, `status-reply` on any reply,
   * and a `status__line` (`--full` when the next status answers this one) when a line joins it to the
   * status above or to the focal one. status.html, status-2.html. Redesigned statuses on a thread page
   * are all in it but for those of a timeline column beside it. Either way, only those of the focal
   * status's column count. status-redesign.html.
   */
  inThread: '.status[data-id].status--in-thread, article[data-id][aria-label]',
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

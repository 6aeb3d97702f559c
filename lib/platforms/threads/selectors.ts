/**
 * Threads web (React, 2024-2026; Instagram's atomic classes, regenerated every deploy). Each post
 * or reply, in the feed and in a thread, is a data-pressable-container block; its date link is its
 * permalink /@<user>/post/<code>, with a <time datetime>. The reply box is Lexical, as on Facebook.
 * Fixture pages where each must match: tests/fixtures/threads/{post,post2}.html.
 */
export const selectors = {
  /** A post or a reply. */
  post: 'div[data-pressable-container="true"]',
  /** The date link: href /@<user>/post/<code>, a <time datetime> inside. */
  permalink: 'a[href*="/post/"]:has(time)',
  /** The author's profile link (username shown as text). */
  authorLink: 'a[href^="/@"]:not([href*="/post/"])',
  /** User text: spans React writes with dir="auto" (the username link has its own, excluded by the adapter). */
  text: 'span[dir="auto"]',
  /** Like / reply / repost / share buttons. */
  actionBar: 'div:has(> div[role="button"] svg[aria-label])',
  /** The reply box: Lexical's contenteditable. */
  composer: 'div[role="textbox"][contenteditable="true"][data-lexical-editor="true"]',
} as const;

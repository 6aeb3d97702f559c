import twitter from 'twitter-text';
import type { Span } from './text';

const HASHTAG_RE = /(?<![\p{L}\p{N}_&#])#[\p{L}\p{N}\p{M}_]*[\p{L}\p{M}_][\p{L}\p{N}\p{M}_]*/gu;
/** @handle, and Mastodon's @user@instance.tld. */
const MENTION_RE = /(?<![\p{L}\p{N}_@.])@[A-Za-z0-9_](?:[A-Za-z0-9_.]*[A-Za-z0-9_])?(?:@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)?/gu;
/**
 * One emoji as people see it: a pictograph in emoji presentation (or forced with U+FE0F), with
 * its skin-tone modifiers and zero-width-joined parts, or a flag, or a keycap. © ® ™ alone are text.
 */
const EMOJI_RE =
  /\p{Regional_Indicator}{2}|(?:\p{Emoji_Presentation}|\p{Extended_Pictographic}\uFE0F)(?:\p{Emoji_Modifier}|\uFE0F|\u200D(?:\p{Extended_Pictographic}|\p{Emoji_Presentation})\uFE0F?)*|[#*0-9]\uFE0F?\u20E3/gu;

const spans = (re: RegExp, text: string): Span[] => [...text.matchAll(re)].map((m) => ({ start: m.index, end: m.index + m[0].length }));

export const hashtags = (text: string): Span[] => spans(HASHTAG_RE, text);
export const mentions = (text: string): Span[] => spans(MENTION_RE, text);
export const emojis = (text: string): Span[] => spans(EMOJI_RE, text);

export interface Link extends Span {
  host: string;
}

/** Links as X recognises them (with or without a scheme), with their lower-cased host. */
export function links(text: string): Link[] {
  if (!/[.:]/.test(text)) return [];
  return twitter.extractUrlsWithIndices(text).map(({ url, indices: [start, end] }) => ({
    start,
    end,
    host: url.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').split(/[/?#:]/)[0]!.toLowerCase().replace(/^www\./, ''),
  }));
}

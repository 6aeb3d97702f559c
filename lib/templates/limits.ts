import twitter from 'twitter-text';
import type { PlatformId } from './platforms';

/**
 * Reply length limits, one row per platform. `unit` says how the platform counts:
 *  - weighted: X's own rule (twitter-text parseTweet: URLs count 23, CJK and emoji count 2)
 *  - graphemes: what a reader sees as one character (Intl.Segmenter); Mastodon also counts every
 *    URL as 23 and a remote mention `@user@server` as `@user`
 *  - codepoints: Unicode code points, so an emoji is not counted twice as in UTF-16 length
 * The limits are for comments and replies, not for posts.
 */
export const PLATFORM_LIMITS: Record<PlatformId, { limit: number; unit: 'weighted' | 'graphemes' | 'codepoints' }> = {
  x: { limit: 280, unit: 'weighted' },
  facebook: { limit: 8000, unit: 'codepoints' },
  instagram: { limit: 2200, unit: 'codepoints' },
  linkedin: { limit: 1250, unit: 'codepoints' },
  youtube: { limit: 10000, unit: 'codepoints' },
  tiktok: { limit: 150, unit: 'codepoints' },
  reddit: { limit: 10000, unit: 'codepoints' },
  threads: { limit: 500, unit: 'codepoints' },
  bluesky: { limit: 300, unit: 'graphemes' },
  mastodon: { limit: 500, unit: 'graphemes' },
};

export interface LengthCheck {
  ok: boolean;
  length: number;
  limit: number;
}

let segmenter: Intl.Segmenter | undefined;

function graphemes(text: string): number {
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  let n = 0;
  for (const _ of segmenter.segment(text)) n++;
  return n;
}

const MASTODON_URL = /https?:\/\/\S+/g;
const MASTODON_REMOTE_MENTION = /(^|[^\w@])(@\w+)@[\w.-]+\w/g;

export function lengthOn(text: string, platform: PlatformId): number {
  switch (PLATFORM_LIMITS[platform].unit) {
    case 'weighted':
      return twitter.parseTweet(text).weightedLength;
    case 'graphemes':
      return graphemes(
        platform === 'mastodon'
          ? text.replace(MASTODON_URL, 'x'.repeat(23)).replace(MASTODON_REMOTE_MENTION, '$1$2')
          : text,
      );
    case 'codepoints': {
      let n = 0;
      for (const _ of text) n++;
      return n;
    }
  }
}

export function fitsPlatform(text: string, platform: PlatformId): LengthCheck {
  const { limit } = PLATFORM_LIMITS[platform];
  const length = lengthOn(text, platform);
  return { ok: length <= limit, length, limit };
}

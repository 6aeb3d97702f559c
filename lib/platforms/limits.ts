import twitter, { type ParseTweetOptions } from 'twitter-text';
import type { PlatformId } from './schema';

interface Span {
  start: number;
  end: number;
}

type Counting = 'x' | 'graphemes' | 'codepoints' | 'mastodon';
type UnitCounting = Exclude<Counting, 'x'>;

/**
 * Reply length limits and how each platform counts, for the voice check and the template picker alike. Sources: X's open-source twitter-text (config v3:
 * 280 weighted, URLs 23, CJK and emoji 2); Bluesky's app.bsky.feed.post lexicon (maxGraphemes 300);
 * Mastodon's default instance configuration (max_characters 500, characters_reserved_per_url 23, a
 * remote mention counts its username only). The others are the limits their composers enforce on
 * comments as documented in their help centres (Facebook comment 8,000; Instagram caption and comment
 * 2,200; LinkedIn comment 1,250; YouTube comment 10,000; TikTok comment 150; Reddit comment 10,000;
 * Threads post 500), counted in code points as their web composers do.
 */
export const PLATFORM_LIMITS: Record<PlatformId, { label: string; limit: number; counting: Counting }> = {
  x: { label: 'X', limit: 280, counting: 'x' },
  facebook: { label: 'Facebook', limit: 8000, counting: 'codepoints' },
  instagram: { label: 'Instagram', limit: 2200, counting: 'codepoints' },
  linkedin: { label: 'LinkedIn', limit: 1250, counting: 'codepoints' },
  youtube: { label: 'YouTube', limit: 10000, counting: 'codepoints' },
  tiktok: { label: 'TikTok', limit: 150, counting: 'codepoints' },
  reddit: { label: 'Reddit', limit: 10000, counting: 'codepoints' },
  threads: { label: 'Threads', limit: 500, counting: 'codepoints' },
  bluesky: { label: 'Bluesky', limit: 300, counting: 'graphemes' },
  mastodon: { label: 'Mastodon', limit: 500, counting: 'mastodon' },
};

/** The library's current configuration (v3); its typings omit `configs`, which it does export. */
const xConfig = (twitter as unknown as { configs: { defaults: ParseTweetOptions } }).configs.defaults;

export interface LengthCheck {
  ok: boolean;
  length: number;
  limit: number;
}

/** Whether a reply fits the platform's limit, counted as the platform counts. */
export function fitsPlatform(text: string, platform: PlatformId, limit = PLATFORM_LIMITS[platform].limit): LengthCheck {
  const length = measureFor(platform, text, limit).count;
  return { ok: length <= limit, length, limit };
}

export interface Measured {
  count: number;
  /** UTF-16 offset of the first character past the limit, when the text is over it. */
  overflowAt?: number;
}

/** Counts the text the way `platform` does and finds where it goes over `limit`. */
export function measureFor(platform: PlatformId, text: string, limit: number): Measured {
  const counting = PLATFORM_LIMITS[platform].counting;
  if (counting === 'x') {
    const parsed = twitter.parseTweet(text, { ...xConfig, maxWeightedTweetLength: limit });
    const over = parsed.weightedLength > limit && text.length > 0;
    return { count: parsed.weightedLength, overflowAt: over ? parsed.validRangeEnd + 1 : undefined };
  }
  return walk(text, units(counting, text), limit);
}

interface Unit extends Span {
  weight: number;
}

function units(counting: UnitCounting, text: string): Unit[] {
  if (counting === 'graphemes') {
    const seg = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
    return [...seg.segment(text)].map((s) => ({ start: s.index, end: s.index + s.segment.length, weight: 1 }));
  }
  const special: Unit[] = [];
  if (counting === 'mastodon') {
    for (const u of twitter.extractUrlsWithIndices(text)) special.push({ start: u.indices[0], end: u.indices[1], weight: 23 });
  }
  if (counting === 'mastodon') {
    for (const m of text.matchAll(/(?<![\p{L}\p{N}_])@([A-Za-z0-9_]+)(@[A-Za-z0-9.-]+\.[A-Za-z]{2,})/gu)) {
      const domain = m.index + 1 + m[1]!.length;
      special.push({ start: domain, end: domain + m[2]!.length, weight: 0 });
    }
  }
  special.sort((a, b) => a.start - b.start);
  const out: Unit[] = [];
  let i = 0;
  for (const s of [...special, { start: text.length, end: text.length, weight: 0 }]) {
    while (i < s.start) {
      const cp = text.codePointAt(i)!;
      const len = cp > 0xffff ? 2 : 1;
      out.push({ start: i, end: i + len, weight: 1 });
      i += len;
    }
    if (s.end > s.start) out.push(s);
    i = Math.max(i, s.end);
  }
  return out;
}

function walk(text: string, list: Unit[], limit: number): Measured {
  let count = 0;
  let overflowAt: number | undefined;
  for (const u of list) {
    count += u.weight;
    if (overflowAt === undefined && count > limit) overflowAt = u.start;
  }
  return { count, overflowAt: text ? overflowAt : undefined };
}

import { z } from 'zod';

/** The platforms Vigie runs on, as in DESIGN.md's adapter interface. */
export const platformId = z.enum([
  'x',
  'facebook',
  'instagram',
  'linkedin',
  'youtube',
  'tiktok',
  'reddit',
  'threads',
  'bluesky',
  'mastodon',
]);
export type PlatformId = z.infer<typeof platformId>;

/** What `{{platform}}` renders: the name users know, the same in every language. */
export const PLATFORM_NAMES: Record<PlatformId, string> = {
  x: 'X',
  facebook: 'Facebook',
  instagram: 'Instagram',
  linkedin: 'LinkedIn',
  youtube: 'YouTube',
  tiktok: 'TikTok',
  reddit: 'Reddit',
  threads: 'Threads',
  bluesky: 'Bluesky',
  mastodon: 'Mastodon',
};

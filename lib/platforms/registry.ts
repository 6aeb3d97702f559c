import type { PlatformAdapter } from './types';
import { xAdapter } from './x/adapter';
import { youtubeAdapter } from './youtube/adapter';
import { blueskyAdapter } from './bluesky/adapter';
import { tiktokAdapter } from './tiktok/adapter';
import { mastodonAdapter } from './mastodon/adapter';
import { redditAdapter } from './reddit/adapter';
import { facebookAdapter } from './facebook/adapter';
import { linkedinAdapter } from './linkedin/adapter';
import { threadsAdapter } from './threads/adapter';
import { instagramAdapter } from './instagram/adapter';

/** Every adapter, for the background (sender checks) and the command line; content scripts import only their own. */
export const adapters: PlatformAdapter[] = [xAdapter, youtubeAdapter, blueskyAdapter, tiktokAdapter, redditAdapter, facebookAdapter, mastodonAdapter, linkedinAdapter, threadsAdapter, instagramAdapter];

export function platformForUrl(href: string): PlatformAdapter | undefined {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:') return undefined;
  return adapters.find((a) => a.matches(url));
}

import { describe, expect, it } from 'vitest';
import { fitsPlatform, PLATFORM_LIMITS } from '../../../lib/templates/limits';

describe('fitsPlatform', () => {
  it('has a limit for every platform', () => {
    expect(Object.keys(PLATFORM_LIMITS).sort()).toEqual(
      ['bluesky', 'facebook', 'instagram', 'linkedin', 'mastodon', 'reddit', 'threads', 'tiktok', 'x', 'youtube'],
    );
  });

  it.each([
    ['x', 'a'.repeat(280), true, 280],
    ['x', 'a'.repeat(281), false, 281],
    // X counts a URL as 23 whatever its length, and CJK characters as 2.
    ['x', 'a'.repeat(250) + ' https://example.com/' + 'p'.repeat(200), true, 274],
    ['x', '日'.repeat(141), false, 282],
    ['tiktok', 'é'.repeat(150), true, 150],
    ['tiktok', 'é'.repeat(151), false, 151],
    // An emoji is one code point, not two UTF-16 units.
    ['instagram', '😀'.repeat(2200), true, 2200],
    ['linkedin', 'a'.repeat(1251), false, 1251],
    // A family emoji is one grapheme on Bluesky.
    ['bluesky', '👨‍👩‍👧'.repeat(300), true, 300],
    ['bluesky', 'a'.repeat(301), false, 301],
    // Mastodon counts any URL as 23 and a remote mention by its user name.
    ['mastodon', 'https://example.com/' + 'p'.repeat(600), true, 23],
    ['mastodon', 'hi @marie@mastodon.social', true, 9],
    ['threads', 'a'.repeat(501), false, 501],
  ] as const)('%s, %i characters', (platform, text, ok, length) => {
    expect(fitsPlatform(text, platform)).toEqual({ ok, length, limit: PLATFORM_LIMITS[platform].limit });
  });
});

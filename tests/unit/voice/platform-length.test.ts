import { describe, expect, it } from 'vitest';
import { check } from '../../../lib/voice/engine';
import { packOf, rule, ruleTable } from './table';

const url = 'https://example.com/' + 'a'.repeat(100);
ruleTable('platform-length: X counts as twitter-text does', { kind: 'platform-length', message: '%s %s/%s' }, {
  valid: [
    { text: 'x'.repeat(280), ctx: { platform: 'x' } },
    // A 120-character link counts 23 on X: 250 + 1 + 23 = 274.
    { text: `${'x'.repeat(250)} ${url}`, ctx: { platform: 'x' } },
    { text: 'x'.repeat(5000) }, // no platform, no limit
    { text: 'x'.repeat(2200), ctx: { platform: 'instagram' } },
  ],
  invalid: [
    { text: 'x'.repeat(290), ctx: { platform: 'x' }, expected: [{ start: 280, end: 290, message: 'X 290/280' }] },
    // CJK weighs 2 on X: 141 ideographs = 282.
    { text: '日'.repeat(141), ctx: { platform: 'x' }, expected: [{ start: 140, end: 141, message: 'X 282/280' }] },
    { text: 'x'.repeat(151), ctx: { platform: 'tiktok' }, expected: [{ start: 150, end: 151 }] },
    { text: 'x'.repeat(1251), ctx: { platform: 'linkedin' }, expected: [{ start: 1250, end: 1251 }] },
    { text: 'x'.repeat(501), ctx: { platform: 'threads' }, expected: [{ start: 500, end: 501 }] },
  ],
});

describe('platform-length: counting units', () => {
  const pack = packOf([rule({ kind: 'platform-length', message: '%s %s/%s' })]);
  it('Bluesky counts graphemes: 300 family emoji fit, 301 do not', () => {
    const family = '👨‍👩‍👧';
    expect(check(family.repeat(300), pack, { platform: 'bluesky' })).toEqual([]);
    const over = check(family.repeat(301), pack, { platform: 'bluesky' });
    expect(over).toHaveLength(1);
    expect(over[0]!.start).toBe(family.length * 300);
  });
  it('Mastodon counts a link as 23 and a remote mention by its username', () => {
    const text = `@julie@mastodon.social ${'y'.repeat(470)} ${url}`;
    // 6 (@julie) + 1 + 470 + 1 + 23 = 501
    expect(check(text, pack, { platform: 'mastodon' })[0]?.message).toBe('Mastodon 501/500');
    expect(check(text.slice(0, -1 - url.length), pack, { platform: 'mastodon' })).toEqual([]);
  });
  it('a pack can override a platform limit', () => {
    const custom = packOf([rule({ kind: 'platform-length', limits: { facebook: 10 } })]);
    expect(check('x'.repeat(11), custom, { platform: 'facebook' })).toHaveLength(1);
  });
});

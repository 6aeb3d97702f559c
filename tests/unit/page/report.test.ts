// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { createPseudonyms, KEPT_ATTRIBUTES, maskText, maskUrl, pageReport } from '../../../lib/page/report';
import { mastodonAdapter } from '../../../lib/platforms/mastodon/adapter';
import type { PlatformAdapter } from '../../../lib/platforms/types';
import { xAdapter } from '../../../lib/platforms/x/adapter';
import { adLabels } from '../../../lib/platforms/x/selectors';
import { loadFixture } from '../helpers/fixtures';

const THREAD = 'https://x.com/vigie_demo/status/1850000000000000001';
const info = { platform: 'x', extensionVersion: '0.1.0', found: { comments: 6, composers: 1, problems: [] } };

/** What an adapter reads from an HTML text at a URL, as `vigie scan` does. */
function readAs(adapter: PlatformAdapter, html: string, url: string) {
  window.happyDOM.setURL(url);
  document.documentElement.innerHTML = new DOMParser().parseFromString(html, 'text/html').documentElement.innerHTML;
  return adapter.findComments(document).map((el) => adapter.extract(el));
}

describe('maskText', () => {
  it.each([
    ['Marie Dupont', 'Xxxxx Xxxxxx'],
    ['C’est une arnaque 😡 !', 'X’xxx xxx xxxxxxx ◯ !'],
    ['commande 12345', 'xxxxxxxx 00000'],
    ['مرحبا بكم', 'ببببب ببب'],
    ['Привет', 'жжжжжж'],
    ['\u202eRTL\u202c zero\u200bwidth', 'XXX xxxxxxxxx'],
  ])('%s → %s', (text, masked) => expect(maskText(text)).toBe(masked));
});

describe('maskUrl', () => {
  const alias = createPseudonyms(7);
  it('keeps the origin and route words, pseudonymizes handles and ids, drops the query and fragment', () => {
    const masked = maskUrl('https://x.com/marie_dpt/status/1850000000000000002?s=20&t=SECRET#reply', THREAD, alias);
    expect(masked).toMatch(/^https:\/\/x\.com\/[a-z]{5}_[a-z]{3}\/status\/\d{19}$/);
    expect(masked).not.toContain('marie');
    expect(masked).not.toContain('1850000000000000002');
    // The same id gets the same stand-in everywhere in the report.
    expect(maskUrl('/marie_dpt/status/1850000000000000002', THREAD, alias)).toBe(masked);
  });
  it('keeps only a YouTube video id, masked', () => {
    expect(maskUrl('https://www.youtube.com/watch?v=vIgIeDeMo01&list=PLsecret', THREAD, alias)).toMatch(/^https:\/\/www\.youtube\.com\/watch\?v=[a-zA-Z0-9]{11}$/);
  });
  it('drops javascript: and data: links', () => {
    expect(maskUrl('javascript:alert(1)', THREAD, alias)).toBe('');
  });
});

describe('a page report of an X thread', () => {
  beforeEach(() => loadFixture('x', 'thread.html', THREAD));

  it('keeps nothing anyone wrote: no text, name, handle, id, query or label survives', () => {
    const original = xAdapter.findComments(document).map((el) => xAdapter.extract(el)).filter((c) => c !== null);
    const labels = Array.from(document.querySelectorAll('[aria-label]'), (el) => el.getAttribute('aria-label')!).filter((l) => l.length > 3);
    document.body.insertAdjacentHTML('beforeend', '<a href="https://x.com/i/web/status/1?token=tok_SECRET123">x</a><input value="mot de passe">');
    const { html, url } = pageReport(document, info, adLabels, 42);
    expect(url).toMatch(/^https:\/\/x\.com\/[a-z]{5}_[a-z]{4}\/status\/\d{19}$/);
    // Every text and attribute value left in the report, the markup words the adapters need aside.
    const parsed = new DOMParser().parseFromString(html, 'text/html');
    const left = [parsed.body.textContent ?? '', ...Array.from(parsed.querySelectorAll('*')).flatMap((el) => Array.from(el.attributes, (a) => (KEPT_ATTRIBUTES.has(a.name) ? '' : a.value)))].join(' ');
    for (const c of original) {
      for (const word of c.text.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 3)) expect(left).not.toMatch(new RegExp(`(^|[^\\p{L}])${word}([^\\p{L}]|$)`, 'u'));
      expect(html).not.toContain(c.author.name);
      if (c.author.handle) expect(html).not.toContain(c.author.handle.slice(1));
      expect(html).not.toContain(c.nativeId);
    }
    for (const label of labels) expect(left).not.toContain(label);
    expect(html).not.toContain('tok_SECRET123');
    expect(html).not.toContain('mot de passe');
    expect(html).not.toMatch(/<script|onerror=|window\.__pwned/);
    // Markup kept: what the adapter's selectors name.
    expect(html).toContain('data-testid="tweetText"');
    expect(html).toContain('data-testid="User-Name"');
  });

  it('is read by the adapter like the page: the same comments, with distinct ids and their replies still pointing at their parents', () => {
    const original = xAdapter.findComments(document).map((el) => xAdapter.extract(el));
    const { html, url } = pageReport(document, info, adLabels, 42);
    const read = readAs(xAdapter, html, url);
    expect(read.map((c) => c !== null)).toEqual(original.map((c) => c !== null));
    const ids = read.filter((c) => c !== null).map((c) => c.nativeId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.some((id, i) => id === original.filter((c) => c !== null)[i]!.nativeId)).toBe(false);
    const parents = read.filter((c) => c?.parentId).map((c) => c!.parentId);
    for (const p of parents) expect(ids).toContain(p);
    expect(read.filter((c) => c?.parentId).length).toBe(original.filter((c) => c?.parentId).length);
  });

  it('gives the same page other stand-ins in another report', () => {
    expect(pageReport(document, info, adLabels, 1).url).not.toBe(pageReport(document, info, adLabels, 2).url);
  });
});

describe('a page report of a Mastodon thread', () => {
  it('is read by the adapter like the page', () => {
    const STATUS = 'https://mastodon.social/@vigie/113500000000000001';
    loadFixture('mastodon', 'status.html', STATUS);
    const original = mastodonAdapter.findComments(document).map((el) => mastodonAdapter.extract(el) !== null);
    const { html, url } = pageReport(document, { ...info, platform: 'mastodon' }, new Set(), 9);
    expect(html).not.toContain('113500000000000001');
    expect(readAs(mastodonAdapter, html, url).map((c) => c !== null)).toEqual(original);
  });
});

// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { threadsAdapter } from '../../../../lib/platforms/threads/adapter';
import { isFeed, isPost, isProfile, testUrls } from '../../../../lib/platforms/threads/routes';
import { loadFixture } from '../../helpers/fixtures';

const POST = 'https://www.threads.com/@vigie_demo/post/DCvIgIeDeMo';
const all = () => threadsAdapter.findComments(document).map((el) => threadsAdapter.extract(el));

describe('threads routes', () => {
  it.each(testUrls.post)('%s is a post', (u) => expect(isPost(new URL(u))).toBe(true));
  it.each(testUrls.feed)('%s is a feed', (u) => expect(isFeed(new URL(u))).toBe(true));
  it.each(testUrls.profile)('%s is a profile', (u) => expect(isProfile(new URL(u))).toBe(true));
  it.each(testUrls.other)('%s expects no comments', (u) => expect(threadsAdapter.expectsComments(new URL(u))).toBe(false));
});

describe('threads adapter on a post page', () => {
  beforeEach(() => loadFixture('threads', 'post.html', POST));

  it('finds the post and its replies, and skips the ad', () => {
    expect(all().map((c) => c?.nativeId ?? null)).toEqual(['DCvIgIeDeMo', 'DCvIgIeRep01', 'DCvIgIeRep02', null, 'DCvIgIeRep03', 'DCvIgIeRep04']);
  });

  it('extracts the post exactly', () => {
    expect(all()[0]).toEqual({
      platform: 'threads',
      nativeId: 'DCvIgIeDeMo',
      author: { name: 'vigie_demo', handle: '@vigie_demo' },
      text: 'Notre nouvelle collection d’hiver est en ligne !\nDites-nous ce que vous en pensez ❄️',
      permalink: 'https://www.threads.com/@vigie_demo/post/DCvIgIeDeMo',
      publishedAt: '2026-11-20T08:00:00.000Z',
    });
  });

  it('attaches the first reply to the post the page is about, mentions read as text', () => {
    const [, reply, answer] = all();
    expect(reply).toEqual({
      platform: 'threads',
      nativeId: 'DCvIgIeRep01',
      author: { name: 'marie.dpt', handle: '@marie.dpt' },
      text: 'Trois semaines que j’attends ma commande, aucune réponse. C’est une arnaque 😡',
      permalink: 'https://www.threads.com/@marie.dpt/post/DCvIgIeRep01',
      publishedAt: '2026-11-20T08:30:00.000Z',
      parentId: 'DCvIgIeDeMo',
    });
    // The brand's answer to Marie: the page does not say whom it answers (her, by its mention), and no parent is made up.
    expect(answer).toMatchObject({ parentUnknown: true, text: '@marie.dpt Bonjour Marie, nous sommes désolés. Écrivez-nous en message privé 🙏' });
    expect(answer!.parentId).toBeUndefined();
  });

  it('reads hostile markup as text', () => {
    const hostile = all()[4]!;
    expect(hostile.text.startsWith('<script>window.__pwned = true</script><img src=x onerror="window.__pwned=true"> \u202eمرحبا\u202c zero\u200bwidth\u200d joiner')).toBe(true);
    expect(hostile.text.length).toBeGreaterThan(10_000);
    expect(document.querySelector('img[src="x"]')).toBeNull();
  });

  it('anchors the badge in each post’s action bar', () => {
    const [post] = threadsAdapter.findComments(document);
    const anchor = threadsAdapter.anchorFor(post!);
    expect(anchor.querySelector('svg[aria-label="Répondre"]')).not.toBeNull();
    expect(anchor.closest('[data-pressable-container]')).toBe(post);
  });

  it('finds the Lexical reply box', () => {
    const composers = threadsAdapter.findComposers(document);
    expect(composers).toHaveLength(1);
    expect(composers[0]!.getAttribute('aria-placeholder')).toBe('Répondre à vigie_demo…');
  });
});

describe('threads adapter on the page of a reply', () => {
  // The same page opened on Marie's reply: the post above it is its parent, the post has none.
  beforeEach(() => loadFixture('threads', 'post.html', 'https://www.threads.com/@marie.dpt/post/DCvIgIeRep01'));

  it('gives the reply the post above it, the post no parent, and the first reply below it the reply', () => {
    expect(all().slice(0, 3).map((c) => [c!.nativeId, c!.parentId])).toEqual([
      ['DCvIgIeDeMo', undefined],
      ['DCvIgIeRep01', 'DCvIgIeDeMo'],
      ['DCvIgIeRep02', 'DCvIgIeRep01'],
    ]);
  });
});

describe('threads adapter on the feed', () => {
  beforeEach(() => loadFixture('threads', 'post.html', 'https://www.threads.com/'));

  it('gives no parent outside a post page', () => {
    expect(all().filter((c) => c?.parentId)).toEqual([]);
  });
});

describe('threads adapter on a saved page without its URL', () => {
  beforeEach(() => {
    loadFixture('threads', 'post.html', 'about:blank');
    // loadFixture keeps the body only; a saved page keeps its head, where Threads writes the canonical link.
    document.head.innerHTML = '<link rel="canonical" href="https://www.threads.com/@vigie_demo/post/DCvIgIeDeMo">';
  });

  it('takes the page’s post from its canonical link', () => {
    expect(all().map((c) => c?.parentId ?? (c?.parentUnknown ? 'unknown' : null))).toEqual([null, 'DCvIgIeDeMo', 'unknown', null, 'unknown', 'unknown']);
  });
});

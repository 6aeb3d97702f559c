// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { redditAdapter } from '../../../../lib/platforms/reddit/adapter';
import { isFeed, isThread, testUrls } from '../../../../lib/platforms/reddit/routes';
import { loadFixture } from '../../helpers/fixtures';

const THREAD = 'https://www.reddit.com/r/vigie_demo/comments/1gvigie/livraison_en_retard/';
const all = () => redditAdapter.findComments(document).map((el) => redditAdapter.extract(el));

describe('reddit routes', () => {
  it.each(testUrls.thread)('%s is a thread', (u) => expect(isThread(new URL(u))).toBe(true));
  it.each(testUrls.feed)('%s is a feed', (u) => expect(isFeed(new URL(u))).toBe(true));
  it.each(testUrls.other)('%s expects no comments', (u) => expect(redditAdapter.expectsComments(new URL(u))).toBe(false));
  it('matches new and old Reddit hosts only', () => {
    expect(redditAdapter.matches(new URL(THREAD))).toBe(true);
    expect(redditAdapter.matches(new URL('https://old.reddit.com/r/vigie_demo/'))).toBe(true);
    expect(redditAdapter.matches(new URL('https://www.reddit.com.evil.example/r/x/'))).toBe(false);
    expect(redditAdapter.matches(new URL('https://old.reddit.com.evil.example/r/x/'))).toBe(false);
    expect(redditAdapter.matches(new URL('https://new.reddit.com/r/x/'))).toBe(false);
  });
});

describe('reddit adapter on a thread', () => {
  beforeEach(() => loadFixture('reddit', 'thread.html', THREAD));

  it('finds the post and every comment, skipping the ad and the deleted comment', () => {
    expect(all().map((c) => c?.nativeId ?? null)).toEqual(['t3_1gvigie', 't1_lx0vig1', 't1_lx0vig2', 't1_lx0vig3', 't1_lx0vig4', null, 't1_lx0vig6']);
    expect(document.querySelector('shreddit-ad-post')).not.toBeNull();
  });

  it('extracts the post with its title and body', () => {
    expect(all()[0]).toEqual({
      platform: 'reddit',
      nativeId: 't3_1gvigie',
      author: { name: 'marie_dpt', handle: 'u/marie_dpt' },
      text: 'Livraison en retard depuis trois semaines\nCommande passée le 28 octobre, toujours rien.\nQuelqu’un a eu une réponse du service client ?',
      permalink: 'https://www.reddit.com/r/vigie_demo/comments/1gvigie/livraison_en_retard/',
      publishedAt: '2026-11-20T08:00:00.000000+0000',
    });
  });

  it('extracts a top-level comment exactly, its parent being the post', () => {
    expect(all()[1]).toEqual({
      platform: 'reddit',
      nativeId: 't1_lx0vig1',
      author: { name: 'jb_martin', handle: 'u/jb_martin' },
      text: 'Pareil pour moi, trois relances et aucune réponse. Franchement décevant 😡',
      permalink: 'https://www.reddit.com/r/vigie_demo/comments/1gvigie/comment/lx0vig1/',
      publishedAt: '2026-11-20T08:30:00.000000+0000',
      parentId: 't3_1gvigie',
    });
  });

  it('gives nested replies their parent comment and reads only their own body', () => {
    const [, , reply, deep] = all();
    expect(reply).toMatchObject({ nativeId: 't1_lx0vig2', parentId: 't1_lx0vig1', author: { name: 'VigieDemo' } });
    expect(reply!.text).toBe('Bonjour, désolés pour l’attente.\nPouvez-vous nous écrire en message privé avec votre numéro de commande ? 🙏');
    expect(deep).toMatchObject({ nativeId: 't1_lx0vig3', parentId: 't1_lx0vig2', text: 'Fait, merci !\nJ’attends votre retour.' });
  });

  it('reads hostile markup as text', () => {
    const hostile = all()[4]!;
    expect(hostile.text.startsWith('<script>window.__pwned = true</script><img src=x onerror="window.__pwned=true"> \u202eمرحبا\u202c zero\u200bwidth\u200d joiner')).toBe(true);
    expect(hostile.text.length).toBeGreaterThan(10_000);
    expect(document.querySelector('img[src="x"]')).toBeNull();
  });

  it('anchors badges in each element’s own meta line', () => {
    const [post, top, reply] = redditAdapter.findComments(document);
    expect(redditAdapter.anchorFor(post!).getAttribute('slot')).toBe('credit-bar');
    expect(redditAdapter.anchorFor(top!).getAttribute('slot')).toBe('commentMeta');
    expect(redditAdapter.anchorFor(top!).parentElement).toBe(top);
    expect(redditAdapter.anchorFor(reply!).parentElement).toBe(reply);
  });

  it('finds the Lexical reply box', () => {
    const composers = redditAdapter.findComposers(document);
    expect(composers).toHaveLength(1);
    expect(composers[0]!.getAttribute('data-lexical-editor')).toBe('true');
  });

  it('finds comments in an added subtree and the subtree itself', () => {
    const top = document.querySelector('shreddit-comment')!;
    expect(redditAdapter.findComments(top)).toHaveLength(3);
    const deep = document.querySelector('shreddit-comment[thingid="t1_lx0vig3"]')!;
    expect(redditAdapter.findComments(deep)).toEqual([deep]);
  });
});

describe('reddit adapter on a subreddit feed', () => {
  beforeEach(() => loadFixture('reddit', 'subreddit.html', 'https://www.reddit.com/r/vigie_demo/'));

  it('reads the posts and skips the ad', () => {
    expect(all().map((c) => [c?.nativeId, c?.text])).toEqual([
      ['t3_1gvigie', 'Livraison en retard depuis trois semaines\nCommande passée le 28 octobre, toujours rien.\nQuelqu’un a eu une réponse du service client ?'],
      ['t3_1gvsav2', 'SAV injoignable'],
    ]);
  });
});

// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { youtubeAdapter } from '../../../../lib/platforms/youtube/adapter';
import { isPost, isShorts, isWatch, testUrls } from '../../../../lib/platforms/youtube/routes';
import { loadFixture } from '../../helpers/fixtures';

const WATCH = 'https://www.youtube.com/watch?v=vIgIeDeMo01';
const ids = () => youtubeAdapter.findComments(document).map((el) => youtubeAdapter.extract(el)?.nativeId ?? null);

describe('youtube routes', () => {
  it.each(testUrls.watch)('%s is a watch page', (u) => expect(isWatch(new URL(u))).toBe(true));
  it.each(testUrls.shorts)('%s is a short', (u) => expect(isShorts(new URL(u))).toBe(true));
  it.each(testUrls.post)('%s is a community post', (u) => expect(isPost(new URL(u))).toBe(true));
  it.each(testUrls.other)('%s expects no comments', (u) => expect(youtubeAdapter.expectsComments(new URL(u))).toBe(false));
  it('matches www and bare youtube.com only', () => {
    expect(youtubeAdapter.matches(new URL(WATCH))).toBe(true);
    expect(youtubeAdapter.matches(new URL('https://m.youtube.com/watch?v=vIgIeDeMo01'))).toBe(false);
    expect(youtubeAdapter.matches(new URL('https://youtube.com.evil.example/watch?v=vIgIeDeMo01'))).toBe(false);
  });
});

describe('youtube adapter on the watch page', () => {
  beforeEach(() => loadFixture('youtube', 'watch.html', WATCH));

  it('finds every comment and reply, and skips one still rendering', () => {
    expect(ids()).toEqual([
      'UgzVigieThread01', 'UgzVigieThread01.AQdVigieReply01', 'UgzVigieThread01.AQdVigieReply02', 'UgyVigieThread02', 'UgxVigieThread03', 'UgwVigieThread04', null,
    ]);
  });

  it('extracts a top-level comment exactly', () => {
    expect(youtubeAdapter.extract(youtubeAdapter.findComments(document)[0]!)).toEqual({
      platform: 'youtube',
      nativeId: 'UgzVigieThread01',
      author: { name: '@marie_dpt', handle: '@marie_dpt' },
      text: 'Trois semaines que j’attends ma commande, aucune réponse du service client. C’est une arnaque 😡',
      permalink: 'https://www.youtube.com/watch?v=vIgIeDeMo01&lc=UgzVigieThread01',
    });
  });

  it('gives replies their parent, reads the creator badge, mentions, line breaks and emoji images', () => {
    const [, creator, reply] = youtubeAdapter.findComments(document).map((el) => youtubeAdapter.extract(el)!);
    expect(creator).toMatchObject({ parentId: 'UgzVigieThread01', author: { name: '@VigieDemo', handle: '@VigieDemo' } });
    expect(reply).toMatchObject({ parentId: 'UgzVigieThread01', author: { name: '@lucas.b', handle: '@lucas.b' } });
    expect(reply!.text).toBe('@marie_dpt pareil pour moi\nlivré au bout d’un mois 😤');
  });

  it('reads hostile markup as text', () => {
    const hostile = youtubeAdapter.extract(youtubeAdapter.findComments(document)[4]!)!;
    expect(hostile.author.name).toBe('@<img src=x onerror=alert(1)>');
    expect(hostile.text.startsWith('<script>window.__pwned = true</script><img src=x onerror="window.__pwned=true"> \u202eمرحبا\u202c zero\u200bwidth\u200d joiner')).toBe(true);
    expect(hostile.text.length).toBeGreaterThan(10_000);
    expect(document.querySelector('img[src="x"]')).toBeNull();
  });

  it('anchors the badge in each comment’s own engagement bar, not in a reply’s', () => {
    const [top, first] = youtubeAdapter.findComments(document);
    const anchor = youtubeAdapter.anchorFor(top!);
    expect(anchor.tagName).toBe('YTD-COMMENT-ENGAGEMENT-BAR');
    expect(anchor.closest('ytd-comment-view-model')).toBe(top);
    expect(youtubeAdapter.anchorFor(first!).closest('ytd-comment-view-model')).toBe(first);
  });

  it('finds the open reply box, not the closed placeholder', () => {
    const composers = youtubeAdapter.findComposers(document);
    expect(composers).toHaveLength(1);
    expect(composers[0]!.id).toBe('contenteditable-root');
  });

  it('finds comments inside an added subtree and the subtree itself', () => {
    const thread = document.querySelector('ytd-comment-thread-renderer')!;
    expect(youtubeAdapter.findComments(thread)).toHaveLength(3);
    const reply = thread.querySelector('ytd-comment-replies-renderer ytd-comment-view-model')!;
    expect(youtubeAdapter.findComments(reply)).toEqual([reply]);
  });
});

describe('youtube adapter on the community post page', () => {
  beforeEach(() => loadFixture('youtube', 'post.html', 'https://www.youtube.com/post/UgkxVigieDemoPost01'));

  it('reads comments with post permalinks, not the post itself', () => {
    const found = youtubeAdapter.findComments(document).map((el) => youtubeAdapter.extract(el)!);
    expect(found.map((c) => [c.nativeId, c.parentId, c.permalink])).toEqual([
      ['UgzVigieSecond01', undefined, 'https://www.youtube.com/post/UgkxVigieDemoPost01?lc=UgzVigieSecond01'],
      ['UgzVigieSecond01.AQdVigieSecondR1', 'UgzVigieSecond01', 'https://www.youtube.com/post/UgkxVigieDemoPost01?lc=UgzVigieSecond01.AQdVigieSecondR1'],
    ]);
  });
});

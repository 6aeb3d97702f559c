// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { tiktokAdapter } from '../../../../lib/platforms/tiktok/adapter';
import { isFeed, isPost, testUrls } from '../../../../lib/platforms/tiktok/routes';
import { loadFixture } from '../../helpers/fixtures';

const VIDEO = 'https://www.tiktok.com/@vigie.demo/video/7440000000000000001';
/** Marie's comment on VIDEO: the same on every visit and every machine (a digest of its text). */
const MARIE = '7440000000000000001:marie_dpt:1bhxuj5';
const all = () => tiktokAdapter.findComments(document).map((el) => tiktokAdapter.extract(el));

describe('tiktok routes', () => {
  it.each(testUrls.post)('%s is a post', (u) => expect(isPost(new URL(u))).toBe(true));
  it.each(testUrls.feed)('%s is a feed', (u) => expect(isFeed(new URL(u))).toBe(true));
  it.each(testUrls.other)('%s expects no comments', (u) => expect(tiktokAdapter.expectsComments(new URL(u))).toBe(false));
});

describe('tiktok adapter on a video page', () => {
  beforeEach(() => loadFixture('tiktok', 'video.html', VIDEO));

  it('finds every comment and reply, and skips the loading skeleton', () => {
    const found = all();
    expect(found).toHaveLength(7);
    expect(found[6]).toBeNull();
    expect(found.slice(0, 6).map((c) => c!.author.handle)).toEqual(['@marie_dpt', '@vigie.demo', '@lucas.b', '@chloe.martin', '@evil_user', '@ahmed.k']);
    const ids = found.slice(0, 6).map((c) => c!.nativeId);
    expect(new Set(ids).size).toBe(6);
    for (const id of ids) expect(id).toMatch(/^7440000000000000001:[\w.]+:[0-9a-z]+$/);
  });

  it('extracts a top-level comment exactly, with an id from the video, the author and the text', () => {
    expect(all()[0]).toEqual({
      platform: 'tiktok',
      nativeId: MARIE,
      author: { name: 'Marie Dupont', handle: '@marie_dpt' },
      text: 'Trois semaines que j’attends ma commande, aucune réponse du service client. C’est une arnaque 😡',
      permalink: VIDEO,
    });
  });

  it('keeps every id when TikTok re-sorts the comments and their like counts and dates change', () => {
    const before = new Map(all().slice(0, 6).map((c) => [c!.author.handle, c!.nativeId]));
    const list = document.querySelector('[class*="DivCommentListContainer"]')!;
    // "Most liked" first, then "newest": the threads come back in another order, re-rendered.
    const threads = Array.from(list.querySelectorAll(':scope > [class*="DivCommentObjectWrapper"]'));
    for (const thread of threads.reverse()) list.append(thread.cloneNode(true));
    threads.forEach((t) => t.remove());
    for (const like of document.querySelectorAll('[data-e2e="comment-like-count"]')) like.textContent = String(Number(like.textContent) + 3);
    for (const time of document.querySelectorAll('[data-e2e^="comment-time-"]')) time.textContent = '3 j';
    const after = all().filter((c) => c !== null);
    expect(after.map((c) => c.author.handle)).not.toEqual([...before.keys()]);
    expect(new Map(after.map((c) => [c.author.handle, c.nativeId]))).toEqual(before);
    expect(after.find((c) => c.author.handle === '@marie_dpt')!.nativeId).toBe(MARIE);
  });

  it('gives an edited comment a new id (its text is what identifies it)', () => {
    document.querySelector('[data-e2e="comment-level-1"] p')!.textContent = 'Commande reçue, merci !';
    expect(all()[0]!.nativeId).not.toBe(MARIE);
    expect(all()[0]!.nativeId).toMatch(/^7440000000000000001:marie_dpt:[0-9a-z]+$/);
  });

  it('parents replies to the top-level comment of their thread, and reads mentions and line breaks', () => {
    const [top, creator, reply, chloe] = all();
    expect(creator!.parentId).toBe(top!.nativeId);
    expect(reply!.parentId).toBe(top!.nativeId);
    expect(top!.parentId).toBeUndefined();
    expect(chloe!.parentId).toBeUndefined();
    expect(reply!.text).toBe('@Marie Dupont pareil pour moi\nlivré au bout d’un mois 😤');
  });

  it('keeps absolute dates only', () => {
    const found = all();
    expect(found[3]!.publishedAt).toBe('2026-11-12');
    expect(found[0]!.publishedAt).toBeUndefined();
  });

  it('reads hostile markup as text', () => {
    const hostile = all()[4]!;
    expect(hostile.author.name).toBe('<img src=x onerror=alert(1)>');
    expect(hostile.text.startsWith('<script>window.__pwned = true</script><img src=x onerror="window.__pwned=true"> \u202eمرحبا\u202c zero\u200bwidth\u200d joiner')).toBe(true);
    expect(hostile.text.length).toBeGreaterThan(10_000);
  });

  it('anchors the badge in the row of the comment’s own reply button', () => {
    const [top] = tiktokAdapter.findComments(document);
    const anchor = tiktokAdapter.anchorFor(top!);
    expect(anchor.querySelector('[data-e2e="comment-reply-1"]')).not.toBeNull();
    expect(anchor.querySelector('[data-e2e="comment-reply-2"]')).toBeNull();
  });

  it('finds the Draft.js comment box once mounted', () => {
    expect(tiktokAdapter.findComposers(document)).toHaveLength(0);
    document.querySelector('[data-fixture-editor="draft"]')!.innerHTML = '<div class="DraftEditor-root"><div class="public-DraftEditor-content" contenteditable="true" role="textbox"></div></div>';
    expect(tiktokAdapter.findComposers(document)).toHaveLength(1);
  });

  it('reads nothing where the URL names no video', () => {
    loadFixture('tiktok', 'video.html', 'https://www.tiktok.com/foryou');
    expect(all().every((c) => c === null)).toBe(true);
  });
});

// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { instagramAdapter } from '../../../../lib/platforms/instagram/adapter';
import { isPost, testUrls } from '../../../../lib/platforms/instagram/routes';
import { loadFixture } from '../../helpers/fixtures';

const POST = 'https://www.instagram.com/p/DCvIgIeDeMo/';
const all = () => instagramAdapter.findComments(document).map((el) => instagramAdapter.extract(el));

describe('instagram routes', () => {
  it.each(testUrls.post)('%s is a post', (u) => expect(isPost(new URL(u))).toBe(true));
  it.each(testUrls.other)('%s expects no comments', (u) => expect(instagramAdapter.expectsComments(new URL(u))).toBe(false));
});

describe('instagram adapter on a post page', () => {
  beforeEach(() => loadFixture('instagram', 'post.html', POST));

  it('finds every comment and reply by its permalink, not the caption', () => {
    expect(all().map((c) => c?.nativeId)).toEqual(['18012345678900001', '18012345678900002', '18012345678900003', '18012345678900004', '18012345678900005']);
  });

  it('extracts a comment exactly, its parent being the post', () => {
    expect(all()[0]).toEqual({
      platform: 'instagram',
      nativeId: '18012345678900001',
      author: { name: 'marie.dpt', handle: 'marie.dpt' },
      text: 'Trois semaines que j’attends ma commande, aucune réponse. C’est une arnaque 😡',
      permalink: 'https://www.instagram.com/p/DCvIgIeDeMo/c/18012345678900001/',
      publishedAt: '2026-11-20T08:30:00.000Z',
      parentId: 'DCvIgIeDeMo',
    });
  });

  it('gives replies their parent comment, each block holding only its own text', () => {
    const [top, reply, second] = all();
    expect(top!.text).not.toContain('Bonjour Marie');
    expect(reply).toMatchObject({
      nativeId: '18012345678900002',
      parentId: '18012345678900001',
      author: { name: 'vigie_demo', handle: 'vigie_demo' },
      text: '@marie.dpt Bonjour Marie, nous sommes désolés. Écrivez-nous en message privé 🙏',
      permalink: 'https://www.instagram.com/p/DCvIgIeDeMo/c/18012345678900001/r/18012345678900002/',
    });
    expect(second).toMatchObject({ parentId: '18012345678900001', author: { handle: 'lucas.b' } });
  });

  it('reads hostile markup as text', () => {
    const hostile = all()[3]!;
    expect(hostile.text.startsWith('<script>window.__pwned = true</script><img src=x onerror="window.__pwned=true"> \u202eمرحبا\u202c zero\u200bwidth\u200d joiner')).toBe(true);
    expect(hostile.text.length).toBeGreaterThan(10_000);
    expect(document.querySelector('img[src="x"]')).toBeNull();
  });

  it('returns the same block from the document and from a subtree added under it', () => {
    const [top] = instagramAdapter.findComments(document);
    const link = top!.querySelector('a[href*="/c/"]')!;
    expect(instagramAdapter.findComments(link)).toEqual([top]);
    expect(instagramAdapter.anchorFor(top!)).toBe(link.parentElement);
  });

  it('finds the comment textarea once React has mounted it', () => {
    expect(instagramAdapter.findComposers(document)).toHaveLength(0);
    document.querySelector('[data-fixture-editor]')!.innerHTML = '<textarea aria-label="Ajouter un commentaire…"></textarea>';
    expect(instagramAdapter.findComposers(document)).toHaveLength(1);
  });
});

describe('instagram adapter on a post with a single comment thread', () => {
  beforeEach(() => loadFixture('instagram', 'post2.html', 'https://www.instagram.com/p/DCvSaVDeMo2/'));

  it('stops each block at the caption, not the whole page', () => {
    const [top, reply] = all();
    expect(top).toMatchObject({ nativeId: '18012345678900011', text: 'Le retour s’est très bien passé, merci !' });
    expect(reply).toMatchObject({ nativeId: '18012345678900012', parentId: '18012345678900011', text: 'Merci Jeanne 😊' });
  });
});

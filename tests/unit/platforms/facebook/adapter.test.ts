// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { commentIdFrom, facebookAdapter } from '../../../../lib/platforms/facebook/adapter';
import { isPost, testUrls } from '../../../../lib/platforms/facebook/routes';
import { loadFixture } from '../../helpers/fixtures';

const POST = 'https://www.facebook.com/VigieDemo/posts/pfbid02Vig1eDem0PostA';
const all = () => facebookAdapter.findComments(document).map((el) => facebookAdapter.extract(el));

describe('facebook routes', () => {
  it.each(testUrls.post)('%s is a post page', (u) => expect(isPost(new URL(u))).toBe(true));
  it.each(testUrls.other)('%s expects no comments', (u) => expect(facebookAdapter.expectsComments(new URL(u))).toBe(false));
  it('matches www and web only', () => {
    expect(facebookAdapter.matches(new URL(POST))).toBe(true);
    expect(facebookAdapter.matches(new URL('https://m.facebook.com/VigieDemo'))).toBe(false);
    expect(facebookAdapter.matches(new URL('https://www.facebook.com.evil.example/VigieDemo'))).toBe(false);
  });
});

describe('facebook comment ids', () => {
  it.each([
    ['1234567890123401', '1234567890123401'],
    [btoa('comment:1122334455667788_1234567890123401'), '1234567890123401'],
    ['not-base64!', undefined],
    [btoa('story:1122_33'), undefined],
    [null, undefined],
  ])('%s → %s', (value, id) => expect(commentIdFrom(value)).toBe(id));
});

describe('facebook adapter on a post page', () => {
  beforeEach(() => loadFixture('facebook', 'post.html', POST));

  it('finds every comment and reply', () => {
    expect(all().map((c) => c?.nativeId)).toEqual(['1234567890123401', '1234567890123402', '1234567890123403', '1234567890123404', '1234567890123405']);
  });

  it('extracts a comment exactly, emoji image included, tracking parameters dropped', () => {
    const id = encodeURIComponent(btoa('comment:1122334455667788_1234567890123401'));
    expect(all()[0]).toEqual({
      platform: 'facebook',
      nativeId: '1234567890123401',
      author: { name: 'Marie Dupont', handle: 'marie.dupont' },
      text: 'Trois semaines que j’attends ma commande, aucune réponse. C’est une honte 😡',
      permalink: `https://www.facebook.com/VigieDemo/posts/pfbid02Vig1eDem0PostA?comment_id=${id}`,
      parentId: 'pfbid02Vig1eDem0PostA',
    });
  });

  it('gives replies their parent comment, reads paragraphs as lines and profile.php ids as handles', () => {
    const [, page, lucas] = all();
    expect(page).toMatchObject({ nativeId: '1234567890123402', parentId: '1234567890123401', author: { name: 'Vigie Démo', handle: 'VigieDemo' } });
    expect(page!.text).toBe('Bonjour Marie, nous sommes désolés.\nPouvez-vous nous envoyer votre numéro de commande en message privé ?');
    expect(lucas).toMatchObject({ parentId: '1234567890123401', author: { name: 'Lucas Bernard', handle: '100012345678901' } });
  });

  it('reads hostile markup as text', () => {
    const hostile = all()[3]!;
    expect(hostile.author.name).toBe('<img src=x onerror=alert(1)>');
    expect(hostile.text.startsWith('<script>window.__pwned = true</script><img src=x onerror="window.__pwned=true"> \u202eمرحبا\u202c zero\u200bwidth\u200d joiner')).toBe(true);
    expect(hostile.text.length).toBeGreaterThan(10_000);
    expect(document.querySelector('img[src="x"]')).toBeNull();
  });

  it('skips an article that carries no comment id (a comment still rendering)', () => {
    const pending = document.createElement('div');
    pending.setAttribute('role', 'article');
    pending.innerHTML = '<div dir="auto" style="text-align: start;">…</div>';
    expect(facebookAdapter.extract(pending)).toBeNull();
  });

  it('anchors the badge in each comment’s own action row', () => {
    const [top, reply] = facebookAdapter.findComments(document);
    expect(facebookAdapter.anchorFor(top!).tagName).toBe('UL');
    expect(facebookAdapter.anchorFor(top!).closest('[role="article"]')).toBe(top);
    expect(facebookAdapter.anchorFor(reply!).closest('[role="article"]')).toBe(reply);
  });

  it('finds the Lexical comment box', () => {
    const composers = facebookAdapter.findComposers(document);
    expect(composers).toHaveLength(1);
    expect(composers[0]!.getAttribute('aria-label')).toBe('Écrivez un commentaire…');
  });
});

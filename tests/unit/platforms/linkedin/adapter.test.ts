// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { linkedinAdapter, timeOfId } from '../../../../lib/platforms/linkedin/adapter';
import { isActivity, isFeed, isPost, testUrls } from '../../../../lib/platforms/linkedin/routes';
import { loadFixture } from '../../helpers/fixtures';

const FEED = 'https://www.linkedin.com/feed/';
const POST_ID = '7529453479526400001';
const all = () => linkedinAdapter.findComments(document).map((el) => linkedinAdapter.extract(el));

describe('linkedin routes', () => {
  it.each(testUrls.feed)('%s is the feed', (u) => expect(isFeed(new URL(u))).toBe(true));
  it.each(testUrls.post)('%s is a post', (u) => expect(isPost(new URL(u))).toBe(true));
  it.each(testUrls.activity)('%s lists posts', (u) => expect(isActivity(new URL(u))).toBe(true));
  it.each(testUrls.other)('%s expects no comments', (u) => expect(linkedinAdapter.expectsComments(new URL(u))).toBe(false));
});

describe('linkedin snowflake ids', () => {
  it.each([
    [POST_ID, '2026-11-20T08:00:00.000Z'],
    ['7529469837312000015', '2026-11-20T09:05:00.000Z'],
    ['12', undefined],
    ['abc', undefined],
  ])('%s was created at %s', (id, iso) => expect(timeOfId(id)).toBe(iso));
});

describe('linkedin adapter on the feed', () => {
  beforeEach(() => loadFixture('linkedin', 'feed.html', FEED));

  it('finds posts and comments in page order and skips the sponsored post', () => {
    expect(all().map((c) => c?.nativeId ?? null)).toEqual([
      `activity:${POST_ID}`, 'comment:7529469837312000015', 'comment:7529478645350400050', 'comment:7529487453388800085',
      'comment:7529491228262400100', 'comment:7529493744844800110', null, 'activity:7529211887616000002',
    ]);
  });

  it('extracts a post exactly, without the comments under it', () => {
    expect(all()[0]).toEqual({
      platform: 'linkedin',
      nativeId: `activity:${POST_ID}`,
      author: { name: 'Vigie Démo', handle: 'vigie-demo' },
      text: 'Notre nouvelle collection d’hiver est en ligne ! ❄️\nDites-nous ce que vous en pensez.',
      permalink: `https://www.linkedin.com/feed/update/urn:li:activity:${POST_ID}/`,
      publishedAt: '2026-11-20T08:00:00.000Z',
    });
  });

  it('extracts a comment exactly, its parent being the post', () => {
    const urn = `urn:li:comment:(activity:${POST_ID},7529469837312000015)`;
    expect(all()[1]).toEqual({
      platform: 'linkedin',
      nativeId: 'comment:7529469837312000015',
      author: { name: 'Marie Dupont', handle: 'marie-dupont-123' },
      text: 'Trois semaines que j’attends ma commande, aucune réponse du service client. Inadmissible 😡',
      permalink: `https://www.linkedin.com/feed/update/urn:li:activity:${POST_ID}/?commentUrn=${encodeURIComponent(urn)}`,
      publishedAt: '2026-11-20T09:05:00.000Z',
      parentId: `activity:${POST_ID}`,
    });
  });

  it('gives nested replies their parent comment and reads only their own text', () => {
    const [, , reply, second] = all();
    expect(reply).toMatchObject({ parentId: 'comment:7529469837312000015', author: { name: 'Vigie Démo', handle: 'vigie-demo-cm' } });
    expect(reply!.text).toBe('Bonjour Marie, nous sommes désolés.\nPouvez-vous nous écrire en message privé ? 🙏');
    expect(second).toMatchObject({ parentId: 'comment:7529469837312000015', text: 'Même expérience ici 😤' });
  });

  it('reads hostile markup as text', () => {
    const hostile = all()[4]!;
    expect(hostile.author.name).toBe('<img src=x onerror=alert(1)>');
    expect(hostile.text.startsWith('<script>window.__pwned = true</script><img src=x onerror="window.__pwned=true"> \u202eمرحبا\u202c zero\u200bwidth\u200d joiner')).toBe(true);
    expect(hostile.text.length).toBeGreaterThan(10_000);
    expect(document.querySelector('img[src="x"]')).toBeNull();
  });

  it('anchors badges in the post’s and each comment’s own action bar', () => {
    const [post, top, reply] = linkedinAdapter.findComments(document);
    expect(linkedinAdapter.anchorFor(post!).classList.contains('feed-shared-social-action-bar')).toBe(true);
    expect(linkedinAdapter.anchorFor(top!).closest('article')).toBe(top);
    expect(linkedinAdapter.anchorFor(reply!).closest('article')).toBe(reply);
  });

  it('reads the older comments-comment-item markup too', () => {
    const old = document.createElement('article');
    old.className = 'comments-comment-item';
    old.setAttribute('data-id', `urn:li:comment:(activity:${POST_ID},7529469837312000099)`);
    old.innerHTML = '<a class="comments-post-meta__actor-link" href="/in/paul-r/"><span class="comments-post-meta__name-text">Paul R.</span></a><span class="comments-comment-item__main-content">Super</span>';
    expect(linkedinAdapter.extract(old)).toMatchObject({ nativeId: 'comment:7529469837312000099', author: { name: 'Paul R.', handle: 'paul-r' }, text: 'Super' });
  });

  it('finds the comment box only where Quill has mounted it', () => {
    expect(linkedinAdapter.findComposers(document)).toHaveLength(0);
    const host = document.querySelector('[data-fixture-editor="quill"]')!;
    host.innerHTML = '<div class="ql-editor" contenteditable="true" role="textbox"><p><br></p></div>';
    expect(linkedinAdapter.findComposers(document)).toEqual([host.firstElementChild]);
  });
});

// @vitest-environment happy-dom
import { loadFixture } from '../../helpers/fixtures';
import { beforeEach, describe, expect, it } from 'vitest';
import { xAdapter } from '../../../../lib/platforms/x/adapter';
import { isProfile, isThread, isTimeline, testUrls } from '../../../../lib/platforms/x/routes';
import { adLabels } from '../../../../lib/platforms/x/selectors';


const load = (file: string, url: string) => loadFixture('x', file, url);

describe('x routes', () => {
  it.each(testUrls.thread)('%s is a thread', (u) => expect(isThread(new URL(u))).toBe(true));
  it.each(testUrls.timeline)('%s is a timeline', (u) => expect(isTimeline(new URL(u))).toBe(true));
  it.each(testUrls.profile)('%s is a profile', (u) => expect(isProfile(new URL(u))).toBe(true));
  it.each(testUrls.other)('%s expects no comments', (u) => expect(xAdapter.expectsComments(new URL(u))).toBe(false));
});

describe('x adapter on the thread fixture', () => {
  beforeEach(() => load('thread.html', 'https://x.com/vigie_demo/status/1850000000000000001'));

  it('finds every tweet and skips the promoted one', () => {
    const found = xAdapter.findComments(document);
    expect(found).toHaveLength(6);
    expect(found.map((el) => xAdapter.extract(el)?.nativeId ?? null)).toEqual([
      '1850000000000000001', '1850000000000000002', '1850000000000000003', '1850000000000000004', '1850000000000000005', null,
    ]);
  });

  it('extracts author, text with emoji, permalink, date and parent', () => {
    const reply = xAdapter.extract(xAdapter.findComments(document)[1]!);
    expect(reply).toEqual({
      platform: 'x',
      nativeId: '1850000000000000002',
      author: { name: 'Marie Dupont', handle: '@marie_dpt' },
      text: 'Trois semaines que j’attends ma commande, aucune réponse du service client. C’est une arnaque 😡',
      permalink: 'https://x.com/marie_dpt/status/1850000000000000002',
      publishedAt: '2026-11-20T09:12:00.000Z',
      parentId: '1850000000000000001',
    });
    expect(xAdapter.extract(xAdapter.findComments(document)[0]!)?.parentId).toBeUndefined();
  });

  it('reads hostile markup as text', () => {
    const hostile = xAdapter.extract(xAdapter.findComments(document)[4]!)!;
    expect(hostile.author.name).toBe('<img src=x onerror=alert(1)>');
    expect(hostile.text.startsWith('<script>window.__pwned = true</script><img src=x onerror="window.__pwned=true">')).toBe(true);
    expect(hostile.text.length).toBeGreaterThan(10_000);
  });

  it('puts the badge anchor in the action bar', () => {
    expect(xAdapter.anchorFor(xAdapter.findComments(document)[1]!).getAttribute('role')).toBe('group');
  });

  it('finds no composer before the editor is mounted, and the editable once it is', () => {
    expect(xAdapter.findComposers(document)).toHaveLength(0);
    const host = document.querySelector('[data-fixture-editor="draft"]')!;
    host.innerHTML = '<div class="public-DraftEditor-content" contenteditable="true" role="textbox" data-testid="tweetTextarea_0"></div>';
    expect(xAdapter.findComposers(document)).toHaveLength(1);
  });
});

describe('x adapter on tweets with media (media.html)', () => {
  beforeEach(() => load('media.html', 'https://x.com/vigie_demo/status/1850000000000000020'));
  const byId = (id: string) => document.querySelector(`article[aria-labelledby="id__${id}"]`)!;

  it('reads a video tweet, though its player sits in placementTracking', () => {
    expect(byId('1850000000000000020').querySelector('[data-testid="placementTracking"] [data-testid="videoPlayer"] video')).not.toBeNull();
    expect(xAdapter.extract(byId('1850000000000000020'))).toMatchObject({
      nativeId: '1850000000000000020',
      author: { name: 'Vigie Démo', handle: '@vigie_demo' },
      text: 'Les coulisses de notre atelier, en vidéo',
    });
  });

  it('reads a GIF reply', () => {
    expect(xAdapter.extract(byId('1850000000000000021'))).toMatchObject({
      nativeId: '1850000000000000021',
      author: { handle: '@marie_dpt' },
      text: 'Toujours pas de réponse pour ma commande, voilà ma tête',
      parentId: '1850000000000000020',
    });
  });

  it('reads a tweet quoting a video tweet as its own author, text and id, not the quoted one', () => {
    expect(xAdapter.extract(byId('1850000000000000022'))).toMatchObject({
      nativeId: '1850000000000000022',
      author: { name: 'Paul Martin', handle: '@paulmrt' },
      text: 'Même problème que dans cette vidéo, colis abîmé',
      permalink: 'https://x.com/paulmrt/status/1850000000000000022',
      publishedAt: '2026-11-20T09:30:00.000Z',
    });
  });

  it('names the author from the permalink; from the name block when the link is X\'s own /i/status/ one', () => {
    const tweet = byId('1850000000000000022');
    const link = tweet.querySelector('a[href*="/status/"] time')!.closest('a')!;
    link.setAttribute('href', '/i/status/1850000000000000022');
    expect(xAdapter.extract(tweet)).toMatchObject({ nativeId: '1850000000000000022', author: { name: 'Paul Martin', handle: '@paulmrt' } });
    // The handle span gone, the link still names the account.
    link.setAttribute('href', '/paulmrt/status/1850000000000000022');
    for (const span of tweet.querySelectorAll('div[data-testid="User-Name"] span')) if (span.textContent === '@paulmrt') span.remove();
    expect(xAdapter.extract(tweet)).toMatchObject({ author: { name: 'Paul Martin', handle: '@paulmrt' } });
  });

  it.each([
    ['French "Sponsorisé", with a video', '1850000000000000023'],
    ['English "Ad"', '1850000000000000024'],
    ['English "Promoted"', '1850000000000000025'],
  ])('skips an ad labelled in %s', (_, id) => {
    expect(xAdapter.extract(byId(id))).toBeNull();
  });

  it('reads someone named "Ad" who tweets "Ad": the label only counts beside the caret', () => {
    expect(xAdapter.extract(byId('1850000000000000026'))).toMatchObject({ author: { name: 'Ad', handle: '@ad_fan' }, text: 'Ad' });
  });

  it('badges every tweet of the page but the three ads', () => {
    expect(xAdapter.findComments(document).map((el) => xAdapter.extract(el)?.nativeId ?? null)).toEqual([
      '1850000000000000020', '1850000000000000021', '1850000000000000022', null, null, null, '1850000000000000026',
    ]);
  });

  it.each([...adLabels])('skips an ad labelled "%s" below its video, after the parts where a label does not count', (label) => {
    const tweet = byId('1850000000000000020');
    const media = tweet.querySelector('[data-testid="placementTracking"]')!.closest('[id^="id__m"]')!;
    const below = document.createElement('div');
    below.innerHTML = `<div dir="ltr"><span> ${label} </span></div>`;
    media.after(below);
    expect(xAdapter.extract(tweet)).toBeNull();
  });

  it('reads a tweet with a word beside the caret that only starts like a label', () => {
    const tweet = byId('1850000000000000024');
    const label = Array.from(tweet.querySelectorAll('span')).find((s) => s.textContent === 'Ad')!;
    label.textContent = 'Adidas';
    expect(xAdapter.extract(tweet)?.nativeId).toBe('1850000000000000024');
  });

  it('does not take an "Ad" shown inside a video player (a pre-roll) for the tweet being an ad', () => {
    const tweet = byId('1850000000000000020');
    const overlay = document.createElement('span');
    overlay.textContent = 'Ad';
    tweet.querySelector('[data-testid="videoComponent"]')!.append(overlay);
    expect(xAdapter.extract(tweet)?.nativeId).toBe('1850000000000000020');
  });
});

// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HIDDEN_BODY, isMastodonPage, mastodonAdapter } from '../../../../lib/platforms/mastodon/adapter';
import { instanceHosts } from '../../../../lib/platforms/mastodon/hosts';
import { isProfile, isThread, isTimeline, normalizeHost, testUrls } from '../../../../lib/platforms/mastodon/routes';
import { loadFixture } from '../../helpers/fixtures';

const STATUS = 'https://mastodon.social/@vigie/113500000000000001';
const all = () => mastodonAdapter.findComments(document).map((el) => mastodonAdapter.extract(el));

describe('mastodon routes', () => {
  it.each(testUrls.thread)('%s is a thread', (u) => expect(isThread(new URL(u))).toBe(true));
  it.each(testUrls.timeline)('%s is a timeline', (u) => expect(isTimeline(new URL(u))).toBe(true));
  it.each(testUrls.profile)('%s is a profile', (u) => expect(isProfile(new URL(u))).toBe(true));
  it.each(testUrls.other)('%s expects no comments', (u) => expect(mastodonAdapter.expectsComments(new URL(u))).toBe(false));
  it.each([
    ['mastodon.social', 'mastodon.social'],
    [' Mastodon.Social ', 'mastodon.social'],
    ['https://piaille.fr/@marie', 'piaille.fr'],
    ['localhost', undefined],
    ['evil.example/*', 'evil.example'],
    ['not a host', undefined],
    ['*.social', undefined],
    ['', undefined],
  ])('normalizeHost(%j) is %j', (input, expected) => expect(normalizeHost(input)).toBe(expected));
});

describe('mastodon matches only the instances the user added', () => {
  afterEach(() => instanceHosts.clear());
  it('refuses every host until added, then only that one', () => {
    expect(mastodonAdapter.matches(new URL(STATUS))).toBe(false);
    instanceHosts.add('mastodon.social');
    expect(mastodonAdapter.matches(new URL(STATUS))).toBe(true);
    expect(mastodonAdapter.matches(new URL('https://piaille.fr/@x/1'))).toBe(false);
  });
});

describe('mastodon adapter on a thread', () => {
  beforeEach(() => loadFixture('mastodon', 'status.html', STATUS));

  it('recognises a Mastodon page by its markup', () => {
    expect(isMastodonPage(document)).toBe(true);
    document.body.innerHTML = '<div id="app"></div>';
    expect(isMastodonPage(document)).toBe(false);
  });

  it('finds the focal status and every reply', () => {
    expect(all().map((c) => c?.nativeId ?? null)).toEqual(['113500000000000001', '113500000000000002', '113500000000000003', '113500000000000004', '113500000000000006']);
  });

  it('extracts the focal status and a reply exactly', () => {
    const [focal, reply] = all();
    expect(focal).toEqual({
      platform: 'mastodon',
      nativeId: '113500000000000001',
      author: { name: 'Vigie Démo', handle: '@vigie' },
      text: 'Notre nouvelle collection d’hiver est en ligne !\nDites-nous ce que vous en pensez ❄️ #mode',
      permalink: STATUS,
    });
    expect(reply).toEqual({
      platform: 'mastodon',
      nativeId: '113500000000000002',
      author: { name: 'Marie Dupont', handle: '@marie_dpt' },
      text: 'Trois semaines que j’attends ma commande, aucune réponse du service client. C’est une arnaque 😡',
      permalink: 'https://mastodon.social/@marie_dpt/113500000000000002',
      publishedAt: '2026-11-20T09:12:00.000Z',
      parentId: '113500000000000001',
    });
  });

  // status.html's comment says which reply answers which, as Mastodon's reply lines show it.
  it('gives each reply the parent its reply lines show: the focal status, the reply above it, or unknown', () => {
    expect(all().map((c) => [c!.nativeId, c!.parentId, c!.parentUnknown])).toEqual([
      ['113500000000000001', undefined, undefined],
      ['113500000000000002', '113500000000000001', undefined],
      ['113500000000000003', '113500000000000002', undefined],
      ['113500000000000004', '113500000000000001', undefined],
      ['113500000000000006', undefined, true],
    ]);
  });

  it('reads remote accounts, mentions and line breaks', () => {
    const lucas = all()[2]!;
    expect(lucas.author).toEqual({ name: 'Lucas B.', handle: '@lucas_b@framapiaf.org' });
    expect(lucas.text).toBe('@marie_dpt pareil pour moi\nlivré au bout d’un mois 😤');
  });

  it('reads hostile markup as text', () => {
    const hostile = all()[3]!;
    expect(hostile.author.name).toBe('<img src=x onerror=alert(1)>');
    expect(hostile.text.startsWith('<script>window.__pwned = true</script><img src=x onerror="window.__pwned=true"> \u202eمرحبا\u202c zero\u200bwidth\u200d joiner')).toBe(true);
    expect(hostile.text.length).toBeGreaterThan(10_000);
  });

  it('anchors badges in each action bar, the focal one beside its status', () => {
    const [focal, reply] = mastodonAdapter.findComments(document);
    expect(mastodonAdapter.anchorFor(focal!).className).toBe('detailed-status__action-bar');
    expect(mastodonAdapter.anchorFor(reply!).className).toBe('status__action-bar');
    expect(mastodonAdapter.anchorFor(reply!).closest('.status')).toBe(reply);
  });

  it('finds the compose textarea once mounted', () => {
    expect(mastodonAdapter.findComposers(document)).toHaveLength(0);
    document.querySelector('[data-fixture-editor="react-textarea"]')!.innerHTML = '<textarea class="autosuggest-textarea__textarea"></textarea>';
    expect(mastodonAdapter.findComposers(document)).toHaveLength(1);
  });

  it('answers the status its reply indicator shows, matched by account and content, not by where the form stands', () => {
    document.querySelector('[data-fixture-editor="react-textarea"]')!.innerHTML = '<textarea class="autosuggest-textarea__textarea"></textarea>';
    const [box] = mastodonAdapter.findComposers(document);
    expect(mastodonAdapter.extract(mastodonAdapter.answeredComment!(box!)!)?.nativeId).toBe('113500000000000001');
    // Same account, other text (the status was edited, or another one of theirs): nobody rather than a guess.
    document.querySelector('.reply-indicator__content')!.textContent = 'Autre chose';
    expect(mastodonAdapter.answeredComment!(box!)).toBeUndefined();
    // A new post has no reply indicator.
    document.querySelector('.reply-indicator')!.remove();
    expect(mastodonAdapter.answeredComment!(box!)).toBeUndefined();
  });
});

describe('mastodon adapter on the home timeline', () => {
  beforeEach(() => loadFixture('mastodon', 'home.html', 'https://mastodon.social/home'));

  it('reads custom emoji names and full link URLs, and skips a quoted status inside another', () => {
    expect(all().map((c) => c?.nativeId ?? null)).toEqual(['113500000000000001', '113500000000000005', null]);
    const chloe = all()[1]!;
    expect(chloe.author).toEqual({ name: 'Chloé :blobheart:', handle: '@chloe@piaille.fr' });
    expect(chloe.text).toBe('Le manteau bleu, je valide ! Lien : https://boutique.example/manteau-bleu-hiver-2026');
    expect(chloe.parentId).toBeUndefined();
  });
});

describe('mastodon adapter on a thread whose focal status is a reply', () => {
  beforeEach(() => loadFixture('mastodon', 'status-2.html', 'https://mastodon.social/@marie_dpt/113500000000000002'));

  it('gives the thread’s first post no parent, the focal reply its ancestor, and the reply below the focal status its parent', () => {
    expect(all().map((c) => [c!.nativeId, c!.parentId, c!.parentUnknown])).toEqual([
      ['113500000000000001', undefined, undefined],
      ['113500000000000002', '113500000000000001', undefined],
      ['113500000000000007', '113500000000000002', undefined],
    ]);
  });

  it('says the parent is unknown for an ancestor that is itself a reply to a status the page does not show', () => {
    document.querySelector('.status[data-id="113500000000000001"]')!.classList.add('status-reply');
    expect(all()[0]).toMatchObject({ nativeId: '113500000000000001', parentUnknown: true });
    expect(all()[0]!.parentId).toBeUndefined();
  });
});

describe('mastodon signed-in account', () => {
  it('reads the account from the initial state, and nothing from a broken one', () => {
    const html = (state: string) => new DOMParser().parseFromString(`<div id="mastodon" data-props="{}"></div><script id="initial-state" type="application/json">${state}</script>`, 'text/html');
    expect(mastodonAdapter.currentAccount!(html('{"meta":{"me":"1"},"accounts":{"1":{"acct":"vigie"}}}'))).toBe('@vigie');
    expect(mastodonAdapter.currentAccount!(html('{"meta":{},"accounts":{}}'))).toBeUndefined();
    expect(mastodonAdapter.currentAccount!(html('{not json'))).toBeUndefined();
  });
});

describe('mastodon adapter on a poll, a quote and content warnings (status-3.html)', () => {
  const FOCAL = 'https://mastodon.social/@vigie/113500000000000010';
  beforeEach(() => loadFixture('mastodon', 'status-3.html', FOCAL));

  it('reads the text alone, not the poll options nor the Translate button', () => {
    expect(all()[0]!.text).toBe('Quelle couleur pour le manteau ?');
  });

  it('gives a focal status quoting another its own id and permalink, not the quoted one', () => {
    expect(all()[0]).toMatchObject({ nativeId: '113500000000000010', permalink: FOCAL, author: { name: 'Vigie Démo', handle: '@vigie' } });
    expect(all().map((c) => c?.nativeId ?? null)).toEqual(['113500000000000010', null, '113500000000000011', '113500000000000012']);
  });

  it('reads a collapsed content warning and says the body is hidden, not empty', () => {
    expect(all()[2]!.text).toBe(`Spoiler : avis sur la livraison\n${HIDDEN_BODY}`);
  });

  it('reads an expanded content warning with its body', () => {
    expect(all()[3]!.text).toBe('Coup de gueule\n\nColis perdu deux fois.');
  });
});

// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { blueskyAdapter } from '../../../../lib/platforms/bluesky/adapter';
import { focalPost, isFeed, isProfile, isThread, testUrls } from '../../../../lib/platforms/bluesky/routes';
import { loadFixture } from '../../helpers/fixtures';

const THREAD = 'https://bsky.app/profile/vigie.bsky.social/post/3lvigieqqq2aa';
const all = () => blueskyAdapter.findComments(document).map((el) => blueskyAdapter.extract(el));

describe('bluesky routes', () => {
  it.each(testUrls.thread)('%s is a thread', (u) => expect(isThread(new URL(u))).toBe(true));
  it.each(testUrls.feed)('%s is a feed', (u) => expect(isFeed(new URL(u))).toBe(true));
  it.each(testUrls.profile)('%s is a profile', (u) => expect(isProfile(new URL(u))).toBe(true));
  it.each(testUrls.other)('%s expects no comments', (u) => expect(blueskyAdapter.expectsComments(new URL(u))).toBe(false));
  it('reads the focal post from a thread URL, DIDs included', () => {
    expect(focalPost(new URL(testUrls.thread[1]!))).toEqual({ actor: 'did:plc:3a2x2v2x2t1a2q372z3d1a37', rkey: '3lvigiedid2bb' });
    expect(focalPost(new URL('https://bsky.app/'))).toBeUndefined();
  });
});

describe('bluesky adapter on a thread', () => {
  beforeEach(() => loadFixture('bluesky', 'thread.html', THREAD));

  it('finds the focal post and every reply; the hidden and the deleted ones render no post to read', () => {
    expect(all().map((c) => c?.nativeId ?? null)).toEqual([
      'vigie.bsky.social/3lvigieqqq2aa', 'marie-dpt.bsky.social/3lvigieqqq3bb', 'lucas-b.bsky.social/3lvigieqqq5dd',
      'evil.bsky.social/3lvigieqqq6ee', 'ahmed-k.bsky.social/3lvigieqqq7ff',
    ]);
    expect(document.body.textContent).toContain('Publication masquée par vous');
    expect(document.body.textContent).toContain('La publication a été supprimée');
  });

  it('reads every thread item from its RichText: thread items carry no postText testID', () => {
    expect(document.querySelector('[data-testid="postText"]')).toBeNull();
    expect(all().map((c) => c!.text.slice(0, 20))).toEqual([
      'Notre nouvelle colle', 'Trois semaines que j', '@marie-dpt.bsky.soci', '<script>window.__pwn', 'الجودة ممتازة لكن ال',
    ]);
  });

  // thread.html: Lucas's reply carries the line up to Marie's (it answers her); the two after it have none.
  it('gives each reply below the focal post the parent its reply line shows: the item above, else the focal post', () => {
    const focal = 'vigie.bsky.social/3lvigieqqq2aa';
    expect(all().map((c) => c!.parentId)).toEqual([undefined, focal, 'marie-dpt.bsky.social/3lvigieqqq3bb', focal, focal]);
  });

  it('extracts the focal post from the URL and a reply from its own permalink', () => {
    const [focal, reply] = all();
    expect(focal).toEqual({
      platform: 'bluesky',
      nativeId: 'vigie.bsky.social/3lvigieqqq2aa',
      author: { name: 'Vigie Démo', handle: '@vigie.bsky.social' },
      text: 'Notre nouvelle collection d’hiver est en ligne !\nDites-nous ce que vous en pensez ❄️',
      permalink: 'https://bsky.app/profile/vigie.bsky.social/post/3lvigieqqq2aa',
    });
    expect(reply).toEqual({
      platform: 'bluesky',
      nativeId: 'marie-dpt.bsky.social/3lvigieqqq3bb',
      author: { name: 'Marie Dupont', handle: '@marie-dpt.bsky.social' },
      text: 'Trois semaines que j’attends ma commande, aucune réponse du service client. C’est une arnaque 😡',
      permalink: 'https://bsky.app/profile/marie-dpt.bsky.social/post/3lvigieqqq3bb',
      parentId: 'vigie.bsky.social/3lvigieqqq2aa',
    });
    expect(all()[2]!.text).toBe('@marie-dpt.bsky.social pareil pour moi\nlivré au bout d’un mois 😤');
  });

  it('reads hostile markup as text', () => {
    const hostile = all()[3]!;
    expect(hostile.author.name).toBe('<img src=x onerror=alert(1)>');
    expect(hostile.text.startsWith('<script>window.__pwned = true</script><img src=x onerror="window.__pwned=true"> \u202eمرحبا\u202c zero\u200bwidth\u200d joiner')).toBe(true);
    expect(hostile.text.length).toBeGreaterThan(10_000);
  });

  it('anchors the badge in the row of action buttons', () => {
    const anchor = blueskyAdapter.anchorFor(blueskyAdapter.findComments(document)[1]!);
    expect(anchor.querySelector('[data-testid="replyBtn"]')).not.toBeNull();
    expect(anchor.querySelector('[data-testid="likeBtn"]')).not.toBeNull();
    expect(anchor.querySelector('[data-testid="postText"]')).toBeNull();
  });

  it('finds the TipTap composer once mounted', () => {
    expect(blueskyAdapter.findComposers(document)).toHaveLength(0);
    document.querySelector('[data-fixture-editor="tiptap"]')!.innerHTML = '<div contenteditable="true" translate="no" class="tiptap ProseMirror ProseMirror-light"><p></p></div>';
    expect(blueskyAdapter.findComposers(document)).toHaveLength(1);
  });
});

describe('bluesky adapter on a thread whose focal post is a reply', () => {
  beforeEach(() => loadFixture('bluesky', 'thread-2.html', 'https://bsky.app/profile/marie-dpt.bsky.social/post/3lvigieqqq3bb'));

  it('gives the thread’s first post no parent, the focal post its ancestor, and the reply below the focal post its parent', () => {
    expect(all().map((c) => [c!.nativeId, c!.parentId])).toEqual([
      ['vigie.bsky.social/3lvigieqqq2aa', undefined],
      ['marie-dpt.bsky.social/3lvigieqqq3bb', 'vigie.bsky.social/3lvigieqqq2aa'],
      ['vigie.bsky.social/3lvigieqqqbgg', 'marie-dpt.bsky.social/3lvigieqqq3bb'],
    ]);
  });
});

describe('bluesky adapter on a thread opened by its DID URL', () => {
  const DID_THREAD = 'https://bsky.app/profile/did:plc:3a2x2v2x2t1a2q372z3d1a37/post/3lvigiedid2bb';
  beforeEach(() => loadFixture('bluesky', 'thread-did.html', DID_THREAD));

  it('reads the focal post by the handle its links use, not the quoted post its quote card links to', () => {
    const [focal] = all();
    expect(focal).toEqual({
      platform: 'bluesky',
      nativeId: 'vigie.bsky.social/3lvigiedid2bb',
      author: { name: 'Vigie Démo', handle: '@vigie.bsky.social' },
      text: 'Rappel : les retours sont gratuits jusqu’au 31 décembre 🎁',
      permalink: 'https://bsky.app/profile/vigie.bsky.social/post/3lvigiedid2bb',
    });
  });

  it('gives each reply the focal post as parent; an author without a valid handle is named by DID', () => {
    expect(all().map((c) => [c!.nativeId, c!.author, c!.parentId])).toEqual([
      ['vigie.bsky.social/3lvigiedid2bb', { name: 'Vigie Démo', handle: '@vigie.bsky.social' }, undefined],
      ['did:plc:vigie4nohandle2026/3lvigiedid3cc', { name: 'Compte sans pseudo' }, 'vigie.bsky.social/3lvigiedid2bb'],
      ['marie-dpt.bsky.social/3lvigiedid4dd', { name: 'Marie Dupont', handle: '@marie-dpt.bsky.social' }, 'vigie.bsky.social/3lvigiedid2bb'],
    ]);
    expect(all()[1]!.permalink).toBe('https://bsky.app/profile/did:plc:vigie4nohandle2026/post/3lvigiedid3cc');
  });

  it('does not take the quoted post for the focal post when the page is opened by handle either', () => {
    loadFixture('bluesky', 'thread-did.html', 'https://bsky.app/profile/vigie.bsky.social/post/3lvigiedid2bb');
    expect(all()[0]!.nativeId).toBe('vigie.bsky.social/3lvigiedid2bb');
    expect(all()[0]!.text).not.toContain('collection');
  });

  it('a focal post not on the page is looked for once per moment, not once per reply', () => {
    // The thread of someone else's post, which this page does not show (yet).
    window.happyDOM.setURL('https://bsky.app/profile/nobody.bsky.social/post/3lvigienone');
    const replies = blueskyAdapter.findComments(document);
    const original = document.querySelectorAll.bind(document);
    let scans = 0;
    document.querySelectorAll = ((sel: string) => {
      if (sel.includes('postThreadItem')) scans++;
      return original(sel);
    }) as typeof document.querySelectorAll;
    try {
      for (const r of replies) blueskyAdapter.extract(r);
    } finally {
      document.querySelectorAll = original;
    }
    expect(replies.length).toBeGreaterThan(2);
    expect(scans).toBe(1);
  });

  it('reads nothing of a reply hidden by moderation until it is shown', () => {
    expect(all().some((c) => c!.text === '' || /masquée/.test(c!.text))).toBe(false);
    expect(blueskyAdapter.findComments(document)).toHaveLength(3);
  });
});

describe('bluesky adapter on search results (Post.tsx rows, as hashtags and notification replies show them)', () => {
  beforeEach(() => loadFixture('bluesky', 'search.html', 'https://bsky.app/search?q=vigie'));

  it('reads every result, whose row has no testID, by its own permalink and text', () => {
    expect(all()).toEqual([
      {
        platform: 'bluesky',
        nativeId: 'marie-dpt.bsky.social/3lvigiesrc1aa',
        author: { name: 'Marie Dupont', handle: '@marie-dpt.bsky.social' },
        text: 'Quelqu’un a déjà reçu sa commande chez Vigie ? Ça fait un mois…',
        permalink: 'https://bsky.app/profile/marie-dpt.bsky.social/post/3lvigiesrc1aa',
      },
      {
        platform: 'bluesky',
        nativeId: 'did:plc:vigie4nohandle2026/3lvigiesrc2bb',
        author: { name: 'Compte sans pseudo' },
        text: '@vigie.bsky.social toujours rien reçu, remboursez-moi',
        permalink: 'https://bsky.app/profile/did:plc:vigie4nohandle2026/post/3lvigiesrc2bb',
      },
      {
        platform: 'bluesky',
        nativeId: 'chloe.bsky.social/3lvigiesrc3cc',
        author: { name: 'Chloé Martin', handle: '@chloe.bsky.social' },
        text: 'Franchement, leur service client a été top avec moi 👏',
        permalink: 'https://bsky.app/profile/chloe.bsky.social/post/3lvigiesrc3cc',
      },
    ]);
  });

  it('a row whose buttons have not rendered yet is not read, and never as the whole list of results', () => {
    const chloe = [...document.querySelectorAll('[data-testid="postText"]')].find((t) => t.textContent?.includes('Franchement'))!;
    let row: Element | null = chloe;
    while (row && !row.querySelector('[data-testid="replyBtn"]')) row = row.parentElement;
    row!.querySelector('[data-testid="replyBtn"]')!.remove();
    expect(all().map((c) => c?.nativeId)).toEqual(['marie-dpt.bsky.social/3lvigiesrc1aa', 'did:plc:vigie4nohandle2026/3lvigiesrc2bb']);
  });

  it('finds a row added later from its subtree, and anchors its badge in its action row', () => {
    const rows = blueskyAdapter.findComments(document.querySelector('[data-spa-root]')!);
    expect(rows).toHaveLength(3);
    const anchor = blueskyAdapter.anchorFor(rows[0]!);
    expect(anchor.querySelector('[data-testid="replyBtn"]')).not.toBeNull();
    expect(anchor.querySelector('[data-testid="postText"]')).toBeNull();
  });
});

describe('bluesky adapter on notifications', () => {
  beforeEach(() => loadFixture('bluesky', 'notifications.html', 'https://bsky.app/notifications'));

  it('reads reply and mention rows, bare Post.tsx or inside a feedItem-by- Link, and no like row', () => {
    expect(all().map((c) => (c ? [c.nativeId, c.author.name, c.text] : null))).toEqual([
      ['lucas-b.bsky.social/3lvigienot2bb', 'Lucas B.', '@vigie.bsky.social vous livrez en Belgique ?'],
      null,
      ['marie-dpt.bsky.social/3lvigienot1aa', 'Marie Dupont', 'Toujours aucune nouvelle de ma commande 😡'],
    ]);
  });
});

describe('bluesky adapter on the feed', () => {
  beforeEach(() => loadFixture('bluesky', 'feed.html', 'https://bsky.app/'));

  it('reads reposts and quote posts by their own author, without a parent', () => {
    expect(all().map((c) => [c!.nativeId, c!.author.name, c!.parentId])).toEqual([
      ['vigie.bsky.social/3lvigieqqq2aa', 'Vigie Démo', undefined],
      ['marie-dpt.bsky.social/3lvigieqqq3bb', 'Marie Dupont', undefined],
      ['chloe.bsky.social/3lvigieqqq4cc', 'Chloé Martin', undefined],
    ]);
  });
});

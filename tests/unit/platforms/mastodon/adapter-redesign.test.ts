// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { HIDDEN_BODY, mastodonAdapter } from '../../../../lib/platforms/mastodon/adapter';
import { selectors } from '../../../../lib/platforms/mastodon/selectors';
import { loadFixture } from '../../helpers/fixtures';

// Mastodon's redesigned status (main branch, components/status/status.tsx): the fixtures' comments say which source each part follows.
const STATUS = 'https://mastodon.social/@vigie/113500000000000021';
const id = (n: number) => `1135000000000000${n}`;
const all = () => mastodonAdapter.findComments(document).map((el) => mastodonAdapter.extract(el));
const byId = (n: number) => all().find((c) => c?.nativeId === id(n))!;
const parents = () => all().map((c) => [c!.nativeId, c!.parentId, c!.parentUnknown]);
/** status-redesign.html's thread, ancestor first: [id, parent, parent unknown]. */
const THREAD = [
  [id(20), undefined, undefined],
  [id(21), id(20), undefined],
  [id(22), id(21), undefined],
  [id(23), id(22), undefined],
  [id(24), undefined, true],
  [id(25), undefined, true],
  [id(26), id(25), undefined],
];
const mountComposer = () => {
  document.querySelector('[data-fixture-editor="react-textarea"]')!.innerHTML = '<textarea class="autosuggest-textarea__textarea"></textarea>';
  return mastodonAdapter.findComposers(document)[0]!;
};

describe('mastodon adapter on the redesigned thread page (status-redesign.html)', () => {
  beforeEach(() => loadFixture('mastodon', 'status-redesign.html', STATUS));

  it('finds the ancestor, the focal status and every reply once, a quoted post inside none of them', () => {
    expect(all().map((c) => c?.nativeId ?? null)).toEqual([20, 21, 22, 23, 24, 25, 26].map(id));
  });

  it('extracts the focal status exactly: its own header, its text without the poll', () => {
    expect(byId(21)).toEqual({
      platform: 'mastodon',
      nativeId: id(21),
      author: { name: 'Vigie Démo', handle: '@vigie' },
      text: 'Oui, nous livrons en Belgique sous 5 jours ouvrés.\nQuelle couleur pour le manteau ?',
      permalink: STATUS,
      publishedAt: '2026-11-20T09:30:00.000Z',
      parentId: id(20),
    });
  });

  it('reads a remote reply without its Translate button', () => {
    expect(byId(23)).toEqual({
      platform: 'mastodon',
      nativeId: id(23),
      author: { name: 'Lucas B.', handle: '@lucas_b@framapiaf.org' },
      text: '@marie_dpt same here\nmine arrived after a month 😤',
      permalink: 'https://mastodon.social/@lucas_b@framapiaf.org/113500000000000023',
      publishedAt: '2026-11-20T10:30:00.000Z',
      parentId: id(22),
    });
  });

  it('reads a collapsed content warning and says the body is hidden, though the page keeps it inert underneath', () => {
    expect(byId(24).text).toBe(`Spoiler : avis sur la livraison\n${HIDDEN_BODY}`);
  });

  it('reads an expanded content warning with its body', () => {
    expect(byId(26).text).toBe('Coup de gueule\n\nColis perdu deux fois.');
  });

  it('gives a reply quoting another post its own id, date, author and text, none of the quoted one', () => {
    expect(byId(25)).toMatchObject({
      author: { name: 'Lucas B.', handle: '@lucas_b@framapiaf.org' },
      text: 'Je confirme, même question il y a un mois 👇',
      permalink: 'https://mastodon.social/@lucas_b@framapiaf.org/113500000000000025',
      publishedAt: '2026-11-20T11:05:00.000Z',
    });
  });

  // status-redesign.html's comment says which reply answers which, and what data-connect-next tells of it.
  it('gives each status the parent data-connect-next shows: the ancestor, the focal status, the reply above, or unknown', () => {
    expect(parents()).toEqual(THREAD);
  });

  it('leaves a timeline column beside the thread out of it', () => {
    const column = document.createElement('div');
    column.innerHTML = `<article aria-posinset="1" aria-setsize="1" data-id="${id(40)}"><article data-id="${id(40)}" aria-label="Ahmed" data-connect-next="true"><header><div><p><a href="/@ahmed_k" title="@ahmed_k" data-hover-card-account="109100006"><span class="display-name"><bdi><strong class="display-name__html">Ahmed</strong></bdi></span></a>•<a href="/@ahmed_k/${id(40)}"><time datetime="2026-11-20T08:00:00.000Z">4 h</time></a></p></div></header><div id="_r_z_"><div><div><p>Merci</p></div></div></div></article></article>`;
    document.querySelector('.columns-area__panels')!.prepend(column);
    expect(parents()).toEqual([
      [id(40), undefined, undefined],
      ...THREAD,
    ]);
  });

  // The advanced web UI (/deck) shows the thread in a column beside others (columns_area): Home often
  // still shows the status that was clicked, in a timeline's list item (scrollable_list/components.tsx).
  it('reads the thread in its own column when the Home column beside it shows the focal status too', () => {
    const focal = document.querySelector(`article[data-id="${id(21)}"]`)!;
    const home = document.createElement('div');
    home.setAttribute('role', 'region');
    home.className = 'column';
    home.innerHTML = `<div class="scrollable"><div role="feed" class="item-list"><article aria-posinset="1" aria-setsize="1" data-id="${id(21)}">${focal.outerHTML}</article></div></div>`;
    document.querySelector('.columns-area')!.prepend(home);
    expect(parents()).toEqual([[id(21), undefined, undefined], ...THREAD]);
  });

  // A mention in the Notifications column: its status is inside the notification's div
  // (notifications_v2/components/notification_with_status.tsx), not a direct child of the list item.
  it('leaves a mention in a notifications column beside the thread out of it', () => {
    const mention = document.querySelector(`article[data-id="${id(23)}"]`)!.outerHTML.replaceAll(id(23), id(99));
    const notifications = document.createElement('div');
    notifications.setAttribute('role', 'region');
    notifications.className = 'column';
    notifications.innerHTML = `<div class="scrollable"><div role="feed" class="item-list"><article aria-posinset="1" aria-setsize="1" data-id="${id(98)}"><div role="button" class="notification-ungrouped focusable notification-ungrouped--mention" tabindex="0"><h2 class="notification-ungrouped__header"><div class="notification-ungrouped__header__icon"><svg class="icon icon-reply" aria-hidden="true"></svg></div><span>Lucas B. vous a mentionné</span></h2>${mention}</div></article></div></div>`;
    document.querySelector('.columns-area')!.prepend(notifications);
    expect(parents()).toEqual([[id(99), undefined, undefined], ...THREAD]);
  });

  it('reads the statuses a page adds after a first read, in their place in the thread', () => {
    expect(parents()).toEqual(THREAD);
    const last = document.querySelector(`article[data-id="${id(26)}"]`)!;
    last.setAttribute('data-connect-next', 'true');
    last.insertAdjacentHTML('afterend', last.outerHTML.replaceAll(id(26), id(27)).replace(' data-connect-next="true"', ''));
    expect(parents()).toEqual([...THREAD, [id(27), id(26), undefined]]);
    last.nextElementSibling!.remove();
    last.removeAttribute('data-connect-next');
    expect(parents()).toEqual(THREAD);
  });

  // Far off screen a status is an <article data-id> of bare spans (status.tsx, `hidden`); scrolled near, the same article is rendered: as many articles, one more status.
  it('reads a status rendered in a later task though the page holds as many elements as before', async () => {
    const far = document.querySelector(`article[data-id="${id(26)}"]`)!;
    const label = far.getAttribute('aria-label')!;
    far.removeAttribute('aria-label');
    expect(parents()).toEqual(THREAD.slice(0, -1));
    await Promise.resolve();
    far.setAttribute('aria-label', label);
    expect(parents()).toEqual(THREAD);
  });

  it('lists the thread once for a batch of reads, not once for each status, and anew for the next batch', async () => {
    // The classes that own querySelectorAll for the test's document and its elements (not the globals Document and Element here).
    const owner = (o: object): ParentNode => (Object.hasOwn(o, 'querySelectorAll') ? (o as ParentNode) : owner(Object.getPrototypeOf(o)));
    const spies = [owner(document), owner(document.body)].map((proto) => vi.spyOn(proto, 'querySelectorAll'));
    const listed = () => spies.flatMap((spy) => spy.mock.calls).filter(([s]) => s === selectors.inThread).length;
    try {
      expect(parents()).toEqual(THREAD);
      expect(listed()).toBe(1);
      await Promise.resolve();
      expect(parents()).toEqual(THREAD);
      expect(listed()).toBe(2);
    } finally {
      vi.restoreAllMocks();
    }
  });

  // A video playing in picture-in-picture leaves its placeholder in the status (status/attachments.tsx,
  // legacy/picture_in_picture_placeholder.tsx): with no text, it is the content root's first child.
  it('reads no text of a video-only status whose video plays in picture-in-picture', () => {
    document.querySelector(`article[data-id="${id(22)}"] > div[id] > div`)!.innerHTML =
      '<div class="picture-in-picture-placeholder" style="aspect-ratio: 16 / 9;" role="button" tabindex="0"><svg xmlns="http://www.w3.org/2000/svg" height="24" viewBox="0 -960 960 960" width="24" class="icon icon-" aria-hidden="true"><path d="M160-160q-33 0-56.5-23.5T80-240v-480q0-33 23.5-56.5T160-800h640q33 0 56.5 23.5T880-720v480q0 33-23.5 56.5T800-160H160Z"></path></svg>Put it back</div>';
    expect(byId(22).text).toBe('');
  });

  it('reads the legacy focal status of a thread page whose other statuses are redesigned (features/status/legacy.jsx)', () => {
    document.querySelector('article[data-id="113500000000000021"]')!.outerHTML =
      `<div class="focusable detailed-status__wrapper detailed-status__wrapper-public" tabindex="0"><div class="detailed-status detailed-status-public"><a href="/@vigie" class="detailed-status__display-name"><span class="display-name"><bdi><strong class="display-name__html">Vigie Démo</strong></bdi> <span class="display-name__account">@vigie</span></span></a><div class="status__content"><div class="status__content__text status__content__text--visible translate" lang="fr"><p>Oui, nous livrons en Belgique sous 5 jours ouvrés.</p></div></div><div class="detailed-status__meta"><a class="detailed-status__datetime" href="/@vigie/${id(21)}"><span>20 nov. 2026, 09:30</span></a></div></div><div class="detailed-status__action-bar"></div></div>`;
    expect(parents()).toEqual(THREAD);
    const focal = mastodonAdapter.findComments(document).find((el) => mastodonAdapter.extract(el)?.nativeId === id(21))!;
    expect(mastodonAdapter.anchorFor(focal).className).toBe('detailed-status__action-bar');
  });

  it('anchors badges in each status’s own action bar, the focal one’s before its date line', () => {
    const statuses = mastodonAdapter.findComments(document);
    expect(statuses).toHaveLength(7);
    for (const el of statuses) {
      const anchor = mastodonAdapter.anchorFor(el);
      expect(anchor.parentElement!.tagName).toBe('FOOTER');
      expect(anchor.closest('article')).toBe(el);
      expect(anchor.querySelector('button')).not.toBeNull();
    }
  });

  it('answers the status the reply indicator shows, matched by account and content', () => {
    const box = mountComposer();
    expect(mastodonAdapter.extract(mastodonAdapter.answeredComment!(box)!)?.nativeId).toBe(id(21));
    document.querySelector('.reply-indicator__content')!.innerHTML = '<p>Bonjour, vous livrez en Belgique ?</p>';
    expect(mastodonAdapter.answeredComment!(box)).toBeUndefined();
  });
});

describe('mastodon adapter on a redesigned home timeline (home-redesign.html)', () => {
  beforeEach(() => loadFixture('mastodon', 'home-redesign.html', 'https://mastodon.social/home'));

  it('reads each item once, not its list wrapper, and nothing of an item rendered hidden off screen', () => {
    expect(all().map((c) => c?.nativeId ?? null)).toEqual([20, 31, 32, 34].map(id));
  });

  it('reads a boost as the boosted status, its author and date, not the booster', () => {
    expect(all()[0]).toEqual({
      platform: 'mastodon',
      nativeId: id(20),
      author: { name: 'Marie Dupont', handle: '@marie_dpt' },
      text: 'Bonjour, vous livrez en Belgique ?',
      permalink: 'https://mastodon.social/@marie_dpt/113500000000000020',
      publishedAt: '2026-11-20T09:00:00.000Z',
    });
  });

  it('reads custom emoji names and the text alone, not an image’s alt text', () => {
    expect(all()[1]).toMatchObject({ author: { name: 'Chloé :blobheart:', handle: '@chloe@piaille.fr' }, text: 'Le manteau bleu, je valide !' });
    expect(all()[2]!.text).toBe('');
  });

  it('reads nothing of a status a filter hides: not its notice, not its inert body', () => {
    expect(all()[3]!.text).toBe('');
  });

  it('anchors badges in each status’s action bar, not in the list wrapper', () => {
    const statuses = mastodonAdapter.findComments(document);
    expect(statuses).toHaveLength(4);
    for (const el of statuses) {
      expect(mastodonAdapter.anchorFor(el).parentElement!.tagName).toBe('FOOTER');
      expect(mastodonAdapter.anchorFor(el).closest('article')).toBe(el);
    }
  });
});

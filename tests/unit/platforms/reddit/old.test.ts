// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { redditAdapter } from '../../../../lib/platforms/reddit/adapter';
import { isOldReddit } from '../../../../lib/platforms/reddit/routes';
import { commentKey } from '../../../../lib/platforms/types';
import { loadFixture } from '../../helpers/fixtures';

const THREAD = 'https://old.reddit.com/r/vigie_modo/comments/1gvmodo/livraison_en_retard/';
const found = () => redditAdapter.findComments(document);
const all = () => found().map((el) => redditAdapter.extract(el));
const byId = (id: string) => all().find((c) => c?.nativeId === id);

describe('old reddit routes', () => {
  it('tells old.reddit.com from the other hosts', () => {
    expect(isOldReddit(new URL(THREAD))).toBe(true);
    expect(isOldReddit(new URL('https://www.reddit.com/r/vigie_modo/'))).toBe(false);
    expect(isOldReddit(new URL('https://old.reddit.com.evil.example/'))).toBe(false);
  });

  it('expects comments on its threads and listings, not on a moderation queue that may be empty', () => {
    expect(redditAdapter.expectsComments(new URL(THREAD))).toBe(true);
    expect(redditAdapter.expectsComments(new URL('https://old.reddit.com/r/vigie_modo/'))).toBe(true);
    expect(redditAdapter.expectsComments(new URL('https://old.reddit.com/r/vigie_modo/about/modqueue/'))).toBe(false);
    // /comments/ alone is a listing on old Reddit; new Reddit has no such page.
    expect(redditAdapter.expectsComments(new URL('https://www.reddit.com/r/vigie_modo/comments/'))).toBe(false);
  });
});

describe('reddit adapter on an old Reddit comment page', () => {
  beforeEach(() => loadFixture('reddit', 'old-thread.html', THREAD));

  it('finds the post and every comment, skipping the deleted, the removed and the moderator-only removed ones', () => {
    expect(all().map((c) => c?.nativeId ?? null)).toEqual(['t3_1gvmodo', 't1_lx2mod1', 't1_lx2mod2', 't1_lx2mod3', 't1_lx2mod4', null, 't1_lx2mod7', null, null]);
    expect(found().map((el) => el.getAttribute('data-fullname')).slice(5)).toEqual(['t1_lx2mod5', 't1_lx2mod7', 't1_lx2mod6', 't1_lx2mod8']);
  });

  it('does not take "load more comments" for a comment', () => {
    expect(document.querySelector('.thing.morechildren')).not.toBeNull();
    expect(found().some((el) => el.classList.contains('morechildren'))).toBe(false);
  });

  it('extracts the post with its title and self text, on old Reddit links', () => {
    expect(all()[0]).toEqual({
      platform: 'reddit',
      nativeId: 't3_1gvmodo',
      author: { name: 'marie_dpt', handle: 'u/marie_dpt' },
      text: 'Livraison en retard depuis trois semaines\nCommande passée le 28 octobre, toujours rien.\nQuelqu’un a eu une réponse du service client ?',
      permalink: 'https://old.reddit.com/r/vigie_modo/comments/1gvmodo/livraison_en_retard/',
      publishedAt: '2026-11-20T08:00:00+00:00',
    });
  });

  it('extracts a top-level comment exactly, its parent being the post', () => {
    expect(all()[1]).toEqual({
      platform: 'reddit',
      nativeId: 't1_lx2mod1',
      author: { name: 'jb_martin', handle: 'u/jb_martin' },
      text: 'Pareil pour moi, trois relances et aucune réponse. Franchement décevant 😡',
      permalink: 'https://old.reddit.com/r/vigie_modo/comments/1gvmodo/livraison_en_retard/lx2mod1/',
      publishedAt: '2026-11-20T08:30:00+00:00',
      parentId: 't3_1gvmodo',
    });
  });

  it('gives nested replies the comment whose .child holds them, and reads only their own body (not the edit textarea)', () => {
    const reply = byId('t1_lx2mod2')!;
    expect(reply).toMatchObject({ parentId: 't1_lx2mod1', author: { name: 'VigieDemo' }, publishedAt: '2026-11-20T09:00:00+00:00' });
    expect(reply.text).toBe('Bonjour, désolés pour l’attente.\nPouvez-vous nous écrire en message privé avec votre numéro de commande ? 🙏');
    expect(byId('t1_lx2mod3')).toMatchObject({ parentId: 't1_lx2mod2', text: 'Fait, merci !\nJ’attends votre retour.' });
  });

  it('keeps a deleted comment as the parent of its reply', () => {
    expect(byId('t1_lx2mod7')).toMatchObject({ parentId: 't1_lx2mod5', author: { name: 'nina_k', handle: 'u/nina_k' } });
  });

  it('reads hostile markup as text', () => {
    const hostile = byId('t1_lx2mod4')!;
    expect(hostile.text.startsWith('<script>window.__pwned = true</script><img src=x onerror="window.__pwned=true"> \u202eمرحبا\u202c zero\u200bwidth\u200d joiner')).toBe(true);
    expect(document.querySelector('img[src="x"]')).toBeNull();
  });

  it('gives a comment the same key as new Reddit does: its fullname', () => {
    const el = found()[1]!;
    expect(commentKey(redditAdapter.extract(el)!)).toBe(`reddit:${el.getAttribute('data-fullname')}`);
  });

  it('anchors badges in each thing’s own tagline, not in a reply’s', () => {
    const [post, top, reply] = found();
    expect(redditAdapter.anchorFor(post!).matches('.top-matter > p.tagline')).toBe(true);
    expect(redditAdapter.anchorFor(top!).closest('.thing')).toBe(top);
    expect(redditAdapter.anchorFor(reply!).closest('.thing')).toBe(reply);
    expect(redditAdapter.anchorFor(top!).textContent).toContain('jb_martin');
  });

  it('finds the top-level reply box and not the hidden edit box of the account’s own comment', () => {
    const composers = redditAdapter.findComposers(document);
    expect(composers).toHaveLength(1);
    expect(composers[0]!.closest('form')!.querySelector<HTMLInputElement>('input[name="thing_id"]')!.value).toBe('t3_1gvmodo');
    expect(document.querySelectorAll('textarea[name="text"]')).toHaveLength(2);
  });

  it('finds a reply box the "reply" link cloned into a comment, handed over as an added subtree', () => {
    const clone = document.querySelector('form.usertext.cloneable')!.cloneNode(true) as HTMLFormElement;
    clone.querySelector<HTMLInputElement>('input[name="thing_id"]')!.value = 't1_lx2mod4';
    document.querySelector('#thing_t1_lx2mod4 > .child')!.prepend(clone);
    expect(redditAdapter.findComposers(clone)).toEqual([clone.querySelector('textarea')]);
    expect(redditAdapter.findComposers(document)).toHaveLength(2);
  });

  it('writes into the textarea’s value and reads it back', async () => {
    const textarea = redditAdapter.findComposers(document)[0] as HTMLTextAreaElement;
    textarea.value = 'brouillon';
    expect(await redditAdapter.writeComposer(textarea, 'Bonjour Marie 🙏\nÀ bientôt', 'replace')).toBe(true);
    expect(textarea.value).toBe('Bonjour Marie 🙏\nÀ bientôt');
    expect(redditAdapter.readComposer(textarea)).toBe('Bonjour Marie 🙏\nÀ bientôt');
  });

  it('finds comments in an added subtree and the subtree itself', () => {
    const top = document.querySelector('#thing_t1_lx2mod1')!;
    expect(redditAdapter.findComments(top)).toHaveLength(3);
    const deep = document.querySelector('#thing_t1_lx2mod3')!;
    expect(redditAdapter.findComments(deep)).toEqual([deep]);
  });
});

describe('reddit adapter on an old Reddit listing', () => {
  beforeEach(() => loadFixture('reddit', 'old-subreddit.html', 'https://old.reddit.com/r/vigie_modo/'));

  it('reads the posts by their titles, skips the promoted one, and gives them no parent', () => {
    expect(all().map((c) => (c ? [c.nativeId, c.text, c.author.name, c.parentId] : null))).toEqual([
      null,
      ['t3_1gvmodo', 'Livraison en retard depuis trois semaines', 'marie_dpt', undefined],
      ['t3_1gvmsav', 'SAV injoignable', 'nina_k', undefined],
    ]);
    expect(found()[0]!.getAttribute('data-promoted')).toBe('true');
  });

  it('links a link post to its comments, not to the site it points at', () => {
    expect(all()[2]!.permalink).toBe('https://old.reddit.com/r/vigie_modo/comments/1gvmsav/sav_injoignable/');
  });

  it('has no reply box', () => {
    expect(redditAdapter.findComposers(document)).toEqual([]);
  });
});

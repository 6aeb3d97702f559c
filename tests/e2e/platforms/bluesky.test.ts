import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adapterWrite, injectAdapter } from '../adapter-bundle';
import { editorModelText, launchExtension, openRecordingDialogs, type Extension } from '../harness';
import { dbRows } from '../db';

const FEED = 'https://bsky.app/';
const THREAD = 'https://bsky.app/profile/vigie.bsky.social/post/3lvigieqqq2aa';
const DID_THREAD = 'https://bsky.app/profile/did:plc:3a2x2v2x2t1a2q372z3d1a37/post/3lvigiedid2bb';
const REPLY = 'Merci Marie, c’est noté ! 🙏\nNous revenons vers vous très vite.';
let ext: Extension;

beforeAll(async () => {
  ext = await launchExtension();
});
afterAll(async () => {
  await ext?.close();
});

const open = (url: string) => openRecordingDialogs(ext, url);
/** What the extension stored for these comment ids: text and parent, from the background's database. */
async function stored(ids: string[]) {
  const rows = await dbRows<{ id: string; text: string; parentId?: string }>(ext.worker, 'comments');
  return rows
    .filter((c) => ids.includes(c.id))
    .map(({ id, text, parentId }) => ({ id, text, ...(parentId ? { parentId } : {}) }))
    .sort((a, b) => ids.indexOf(a.id) - ids.indexOf(b.id));
}
const sentimentBadges = (page: Awaited<ReturnType<typeof open>>['page']) => page.locator('vigie-badge[data-vigie-sentiment]').count();

describe('bsky.app in real Chromium', () => {
  it('badges every post of a thread; hostile posts execute nothing', async () => {
    const { page, dialogs } = await open(THREAD);
    await expect.poll(() => sentimentBadges(page), { timeout: 15_000 }).toBe(5);
    expect(await page.locator('vigie-badge[data-vigie-comment="bluesky:marie-dpt.bsky.social/3lvigieqqq3bb"]').count()).toBe(1);
    expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    await page.close();
  });

  it('reads a thread opened by its DID URL: the text, the focal post (not the post it quotes) and the parents', async () => {
    const { page } = await open(DID_THREAD);
    await expect.poll(() => sentimentBadges(page), { timeout: 15_000 }).toBe(3);
    const ids = ['bluesky:vigie.bsky.social/3lvigiedid2bb', 'bluesky:did:plc:vigie4nohandle2026/3lvigiedid3cc', 'bluesky:marie-dpt.bsky.social/3lvigiedid4dd'];
    for (const id of ids) expect(await page.locator(`vigie-badge[data-vigie-comment="${id}"]`).count()).toBe(1);
    expect(await page.locator('vigie-badge[data-vigie-comment="bluesky:vigie.bsky.social/3lvigieqqq2aa"]').count()).toBe(0);
    await expect.poll(() => stored(ids).then((s) => s.length), { timeout: 15_000 }).toBe(3);
    const [focal, ...replies] = await stored(ids);
    expect(focal).toEqual({ id: ids[0], text: 'Rappel : les retours sont gratuits jusqu’au 31 décembre 🎁' });
    expect(replies.map((r) => r.text)).toEqual(['Et pour les commandes passées avant novembre ? Personne ne répond au téléphone.', 'Merci, enfin une bonne nouvelle 👍']);
    expect(replies.map((r) => r.parentId)).toEqual(['vigie.bsky.social/3lvigiedid2bb', 'vigie.bsky.social/3lvigiedid2bb']);
    await page.close();
  });

  it('badges search results, whose rows (Post.tsx) carry no testID, with their text read', async () => {
    const { page } = await open('https://bsky.app/search?q=vigie');
    await expect.poll(() => sentimentBadges(page), { timeout: 15_000 }).toBe(3);
    const ids = ['bluesky:marie-dpt.bsky.social/3lvigiesrc1aa', 'bluesky:did:plc:vigie4nohandle2026/3lvigiesrc2bb', 'bluesky:chloe.bsky.social/3lvigiesrc3cc'];
    await expect.poll(() => stored(ids).then((s) => s.map((c) => c.text.slice(0, 18))), { timeout: 15_000 }).toEqual([
      'Quelqu’un a déjà r', '@vigie.bsky.social', 'Franchement, leur ',
    ]);
    await page.close();
  });

  it('badges the reply and mention rows of notifications, not a like', async () => {
    const { page } = await open('https://bsky.app/notifications');
    await expect.poll(() => sentimentBadges(page), { timeout: 15_000 }).toBe(2);
    expect(await page.locator('vigie-badge[data-vigie-comment="bluesky:marie-dpt.bsky.social/3lvigienot1aa"]').count()).toBe(1);
    expect(await page.locator('vigie-badge[data-vigie-comment="bluesky:lucas-b.bsky.social/3lvigienot2bb"]').count()).toBe(1);
    await page.close();
  });

  it('inserts a reply into the TipTap document, accents, emoji and line break included', async () => {
    const { page } = await open(THREAD);
    await page.locator('.ProseMirror').waitFor();
    await injectAdapter(page, 'bluesky', 'blueskyAdapter');
    expect(await adapterWrite(page, REPLY, 'insert')).toBe(true);
    await expect.poll(() => editorModelText(page, 'bsky-reply')).toBe(REPLY);
    await page.close();
  });

  it('replaces a typed draft', async () => {
    const { page } = await open(THREAD);
    await page.locator('.ProseMirror').click();
    await page.keyboard.type('brouillon à jeter');
    await expect.poll(() => editorModelText(page, 'bsky-reply')).toBe('brouillon à jeter');
    await injectAdapter(page, 'bluesky', 'blueskyAdapter');
    expect(await adapterWrite(page, REPLY, 'replace')).toBe(true);
    await expect.poll(() => editorModelText(page, 'bsky-reply')).toBe(REPLY);
    await page.close();
  });

  it('follows in-app navigation from the feed to a thread, then to another thread', async () => {
    const { page } = await open(FEED);
    await expect.poll(() => sentimentBadges(page), { timeout: 15_000 }).toBe(3);
    await page.locator('[data-testid="feedItem-by-vigie.bsky.social"] a[href$="/post/3lvigieqqq2aa"]').first().click();
    await expect.poll(() => page.url()).toBe(THREAD);
    await expect.poll(() => sentimentBadges(page), { timeout: 15_000 }).toBe(5);
    await page.locator('[data-testid="postThreadItem-by-marie-dpt.bsky.social"] a[href$="/post/3lvigieqqq3bb"]').click();
    await expect.poll(() => page.url()).toBe('https://bsky.app/profile/marie-dpt.bsky.social/post/3lvigieqqq3bb');
    await expect.poll(() => sentimentBadges(page), { timeout: 15_000 }).toBe(3);
    expect(await page.locator('vigie-badge[data-vigie-comment="bluesky:vigie.bsky.social/3lvigieqqqbgg"]').count()).toBe(1);
    await injectAdapter(page, 'bluesky', 'blueskyAdapter');
    expect(await adapterWrite(page, 'Bonjour Marie 😊', 'insert')).toBe(true);
    await expect.poll(() => editorModelText(page, 'bsky-reply-2')).toBe('Bonjour Marie 😊');
    await page.close();
  });
});

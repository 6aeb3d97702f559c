/**
 * Mastodon runs on any domain, so its content script is registered at run time for each instance
 * the user adds. The user's "Allow" for https://mastodon.social/* is granted as launchExtension's
 * grantedHosts explains; everything else (registration, storage, the background's sender check) is
 * the product's own code, driven from the options page as a user would.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adapterWrite, injectAdapter } from '../adapter-bundle';
import { editorModelText, launchExtension, openExtensionPage, openRecordingDialogs, scrollThrough, type Extension } from '../harness';
import { dbRow } from '../db';
import { insertDelayTemplate } from '../picker';

const STATUS = 'https://mastodon.social/@vigie/113500000000000001';
/** Mastodon's redesigned thread page (main branch): tests/fixtures/mastodon/status-redesign.html. */
const REDESIGN = 'https://mastodon.social/@vigie/113500000000000021';
const REPLY = 'Merci Marie, c’est noté ! 🙏\nNous revenons vers vous très vite.';

let ext: Extension;

beforeAll(async () => {
  ext = await launchExtension({ grantedHosts: ['https://mastodon.social/*'] });
});
afterAll(async () => {
  await ext?.close();
});

const open = (url: string) => openRecordingDialogs(ext, url);
const sentimentBadges = (page: Page) => page.locator('vigie-badge[data-vigie-sentiment]').count();

describe('a Mastodon instance (mastodon.social) in real Chromium', () => {
  it('runs nowhere until the instance is added on the options page, then badges every status', async () => {
    const before = await open(STATUS);
    await before.page.locator('.detailed-status').waitFor();
    // Nothing can run there: no script is registered for the instance, and the tab has no content
    // script to answer the background (Chrome: "Receiving end does not exist").
    const reach = (url: string) =>
      ext.worker.evaluate(async (u) => {
        type Chrome = { tabs: { query(q: object): Promise<{ id: number }[]>; sendMessage(id: number, m: object): Promise<unknown> }; scripting: { getRegisteredContentScripts(): Promise<{ id: string; matches?: string[] }[]> } };
        const api = (globalThis as unknown as { chrome: Chrome }).chrome;
        const [tab] = await api.tabs.query({ url: u });
        const registered = await api.scripting.getRegisteredContentScripts();
        const answer = await api.tabs.sendMessage(tab!.id, { type: 'bg:team-state', views: [] }).then(
          () => 'answered',
          (e: Error) => e.message,
        );
        return { registered, answer };
      }, url);
    expect(await reach(STATUS)).toEqual({ registered: [], answer: expect.stringMatching(/Receiving end does not exist/) });
    expect(await before.page.locator('vigie-badge').count()).toBe(0);
    await before.page.close();

    // The user adds the instance on the options page (the permission is granted: see grantedHosts).
    const options = await openExtensionPage(ext, 'options');
    const section = options.locator('[data-testid="mastodon-instances"]');
    await section.locator('#mastodon-host').fill('mastodon.social');
    await section.getByRole('button', { name: 'Ajouter', exact: true }).click();
    await expect.poll(() => section.getByRole('status').textContent()).toBe('mastodon.social ajouté : Vigie s’y activera au prochain chargement de page.');
    expect(await section.locator('li[data-host]').allTextContents()).toEqual(['mastodon.social  Supprimer']);
    await options.close();

    const { page, dialogs } = await open(STATUS);
    await expect.poll(() => sentimentBadges(page), { timeout: 15_000 }).toBe(5);
    expect(await page.locator('.detailed-status__action-bar > vigie-badge').count()).toBe(1);
    expect(await page.locator('vigie-badge[data-vigie-comment="mastodon:113500000000000002"]').count()).toBe(1);
    expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    await page.close();
  });

  it('badges every status of the redesigned thread page in its own action bar, a quoted post in none', async () => {
    const { page, dialogs } = await open(REDESIGN);
    await expect.poll(() => scrollThrough(page), { timeout: 15_000 }).toBe(7);
    expect(await page.locator('article[data-id][aria-label] > footer > div > vigie-badge').count()).toBe(7);
    expect(await page.locator('article[data-id="113500000000000021"] > footer > div > vigie-badge[data-vigie-comment="mastodon:113500000000000021"]').count()).toBe(1);
    // 025 quotes 020: one badge for 020, on the ancestor.
    expect(await page.locator('vigie-badge[data-vigie-comment="mastodon:113500000000000020"]').count()).toBe(1);
    expect(await page.locator('article[data-id="113500000000000025"] vigie-badge').count()).toBe(1);
    expect(dialogs).toEqual([]);
    await page.close();
  });

  it("inserts a template from Vigie's own picker into the compose textarea's React state", async () => {
    const { page } = await open(STATUS);
    await expect.poll(() => sentimentBadges(page), { timeout: 15_000 }).toBe(5);
    await expect.poll(() => page.locator('vigie-composer-bar').count(), { timeout: 15_000 }).toBe(1);
    await page.locator('textarea.autosuggest-textarea__textarea').click();
    await insertDelayTemplate(page);
    // The compose panel stands beside the thread; its reply indicator names the focal status, the
    // signed-in account's own (@vigie): nobody to greet by name.
    const model = await expect.poll(() => editorModelText(page, 'masto-reply'), { timeout: 10_000 });
    await model.toMatch(/^Bonjour \[prénom\], nous sommes désolés pour ce retard de livraison\. /);
    await model.toContain('mercredi 25 novembre');
    // The box emptied after a template went in (Mastodon posted it): the status the indicator named is answered.
    await page.locator('textarea.autosuggest-textarea__textarea').press('Control+A');
    await page.locator('textarea.autosuggest-textarea__textarea').press('Backspace');
    await expect.poll(() => dbRow<{ status: string }>(ext.worker, 'comments', 'mastodon:113500000000000001').then((c) => c?.status), { timeout: 10_000 }).toBe('replied');
    await page.close();
  });

  it('inserts a reply into the React state of the compose textarea, accents, emoji and line break included', async () => {
    const { page } = await open(STATUS);
    await page.locator('textarea.autosuggest-textarea__textarea').waitFor();
    await injectAdapter(page, 'mastodon', 'mastodonAdapter');
    expect(await adapterWrite(page, REPLY, 'insert')).toBe(true);
    await expect.poll(() => editorModelText(page, 'masto-reply')).toBe(REPLY);
    await page.close();
  });

  it('replaces a typed draft', async () => {
    const { page } = await open(STATUS);
    await page.locator('textarea.autosuggest-textarea__textarea').click();
    await page.keyboard.type('@marie_dpt brouillon à jeter');
    await expect.poll(() => editorModelText(page, 'masto-reply')).toBe('@marie_dpt brouillon à jeter');
    await injectAdapter(page, 'mastodon', 'mastodonAdapter');
    expect(await adapterWrite(page, REPLY, 'replace')).toBe(true);
    await expect.poll(() => editorModelText(page, 'masto-reply')).toBe(REPLY);
    await page.close();
  });

  it('follows in-app navigation to another thread', async () => {
    const { page } = await open(STATUS);
    await expect.poll(() => sentimentBadges(page), { timeout: 15_000 }).toBe(5);
    await page.locator('.status[data-id="113500000000000002"] a.status__relative-time').click();
    await expect.poll(() => page.url()).toBe('https://mastodon.social/@marie_dpt/113500000000000002');
    await expect.poll(() => sentimentBadges(page), { timeout: 15_000 }).toBe(3);
    expect(await page.locator('vigie-badge[data-vigie-comment="mastodon:113500000000000007"]').count()).toBe(1);
    await page.close();
  });
});

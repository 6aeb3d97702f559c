/**
 * What every platform must do in a real Chromium with the real extension (issue 3's "done when"):
 * badge every comment, take an inserted reply into the editor's model (accents, emoji, a line break),
 * replace a typed draft, follow in-app navigation, and run nothing from hostile comments. Each
 * platform file states its pages and markup; this runs the same checks on all of them.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adapterWrite, injectAdapter } from '../adapter-bundle';
import { editorModelText, launchExtension, openRecordingDialogs, scrollThrough, type Extension } from '../harness';
import { insertDelayTemplate } from '../picker';

export interface PlatformSuite {
  /** e.g. 'facebook.com' */
  name: string;
  adapter: { id: string; exportName: string };
  url: string;
  /** Waited for after loading, when the editor mounts late. */
  ready?: string;
  /** The editable a user clicks to type a draft, and the fixture id of its editor's model. */
  editor: { selector: string; model: string; kind: string };
  reply: string;
  /** Platform checks once the reply is in, e.g. the platform's send button came alive. */
  afterInsert?(page: Page): Promise<void>;
  badges: { count: number; what: string; check(page: Page): Promise<void> };
  navigation: { link: string; url: string; badges: number; check(page: Page): Promise<void>; model: string; reply: string };
  /**
   * The name the starter "delay" template greets, from the comment the clicked reply box answers:
   * "[prénom]" when it answers a post or video Vigie does not store, the display name when no first
   * name can be told from it (a handle).
   */
  picker: { greeting: string };
}

export function platformSuite(s: PlatformSuite): void {
  let ext: Extension;
  beforeAll(async () => {
    ext = await launchExtension();
  });
  afterAll(async () => {
    await ext?.close();
  });

  // Badges are built as their comments come near the screen: the fixture pages, laid out without the
  // platforms' styles, are several screens long.
  const sentimentBadges = scrollThrough;
  async function open() {
    const opened = await openRecordingDialogs(ext, s.url);
    if (s.ready) await opened.page.locator(s.ready).first().waitFor();
    return opened;
  }

  describe(`${s.name} in real Chromium`, () => {
    it(`badges ${s.badges.what}; hostile comments execute nothing`, async () => {
      const { page, dialogs } = await open();
      await expect.poll(() => sentimentBadges(page), { timeout: 15_000 }).toBe(s.badges.count);
      await s.badges.check(page);
      expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
      expect(dialogs).toEqual([]);
      await page.close();
    });

    it(`inserts a reply into the ${s.editor.kind}, accents, emoji and line break included`, async () => {
      const { page } = await open();
      await injectAdapter(page, s.adapter.id, s.adapter.exportName);
      expect(await adapterWrite(page, s.reply, 'insert')).toBe(true);
      await expect.poll(() => editorModelText(page, s.editor.model)).toBe(s.reply);
      await s.afterInsert?.(page);
      await page.close();
    });

    it("inserts a template from Vigie's own picker beside the reply box the user clicked", async () => {
      const { page } = await open();
      // Badges land when the background answers and push the page down: click once they are all in.
      await expect.poll(() => sentimentBadges(page), { timeout: 15_000 }).toBe(s.badges.count);
      await expect.poll(() => page.locator('vigie-composer-bar').count(), { timeout: 15_000 }).toBeGreaterThan(0);
      await page.locator(s.editor.selector).first().click();
      await insertDelayTemplate(page);
      const model = await expect.poll(() => editorModelText(page, s.editor.model), { timeout: 10_000 });
      await model.toMatch(new RegExp(`^(Bonjour )?${s.picker.greeting.replace(/[[\]]/g, '\\$&')}, (nous sommes )?désolés pour ce retard`));
      await model.toContain('mercredi 25 novembre');
      await model.not.toContain('{{');
      await page.close();
    });

    it('replaces a typed draft', async () => {
      const { page } = await open();
      await injectAdapter(page, s.adapter.id, s.adapter.exportName);
      await page.locator(s.editor.selector).first().click();
      await page.keyboard.type('brouillon à jeter');
      await expect.poll(() => editorModelText(page, s.editor.model)).toBe('brouillon à jeter');
      expect(await adapterWrite(page, s.reply, 'replace')).toBe(true);
      await expect.poll(() => editorModelText(page, s.editor.model)).toBe(s.reply);
      await page.close();
    });

    it('follows in-app navigation and badges the new page, whose reply box takes text', async () => {
      const { page } = await open();
      const nav = s.navigation;
      await expect.poll(() => sentimentBadges(page), { timeout: 15_000 }).toBe(s.badges.count);
      await page.locator(nav.link).first().click();
      await expect.poll(() => page.url()).toBe(nav.url);
      await expect.poll(() => sentimentBadges(page), { timeout: 15_000 }).toBe(nav.badges);
      await nav.check(page);
      await injectAdapter(page, s.adapter.id, s.adapter.exportName);
      expect(await adapterWrite(page, nav.reply, 'insert')).toBe(true);
      await expect.poll(() => editorModelText(page, nav.model)).toBe(nav.reply);
      await page.close();
    });
  });
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, openExtensionPage, openRecordingDialogs, type Extension } from './harness';
import { dbCounts } from './db';

let ext: Extension;
beforeAll(async () => {
  ext = await launchExtension();
});
afterAll(async () => {
  await ext?.close();
});

const THREAD = 'https://x.com/vigie_demo/status/1850000000000000001';

describe('walking skeleton on x.com', () => {
  it('badges every tweet, and Escalate lands the comment in the open popup without reopening it', async () => {
    const popup = await openExtensionPage(ext, 'popup');
    await expect.poll(() => popup.getByText('Aucun commentaire signalé.').count()).toBe(1);

    const page = await ext.context.newPage();
    await page.goto(THREAD);
    const badges = page.locator('vigie-badge');
    await expect.poll(() => badges.count(), { timeout: 15_000 }).toBe(5);
    await expect.poll(() => page.locator('vigie-badge[data-vigie-sentiment]').count(), { timeout: 15_000 }).toBe(5);

    const marie = page.locator('vigie-badge[data-vigie-comment="x:1850000000000000002"]');
    await marie.locator('[data-action="escalate"]').click();
    await page.locator('vigie-escalate-dialog [data-action="flag-only"]').click();
    await expect.poll(() => marie.getAttribute('data-vigie-status')).toBe('flagged');

    const row = popup.locator('[data-comment-id="x:1850000000000000002"]');
    await expect.poll(() => row.count(), { timeout: 10_000 }).toBe(1);
    expect(await row.locator('.comment-text').textContent()).toContain('C’est une arnaque 😡');
    expect(await row.locator('.author').textContent()).toBe('Marie Dupont');
    await page.close();
    await popup.close();
  });

  it('stores rows in the extension origin database, not in x.com', async () => {
    const page = await ext.context.newPage();
    await page.goto(THREAD);
    await expect.poll(() => page.locator('vigie-badge[data-vigie-sentiment]').count(), { timeout: 15_000 }).toBe(5);
    const pageDbs = await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));
    expect(pageDbs).not.toContain('vigie');
    const [stored] = await dbCounts(ext.worker, ['comments']);
    expect(stored).toBe(5);
    await page.close();
  });

  it('never executes hostile comment text', async () => {
    const { page, dialogs } = await openRecordingDialogs(ext, THREAD);
    await expect.poll(() => page.locator('vigie-badge[data-vigie-sentiment]').count(), { timeout: 15_000 }).toBe(5);
    expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    await page.close();
  });

  it('rejects a message from a web page posing as the extension, and from a bad shape', async () => {
    const page = await ext.context.newPage();
    await page.goto(THREAD);
    // A page cannot reach the extension at all: no externally_connectable.
    const fromPage = await page.evaluate(async (id) => {
      try {
        const chromeRuntime = (globalThis as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime;
        if (!chromeRuntime?.sendMessage) return 'no runtime';
        await (chromeRuntime.sendMessage as (id: string, m: unknown) => Promise<unknown>)(id, { type: 'cs:set-status', commentId: 'x:1', status: 'flagged' });
        return 'delivered';
      } catch (e) {
        return `refused: ${(e as Error).message}`;
      }
    }, ext.id);
    expect(fromPage).not.toBe('delivered');
    // From an extension page (our own origin), a cs: message is refused: it must come from a platform tab.
    const popup = await openExtensionPage(ext, 'popup');
    const answer = await popup.evaluate(() => chrome.runtime.sendMessage({ type: 'cs:set-status', commentId: 'x:1850000000000000003', status: 'flagged' }));
    expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    const bad = await popup.evaluate(() => chrome.runtime.sendMessage({ type: 'ui:nope' }));
    expect(bad).toMatchObject({ ok: false, error: { code: 'unknown-type' } });
    // A known message with a wrong field is refused before any handler runs, saying which field.
    const malformed = await popup.evaluate(() => chrome.runtime.sendMessage({ type: 'ui:comment-action', commentId: 'x:1850000000000000003', action: 'delete' }));
    expect(malformed).toMatchObject({ ok: false, error: { code: 'bad-request', message: expect.stringMatching(/action/) } });
    expect(await popup.evaluate(() => chrome.runtime.getManifest())).not.toHaveProperty('externally_connectable');
    await page.close();
    await popup.close();
  });

  it('escalates the hostile comment: its markup is shown as text in the dialog, the queue and the incident, and nothing runs', async () => {
    const HOSTILE = 'x:1850000000000000005';
    const MARKUP = '<script>window.__pwned = true</script><img src=x onerror="window.__pwned=true">';
    const { page, dialogs } = await openRecordingDialogs(ext, THREAD);
    const badge = page.locator(`vigie-badge[data-vigie-comment="${HOSTILE}"]`);
    await expect.poll(() => badge.getAttribute('data-vigie-sentiment'), { timeout: 15_000 }).toBeTruthy();
    await badge.locator('[data-action="escalate"]').click();
    const dialog = page.locator('vigie-escalate-dialog');
    expect(await dialog.locator('.quote').textContent()).toContain(MARKUP);
    expect(await dialog.locator('.quote *').count()).toBe(0);
    await dialog.locator('#sev-1').check();
    await dialog.locator('#note').fill('Contenu piégé signalé');
    await dialog.locator('[data-action="escalate-submit"]').click();
    await expect.poll(() => badge.getAttribute('data-vigie-incident'), { timeout: 10_000 }).toBeTruthy();

    const panel = await openExtensionPage(ext, 'sidepanel');
    const panelDialogs: string[] = [];
    panel.on('dialog', (d) => void panelDialogs.push(d.message()));
    const queued = panel.locator(`[data-testid="queue"] [data-comment-id="${HOSTILE}"]`);
    await expect.poll(() => queued.count(), { timeout: 10_000 }).toBe(1);
    expect(await queued.textContent()).toContain(MARKUP);
    expect(await queued.locator('img, script').count()).toBe(0);
    await panel.getByRole('tab', { name: 'Incidents' }).click();
    await panel.locator('[data-testid="incidents"] .inc-open').first().click();
    const linked = panel.locator(`.comments [data-comment-id="${HOSTILE}"]`);
    await expect.poll(() => linked.count()).toBe(1);
    expect(await linked.locator('.author').textContent()).toBe('<img src=x onerror=alert(1)>');
    expect(await linked.locator('.comment-text').textContent()).toContain(MARKUP);
    expect(await linked.locator('img, script').count()).toBe(0);

    expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
    expect(await panel.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect([...dialogs, ...panelDialogs]).toEqual([]);
    await panel.close();
    await page.close();
  });
});

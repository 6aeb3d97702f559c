/**
 * The crisis scenario end to end in Chromium: a team webhook configured in the options page (a real
 * local HTTP server), a comment escalated on x.com, the banner on a YouTube tab, the incident in the
 * side panel, a checklist tick, an article clipped from a news site, and the exports.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, openExtensionPage, type Extension } from './harness';

const THREAD = 'https://x.com/vigie_demo/status/1850000000000000001';
const ARTICLE = 'https://news.example.fr/economie/2026/11/21/rappel-chargeurs-voltix';

let ext: Extension;
let server: Server;
let hookUrl: string;
/** Statuses the receiver answers with, in order; 200 once they run out. */
const statuses: number[] = [];
const received: { type?: string; text?: string; blocks?: unknown }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    // The extension's service worker calls from its own origin: answer the CORS preflight like a permissive receiver.
    const cors = { 'access-control-allow-origin': '*', 'access-control-allow-headers': 'content-type', 'access-control-allow-private-network': 'true' };
    if (req.method === 'OPTIONS') return void res.writeHead(204, cors).end();
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const status = statuses.shift() ?? 200;
      if (status === 200) received.push(JSON.parse(body));
      res.writeHead(status, { ...cors, 'content-type': 'text/plain' }).end(status === 200 ? 'ok' : 'receiver down');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  hookUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/vigie`;
  ext = await launchExtension();
});
afterAll(async () => {
  await ext?.close();
  await new Promise<void>((resolve) => server?.close(() => resolve()));
});

/** What a click on the toolbar button does on a tab: grants activeTab (and opens the popup). */
async function pressToolbarButton(tab: Page): Promise<void> {
  const cdp = await ext.context.browser()!.newBrowserCDPSession();
  const { targetInfos } = (await cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] } as never)) as unknown as { targetInfos: { type: string; url: string; targetId: string }[] };
  const target = targetInfos.find((t) => t.type === 'tab' && t.url === tab.url());
  if (!target) throw new Error(`no tab target for ${tab.url()}`);
  await cdp.send('Extensions.triggerAction' as never, { id: ext.id, targetId: target.targetId } as never);
  await cdp.detach();
}

async function openIncidentsTab(): Promise<Page> {
  const panel = await openExtensionPage(ext, 'sidepanel');
  await panel.locator('#tab-incidents').click();
  return panel;
}

describe('crisis escalation end to end', () => {
  let incidentId: string;

  it('configures the team webhook in the options page', async () => {
    const options = await openExtensionPage(ext, 'options');
    const form = options.getByTestId('setting-webhook');
    await form.locator('#webhook-kind').selectOption('slack');
    await form.locator('#webhook-url').fill(hookUrl);
    await form.locator('button[type="submit"]').click();
    await expect.poll(() => form.locator('[role="status"]').textContent()).toContain('Enregistr');
    // The host permission prompt was asked for (it stays open: nobody answers it in a headless browser).
    expect(await form.getByTestId('webhook-access').textContent()).toContain('Autorisez');
    await options.close();
  });

  it('escalates a comment on x.com: banner on a YouTube tab, incident with the comment in the side panel, the team notified', async () => {
    const youtube = await ext.context.newPage();
    await youtube.goto('https://www.youtube.com/watch?v=vigieDemo01');
    // The content script has run (its badges are in) and shows no banner: no crisis yet.
    await expect.poll(() => youtube.locator('vigie-badge[data-vigie-sentiment]').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await youtube.locator('vigie-crisis-banner').count()).toBe(0);

    const page = await ext.context.newPage();
    await page.goto(THREAD);
    const marie = page.locator('vigie-badge[data-vigie-comment="x:1850000000000000002"]');
    await expect.poll(() => marie.getAttribute('data-vigie-sentiment'), { timeout: 15_000 }).toBeTruthy();
    await marie.locator('[data-action="escalate"]').click();
    const dialog = page.locator('vigie-escalate-dialog');
    await dialog.locator('#sev-3').check();
    await dialog.locator('#category').selectOption('product-safety');
    await dialog.locator('[data-action="escalate-submit"]').click();
    await expect.poll(() => marie.getAttribute('data-vigie-incident'), { timeout: 10_000 }).toBeTruthy();
    incidentId = (await marie.getAttribute('data-vigie-incident'))!;

    await expect.poll(() => youtube.locator('vigie-crisis-banner').count(), { timeout: 10_000 }).toBe(1);

    // The Slack message reached the local receiver from the background.
    await expect.poll(() => received.length, { timeout: 10_000 }).toBe(1);
    expect(received[0]!.text).toContain('Incident ouvert');

    const panel = await openIncidentsTab();
    const item = panel.locator(`[data-incident-id="${incidentId}"]`);
    await expect.poll(() => item.count()).toBe(1);
    expect(await item.locator('.sev-badge').textContent()).toBe('3');
    await item.locator('button').click();
    const detail = panel.getByTestId('incident-detail');
    const comment = detail.locator('[data-comment-id="x:1850000000000000002"]');
    await expect.poll(() => comment.count()).toBe(1);
    expect(await comment.locator('.comment-text').textContent()).toContain('C’est une arnaque 😡');
    expect(await comment.locator('.author').textContent()).toBe('Marie Dupont');
    expect(await comment.locator('.pill').textContent()).toBe('Négatif');
    await Promise.all([page.close(), youtube.close(), panel.close()]);
  });

  it('ticks a checklist item in the side panel, with when it was done', async () => {
    const panel = await openIncidentsTab();
    await panel.locator(`[data-incident-id="${incidentId}"] button`).click();
    const item = panel.locator('.inc-checklist li').first();
    // A controlled checkbox: it shows the stored state, so it turns checked once the tick is written.
    await item.locator('input[type="checkbox"]').click();
    await expect.poll(() => item.locator('input[type="checkbox"]').isChecked()).toBe(true);
    await expect.poll(() => item.locator('.done-by').count()).toBe(1);
    expect(await item.locator('.done-by').textContent()).toMatch(/^Fait le /);
    await expect.poll(() => panel.locator('.inc-timeline [data-kind="checklist"]').count()).toBe(1);
    // Reloaded from the database, the tick is still there.
    await panel.reload();
    await panel.locator('#tab-incidents').click();
    await panel.locator(`[data-incident-id="${incidentId}"] button`).click();
    expect(await panel.locator('.inc-checklist li').first().locator('input[type="checkbox"]').isChecked()).toBe(true);
    await panel.close();
  });

  it('clips a news article into the incident from the popup', async () => {
    const news = await ext.context.newPage();
    await news.goto(ARTICLE);
    await news.bringToFront();
    await pressToolbarButton(news);

    // The popup as its own window, so the news tab stays the active tab of the browser window.
    const opened = ext.context.waitForEvent('page');
    await ext.worker.evaluate(`chrome.windows.create({ url: 'popup.html', type: 'popup' })`);
    const popup = await opened;
    await popup.waitForLoadState();
    const clip = popup.getByTestId('clip-page');
    await expect.poll(() => clip.locator('#clip-incident option').count()).toBe(1);
    await clip.locator('button').click();
    await expect.poll(() => clip.locator('[role="status"], [role="alert"]').textContent(), { timeout: 10_000 }).toContain('Clippé : Rappel massif des chargeurs Voltix');
    await popup.close();

    const panel = await openIncidentsTab();
    await panel.locator(`[data-incident-id="${incidentId}"] button`).click();
    const clipped = panel.locator('.inc-clips li');
    await expect.poll(() => clipped.count()).toBe(1);
    expect(await clipped.locator('.clip-title').getAttribute('href')).toBe(ARTICLE);
    expect(await clipped.locator('.muted').textContent()).toContain('Claire Martin');
    expect(await clipped.locator('.clip-excerpt').textContent()).toContain('120 000 chargeurs');
    await Promise.all([news.close(), panel.close()]);
  });

  it('exports the incident as Markdown and JSON, and as a printable report page', async () => {
    const panel = await openIncidentsTab();
    await panel.locator(`[data-incident-id="${incidentId}"] button`).click();
    const detail = panel.getByTestId('incident-detail');

    const [md] = await Promise.all([panel.waitForEvent('download'), detail.getByRole('button', { name: 'Markdown' }).click()]);
    expect(md.suggestedFilename()).toMatch(/^incident-.*\.md$/);
    const markdown = readFileSync((await md.path())!, 'utf8');
    expect(markdown).toContain('arnaque');
    expect(markdown).toContain('Rappel massif des chargeurs Voltix');
    expect(markdown).toContain('☑');

    const [json] = await Promise.all([panel.waitForEvent('download'), detail.getByRole('button', { name: 'JSON' }).click()]);
    const report = JSON.parse(readFileSync((await json.path())!, 'utf8'));
    expect(report).toMatchObject({ format: 'vigie-incident-report', incident: { id: incidentId, severity: 3 }, summary: { checklist: { done: 1 } } });
    expect(report.clips).toHaveLength(1);
    expect(report.comments.map((c: { id: string }) => c.id)).toContain('x:1850000000000000002');

    const [page] = await Promise.all([ext.context.waitForEvent('page'), detail.getByRole('link', { name: 'Rapport imprimable' }).click()]);
    await page.waitForLoadState();
    const printable = page.getByTestId('incident-report');
    await expect.poll(() => printable.count()).toBe(1);
    expect(await printable.locator('h1').textContent()).toContain('Rapport d’incident');
    expect(await printable.getByTestId('report-timeline').textContent()).toContain('Rappel massif des chargeurs Voltix');
    expect(await printable.locator('tr[data-done="true"]').count()).toBe(1);
    expect(await printable.locator('.bar').count()).toBeGreaterThan(0);
    await Promise.all([page.close(), panel.close()]);
  });

  it('shows a failed team notification in the options page, and its retry delivers it', async () => {
    statuses.push(500);
    const panel = await openIncidentsTab();
    await panel.locator(`[data-incident-id="${incidentId}"] button`).click();
    await panel.getByTestId('inc-status').selectOption('resolved');
    // The panel stays open: it tells the background about the change once the change is written.
    await expect.poll(() => panel.locator('.inc-timeline [data-kind="status"]').count()).toBe(1);

    const options = await openExtensionPage(ext, 'options');
    const failed = options.locator('[data-testid="webhook-deliveries"] li', { hasText: 'incident-resolved' });
    await expect.poll(() => failed.locator('.delivery-error').count(), { timeout: 10_000 }).toBe(1);
    expect(await failed.locator('.delivery-error').textContent()).toContain('HTTP 500');
    expect(await failed.getAttribute('data-status')).toBe('pending');
    await panel.close();
    expect(received).toHaveLength(1);

    await failed.getByRole('button', { name: 'Réessayer' }).click();
    await expect.poll(() => failed.getAttribute('data-status'), { timeout: 10_000 }).toBe('delivered');
    expect(received).toHaveLength(2);
    expect(received[1]!.text).toContain('Incident résolu');
    await options.close();
  });
});

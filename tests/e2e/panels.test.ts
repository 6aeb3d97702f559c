import { readFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, openExtensionPage, type Extension } from './harness';
import { dbCounts, dbPatch } from './db';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const shots = join(import.meta.dirname, '..', '..', 'docs', 'screenshots');
/** The README's screenshots: retaken with VIGIE_SCREENSHOTS=1 npm run test:e2e, left alone otherwise. */
const screenshot = (page: Page, name: string) => (process.env.VIGIE_SCREENSHOTS ? page.screenshot({ path: join(shots, name) }) : Promise.resolve());

let ext: Extension;
beforeAll(async () => {
  ext = await launchExtension();
  if (process.env.VIGIE_SCREENSHOTS) mkdirSync(shots, { recursive: true });
});
afterAll(async () => {
  await ext?.close();
});

/** Serious and critical accessibility violations, from axe-core run inside the page. */
async function axeViolations(page: Page): Promise<string[]> {
  // Extension pages forbid inline scripts; evaluate runs outside the page's CSP.
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
    return axe.run(document, { resultTypes: ['violations'] });
  });
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function seedThread(): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto('https://x.com/vigie_demo/status/1850000000000000001');
  await expect.poll(() => page.locator('vigie-badge[data-vigie-sentiment]').count(), { timeout: 15_000 }).toBe(5);
  return page;
}

/** Moves a stored comment back in time, straight in IndexedDB (the background's origin). */
function ageComment(id: string, hours: number) {
  return dbPatch(ext.worker, 'comments', id, { firstSeenAt: Date.now() - hours * 3_600_000 });
}

describe('side panel, popup and options', () => {
  it('shows a comment flagged on a platform page in the open side panel queue and popup counts, without reload', async () => {
    const panel = await openExtensionPage(ext, 'sidepanel');
    await expect.poll(() => panel.getByRole('tab', { name: 'File' }).count()).toBe(1);
    const popup = await openExtensionPage(ext, 'popup');
    const count = (key: string) => popup.locator(`[data-count="${key}"] dd`).textContent();
    await expect.poll(() => count('seen')).toBe('0');
    const page = await seedThread();
    await expect.poll(() => count('seen')).toBe('5');
    const jl = page.locator('vigie-badge[data-vigie-comment="x:1850000000000000003"]');
    await jl.locator('[data-action="escalate"]').click();
    await page.locator('vigie-escalate-dialog [data-action="flag-only"]').click();
    await expect.poll(() => jl.getAttribute('data-vigie-status')).toBe('flagged');
    const row = panel.getByTestId('queue').locator('[data-comment-id="x:1850000000000000003"]');
    await expect.poll(() => row.count(), { timeout: 10_000 }).toBe(1);
    expect(await row.getByTestId('queue-timer').getAttribute('data-overdue')).toBe('false');
    await expect.poll(() => count('flagged')).toBe('1');
    await page.close();
    await popup.close();
    await panel.close();
  });

  it('shows the overdue timer for a comment older than the response target', async () => {
    await ageComment('x:1850000000000000002', 30);
    const panel = await openExtensionPage(ext, 'sidepanel');
    const timer = panel.getByTestId('queue').locator('[data-comment-id="x:1850000000000000002"]').getByTestId('queue-timer');
    await expect.poll(() => timer.getAttribute('data-overdue'), { timeout: 10_000 }).toBe('true');
    expect(await timer.textContent()).toMatch(/^en retard de 6 h \d\d$/);
    await panel.setViewportSize({ width: 420, height: 760 });
    await screenshot(panel, 'sidepanel-queue.png');
    const popup = await openExtensionPage(ext, 'popup');
    await expect.poll(() => popup.locator('[data-count="overdue"] dd').textContent()).toBe('1');
    await popup.setViewportSize({ width: 400, height: 700 });
    await screenshot(popup, 'popup.png');
    await popup.close();
    await panel.close();
  });

  it('counts the comments seen in the statistics and exports them as CSV', async () => {
    const panel = await openExtensionPage(ext, 'sidepanel');
    await panel.getByRole('tab', { name: 'Statistiques' }).click();
    await expect.poll(() => panel.getByTestId('stats-total').textContent()).toBe('5 commentaires sur la période');
    const [download] = await Promise.all([panel.waitForEvent('download'), panel.getByRole('button', { name: 'Exporter en CSV' }).click()]);
    const csv = readFileSync((await download.path())!, 'utf8');
    // One row per day and platform: the thread's five comments, by sentiment.
    const rows = csv.split('\r\n').slice(1).filter(Boolean).map((l) => l.split(','));
    expect(rows.every((r) => /^\d{4}-\d\d-\d\d$/.test(r[0]!) && r[1] === 'x')).toBe(true);
    expect(rows.reduce((n, r) => n + Number(r[2]) + Number(r[3]) + Number(r[4]), 0)).toBe(5);
    await panel.close();
  });

  it('reports in the popup what each platform page read, and a page whose markup changed as found but unreadable', async () => {
    const popup = await openExtensionPage(ext, 'popup');
    const x = popup.locator('[data-testid="health-list"] li[data-platform="x"]');
    const page = await ext.context.newPage();
    // A page not visited before in this file: the row's counts can only come from this visit.
    await page.goto('https://x.com/marie_dpt/status/1850000000000000002');
    await expect.poll(() => x.textContent(), { timeout: 15_000 }).toMatch(/^✅ X 3 commentaires, 1 zone de réponse /);
    expect(await x.getAttribute('data-healthy')).toBe('true');

    // The same thread as if X changed its markup overnight: the timestamps, the only place a tweet's
    // permalink and date are read from, become spans. Every tweet is still found, none can be read.
    const CHANGED = 'https://x.com/vigie_demo/status/1850000000000000099';
    const changed = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'x', 'thread.html'), 'utf8').replace(/<time datetime=/g, '<span data-datetime=').replace(/<\/time>/g, '</span>');
    await page.route(CHANGED, (route) => route.fulfill({ contentType: 'text/html', body: changed }));
    await page.goto(CHANGED);
    await expect.poll(() => x.getAttribute('data-problems'), { timeout: 15_000 }).toBe('unreadable');
    expect(await x.textContent()).toMatch(/^⚠️ X 6 commentaires trouvés mais aucun lisible : la plateforme a peut-être changé sa mise en page /);
    expect(await x.getAttribute('data-healthy')).toBe('false');
    expect(await page.locator('vigie-badge').count()).toBe(0);
    await page.close();
    await popup.close();
  });

  it('makes a page report of an open X tab from its health row, shows it whole, and saves it with no original text', async () => {
    const page = await seedThread();
    const popup = await openExtensionPage(ext, 'popup');
    // The row speaks of the last X page read: this one, once it has reported.
    const row = popup.locator(`[data-testid="health-list"] li[data-platform="x"][data-url="${page.url()}"]`);
    await expect.poll(() => row.count(), { timeout: 15_000 }).toBe(1);
    await row.locator('[data-action="page-report"]').click();
    const report = popup.locator('[data-testid="page-report"]');
    await expect.poll(() => report.count(), { timeout: 10_000 }).toBe(1);
    expect(await report.locator('[data-testid="page-report-found"]').textContent()).toMatch(/^https:\/\/x\.com\/[a-z]{5}_[a-z]{4}\/status\/\d{19} · 6 commentaires trouvés, 1 zone de réponse · \d+ Ko$/);
    const preview = (await report.locator('[data-testid="page-report-preview"]').textContent())!;
    const [download] = await Promise.all([popup.waitForEvent('download'), report.locator('[data-action="save-report"]').click()]);
    expect(download.suggestedFilename()).toMatch(/^vigie-page-report-x-\d{4}-\d{2}-\d{2}\.html$/);
    const saved = readFileSync((await download.path())!, 'utf8');
    // The file is what the user was shown, and holds markup but nothing anyone wrote.
    expect(saved).toBe(preview);
    expect(saved).toContain('data-testid="tweetText"');
    for (const original of ['Marie', 'marie_dpt', 'vigie_demo', 'commande', '1850000000000000002', 'onerror']) expect(saved).not.toContain(original);
    // Vigie's own badges are not part of the page.
    expect(saved).not.toContain('vigie-badge');
    expect(await report.count()).toBe(0);
    await popup.close();
    await page.close();
  });

  it('switches the whole interface to English from the options page, live', async () => {
    const panel = await openExtensionPage(ext, 'sidepanel');
    await expect.poll(() => panel.getByRole('tab', { name: 'File' }).count()).toBe(1);
    const options = await openExtensionPage(ext, 'options');
    const language = options.getByTestId('setting-language');
    await language.getByRole('combobox').selectOption('en');
    await language.getByRole('button', { name: 'Enregistrer' }).click();
    await expect.poll(() => options.getByRole('heading', { level: 1 }).textContent()).toBe('Vigie settings');
    await expect.poll(() => panel.getByRole('tab', { name: 'Queue' }).count()).toBe(1);
    expect(await panel.getByTestId('queue').locator('[data-overdue="true"]').first().textContent()).toMatch(/^overdue by/);
    // Back to French for the other tests.
    await options.getByTestId('setting-language').getByRole('combobox').selectOption('fr');
    await options.getByTestId('setting-language').getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => options.getByRole('heading', { level: 1 }).textContent()).toBe('Réglages de Vigie');
    await options.close();
    await panel.close();
  });

  it('refuses a bad setting with a clear message and keeps the old value', async () => {
    const options = await openExtensionPage(ext, 'options');
    const retention = options.getByTestId('setting-retention');
    await retention.getByLabel('Supprimer les commentaires plus vieux que (jours)').fill('0');
    await retention.getByRole('button', { name: 'Enregistrer' }).click();
    await expect.poll(() => retention.getByRole('alert').textContent()).toContain('retentionDays');
    await options.reload();
    expect(await options.getByTestId('setting-retention').getByLabel('Supprimer les commentaires plus vieux que (jours)').inputValue()).toBe('90');
    await options.close();
  });

  it('passes axe-core with no serious or critical violation on the popup, every side panel tab and the options page', async () => {
    const popup = await openExtensionPage(ext, 'popup');
    await popup.getByTestId('today-counts').waitFor();
    expect(await axeViolations(popup)).toEqual([]);
    const panel = await openExtensionPage(ext, 'sidepanel');
    const tabs = panel.getByRole('tab');
    await tabs.first().waitFor();
    for (let i = 0; i < (await tabs.count()); i++) {
      await tabs.nth(i).click();
      await panel.waitForTimeout(300);
      expect(await axeViolations(panel), `tab ${await tabs.nth(i).textContent()}`).toEqual([]);
    }
    const options = await openExtensionPage(ext, 'options');
    await options.getByTestId('setting-language').waitFor();
    expect(await axeViolations(options)).toEqual([]);
    await options.setViewportSize({ width: 900, height: 1100 });
    await screenshot(options, 'options.png');
  });

  it('works with the keyboard alone: tabs move with the arrow keys', async () => {
    const panel = await openExtensionPage(ext, 'sidepanel');
    await panel.getByRole('tab', { name: 'File' }).focus();
    await panel.keyboard.press('ArrowRight');
    const selected = panel.locator('[role="tab"][aria-selected="true"]');
    expect(await selected.textContent()).not.toBe('File');
    expect(await panel.evaluate(() => document.activeElement?.getAttribute('aria-selected'))).toBe('true');
  });

  it('works the queue: answered and set-aside comments leave it and the popup counts follow, open goes to the comment', async () => {
    const panel = await openExtensionPage(ext, 'sidepanel');
    const popup = await openExtensionPage(ext, 'popup');
    const count = (key: string) => popup.locator(`[data-count="${key}"] dd`).textContent();
    const row = (id: string) => panel.getByTestId('queue').locator(`[data-comment-id="${id}"]`);
    await expect.poll(() => row('x:1850000000000000002').count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => count('overdue')).toBe('1');
    const answeredBefore = Number(await count('answered'));

    // The comment opens in a new tab, at its permalink.
    const [opened] = await Promise.all([ext.context.waitForEvent('page'), row('x:1850000000000000002').getByRole('button', { name: 'Ouvrir le commentaire' }).click()]);
    await expect.poll(() => opened.url(), { timeout: 10_000 }).toBe('https://x.com/marie_dpt/status/1850000000000000002');
    await opened.close();

    await row('x:1850000000000000002').getByRole('button', { name: 'Répondu' }).click();
    await expect.poll(() => row('x:1850000000000000002').count()).toBe(0);
    await expect.poll(() => count('answered')).toBe(String(answeredBefore + 1));
    expect(await count('overdue')).toBe('0');

    await expect.poll(() => count('flagged')).toBe('1');
    await row('x:1850000000000000003').getByRole('button', { name: 'Mettre de côté' }).click();
    await expect.poll(() => row('x:1850000000000000003').count()).toBe(0);
    await expect.poll(() => count('flagged')).toBe('0');
    await popup.close();
    await panel.close();
  });

  it('deletes all my data after confirmation: no comment, no count, no template left', async () => {
    const options = await openExtensionPage(ext, 'options');
    const button = options.getByRole('button', { name: 'Supprimer toutes mes données' });
    // Dismissing the confirmation deletes nothing.
    options.once('dialog', (d) => void d.dismiss());
    await button.click();
    const stored = () => dbCounts(ext.worker, ['comments', 'templates', 'tallies']);
    expect((await stored()).every((n) => n > 0)).toBe(true);
    options.once('dialog', (d) => void d.accept());
    await button.click();
    await expect.poll(() => options.getByRole('status').textContent()).toBe('Toutes les données ont été supprimées.');
    expect(await stored()).toEqual([0, 0, 0]);
    const popup = await openExtensionPage(ext, 'popup');
    await expect.poll(() => popup.locator('[data-testid="today-counts"] dd').allTextContents()).toEqual(['0', '0', '0', '0', '0']);
    await options.close();
    await popup.close();
  });
});

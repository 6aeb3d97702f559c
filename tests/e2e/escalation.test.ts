import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, openExtensionPage, type Extension } from './harness';

let ext: Extension;
beforeAll(async () => {
  ext = await launchExtension();
});
afterAll(async () => {
  await ext?.close();
});

describe('escalating a comment to a crisis', () => {
  it('opens an incident from the dialog, turns crisis mode on in every platform tab and in the popup', async () => {
    const other = await ext.context.newPage();
    await other.goto('https://x.com/home');
    await expect.poll(() => other.locator('vigie-badge[data-vigie-sentiment]').count(), { timeout: 15_000 }).toBe(3);
    expect(await other.locator('vigie-crisis-banner').count()).toBe(0);

    const page = await ext.context.newPage();
    await page.goto('https://x.com/vigie_demo/status/1850000000000000001');
    const marie = page.locator('vigie-badge[data-vigie-comment="x:1850000000000000002"]');
    await expect.poll(() => marie.getAttribute('data-vigie-sentiment'), { timeout: 15_000 }).toBeTruthy();
    await marie.locator('[data-action="escalate"]').click();
    const dialog = page.locator('vigie-escalate-dialog');
    await dialog.locator('#sev-3').check();
    await dialog.locator('#category').selectOption('service-outage');
    await dialog.locator('#note').fill('Retards de livraison en série');
    await dialog.locator('[data-action="escalate-submit"]').click();
    await expect.poll(() => marie.getAttribute('data-vigie-incident'), { timeout: 10_000 }).toBeTruthy();
    expect(await dialog.count()).toBe(0);

    // The other tab was never reloaded: the banner arrives through browser.storage's change event.
    const banner = other.locator('vigie-crisis-banner');
    await expect.poll(() => banner.count(), { timeout: 10_000 }).toBe(1);
    expect(await banner.locator('[role="status"]').textContent()).toContain('Mode crise · niveau 3');

    const popup = await openExtensionPage(ext, 'popup');
    const state = popup.getByTestId('crisis-state');
    await expect.poll(() => state.getAttribute('data-crisis')).toBe('true');
    expect(await popup.locator('[data-severity="3"]').textContent()).toContain('Niveau 3 : 1');

    // A second escalation of the same thread from another tab joins the same incident.
    const second = await ext.context.newPage();
    await second.goto('https://x.com/vigie_demo/status/1850000000000000001');
    const sam = second.locator('vigie-badge[data-vigie-comment="x:1850000000000000004"]');
    await expect.poll(() => sam.getAttribute('data-vigie-sentiment'), { timeout: 15_000 }).toBeTruthy();
    await sam.locator('[data-action="escalate"]').click();
    await second.locator('vigie-escalate-dialog [data-action="escalate-submit"]').click();
    await expect.poll(() => sam.getAttribute('data-vigie-incident'), { timeout: 10_000 }).toBe(await marie.getAttribute('data-vigie-incident'));
  });
});

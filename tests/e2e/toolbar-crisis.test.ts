/**
 * Crisis on the toolbar: the toolbar badge, read from the service worker (chrome.action), says "!"
 * in Vigie's red with the incident's title only while crisis mode is on (an open incident of
 * severity 2 or more), like the banner on the platform tabs; severity 1 shows neither, and resolving
 * the incident clears both.
 */
import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, openExtensionPage, type Extension } from './harness';

const THREAD = 'https://x.com/vigie_demo/status/1850000000000000001';

let ext: Extension;
beforeAll(async () => {
  ext = await launchExtension();
});
afterAll(async () => {
  await ext?.close();
});

/** The service worker running now (it may have been stopped and started again). */
function worker(): Worker {
  return ext.context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${ext.id}/`)) ?? ext.worker;
}

interface Toolbar {
  text: string;
  color: number[];
  title: string;
}

/** What the toolbar button shows, as the worker's own chrome.action reads it. */
const toolbar = (): Promise<Toolbar> =>
  worker().evaluate(async () => {
    const action = (globalThis as unknown as { chrome: { action: { getBadgeText(d: object): Promise<string>; getBadgeBackgroundColor(d: object): Promise<number[]>; getTitle(d: object): Promise<string> } } }).chrome.action;
    return { text: await action.getBadgeText({}), color: await action.getBadgeBackgroundColor({}), title: await action.getTitle({}) };
  });

async function escalate(page: Page, commentId: string, severity: number): Promise<string> {
  const badge = page.locator(`vigie-badge[data-vigie-comment="${commentId}"]`);
  await expect.poll(() => badge.getAttribute('data-vigie-sentiment'), { timeout: 15_000 }).toBeTruthy();
  await badge.locator('[data-action="escalate"]').click();
  const dialog = page.locator('vigie-escalate-dialog');
  await dialog.locator(`#sev-${severity}`).check();
  await dialog.locator('#category').selectOption('product-safety');
  await dialog.locator('[data-action="escalate-submit"]').click();
  await expect.poll(() => badge.getAttribute('data-vigie-incident'), { timeout: 10_000 }).toBeTruthy();
  return (await badge.getAttribute('data-vigie-incident'))!;
}

describe('crisis on the toolbar', () => {
  let page: Page;
  let incidentId: string;

  it('severity 1: an incident, but no badge on the toolbar and no banner', async () => {
    expect(await toolbar()).toMatchObject({ text: '', title: 'Vigie' });
    page = await ext.context.newPage();
    await page.goto(THREAD);
    incidentId = await escalate(page, 'x:1850000000000000002', 1);
    // The page marks the comment on the escalation's answer, which the background sends after publishing the page state.
    expect(await toolbar()).toMatchObject({ text: '', title: 'Vigie' });
    expect(await page.locator('vigie-crisis-banner').count()).toBe(0);
  });

  it('severity 2: "!" on the toolbar in red, titled with the incident, and the banner', async () => {
    expect(await escalate(page, 'x:1850000000000000004', 2)).toBe(incidentId);
    await expect.poll(() => toolbar().then((t) => t.text), { timeout: 10_000 }).toBe('!');
    const shown = await toolbar();
    expect(shown.color).toEqual([0xb3, 0x26, 0x1e, 255]);
    expect(shown.title).toMatch(/^Vigie: .+/);
    await expect.poll(() => page.locator('vigie-crisis-banner').count(), { timeout: 10_000 }).toBe(1);
  });

  it('resolving the incident in the side panel clears the toolbar badge and the banner', async () => {
    const panel = await openExtensionPage(ext, 'sidepanel');
    await panel.locator('#tab-incidents').click();
    await panel.locator(`[data-incident-id="${incidentId}"] button`).click();
    await panel.getByTestId('inc-status').selectOption('resolved');
    await expect.poll(() => toolbar().then((t) => t.text), { timeout: 10_000 }).toBe('');
    expect((await toolbar()).title).toBe('Vigie');
    await expect.poll(() => page.locator('vigie-crisis-banner').count(), { timeout: 10_000 }).toBe(0);
    await panel.close();
  });
});

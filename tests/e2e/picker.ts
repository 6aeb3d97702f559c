/** Vigie's template picker, driven as a user does, beside a reply box that has the focus. */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * Opens the picker from the focused box's bar, finds the starter "delay" template by typing part of
 * its name, fills its date and inserts it; resolves once the picker has closed.
 */
export async function insertDelayTemplate(page: Page): Promise<void> {
  // The bar of the reply box just clicked: other boxes' bars are hidden while their editor is.
  await page.locator('vigie-composer-bar [data-action="open-picker"] >> visible=true').first().click();
  const picker = page.locator('vigie-template-picker');
  await picker.locator('input[type=search]').fill('retard');
  await expect.poll(() => picker.locator('[role="option"]').first().getAttribute('data-template-id')).toBe('starter-delay');
  await picker.locator('[role="option"]').first().click();
  await picker.locator('#field-deliveryDate').fill('2026-11-25');
  await picker.locator('[data-action="insert"]').click();
  await expect.poll(() => picker.count()).toBe(0);
}

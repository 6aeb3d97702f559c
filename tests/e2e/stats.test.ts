import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, openExtensionPage, type Extension } from './harness';

let ext: Extension;
beforeAll(async () => {
  ext = await launchExtension();
});
afterAll(async () => {
  await ext?.close();
});

const DAY = 86_400;

describe('statistics charts', () => {
  it('with one day of data, the time axis spans the period chosen (7, 14, 30 days), not years', async () => {
    const page = await ext.context.newPage();
    await page.goto('https://x.com/vigie_demo/status/1850000000000000001');
    await expect.poll(() => page.locator('vigie-badge[data-vigie-sentiment]').count(), { timeout: 15_000 }).toBe(5);
    const panel = await openExtensionPage(ext, 'sidepanel');
    await panel.getByRole('tab', { name: 'Statistiques' }).click();
    await expect.poll(() => panel.getByTestId('stats-total').textContent()).toBe('5 commentaires sur la période');
    const today = await panel.evaluate(() => new Date(new Date().setHours(0, 0, 0, 0)).getTime() / 1000);
    for (const days of [14, 7, 30]) {
      await panel.getByLabel('Période').selectOption(String(days));
      for (const name of ['Sentiment par jour', 'Réponses par jour']) {
        const chart = panel.getByRole('img', { name });
        // uPlot's own x scale once drawn, in seconds; a daylight-saving change moves it by an hour at most.
        await expect.poll(() => chart.getAttribute('data-x-max')).toBe(String(today));
        const min = Number(await chart.getAttribute('data-x-min'));
        expect(Math.abs(today - min - (days - 1) * DAY), `${name}, ${days} days`).toBeLessThanOrEqual(3600);
      }
    }
    await panel.close();
    await page.close();
  });
});

/**
 * `npm run demo`: Chromium with the built extension on the bundled platform pages, served on the
 * platforms' real URLs from tests/fixtures, so a new user sees Vigie work without logging in anywhere.
 * With a display the browser stays open until you close it; without one (a server, CI) it runs
 * headless, takes screenshots into docs/screenshots and exits.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchExtension, openExtensionPage } from '../tests/e2e/harness';

const pages = ['https://x.com/home', 'https://x.com/vigie_demo/status/1850000000000000001'];

const headed = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY) && !process.argv.includes('--headless');
const ext = await launchExtension({ headless: !headed });
console.log(`Vigie ${headed ? 'running' : 'running headless'}: extension id ${ext.id}`);

for (const url of pages) {
  const tab = await ext.context.newPage();
  await tab.goto(url);
}
await openExtensionPage(ext, 'popup');

if (headed) {
  console.log('Close the browser window to end the demo.');
  await new Promise<void>((resolve) => ext.context.on('close', () => resolve()));
} else {
  const out = join(import.meta.dirname, '..', 'docs', 'screenshots');
  mkdirSync(out, { recursive: true });
  const thread = ext.context.pages().find((p) => p.url().includes('/status/'))!;
  await thread.bringToFront();
  await thread.locator('vigie-badge[data-vigie-sentiment]').first().waitFor({ timeout: 15_000 });
  await thread.locator('[data-testid="tweetTextarea_0"]').click();
  await thread.keyboard.type('Tu peux nous écrire en MP !!!');
  await thread.locator('vigie-composer-bar [data-action="voice-summary"][data-state="error"]').waitFor({ timeout: 10_000 });
  await thread.locator('vigie-composer-bar [data-action="voice-summary"]').click();
  await thread.screenshot({ path: join(out, 'x-thread.png') });
  console.log(`No display: screenshots written to ${out}`);
  await ext.close();
}

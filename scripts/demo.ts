/**
 * `npm run demo`: Chromium with the built extension on the bundled platform pages, served on the
 * platforms' real URLs from tests/fixtures, so a new user sees Vigie work without logging in anywhere.
 * One tab per platform (X, Facebook, Instagram, LinkedIn, Reddit: every editor family, Draft.js,
 * Lexical, a React textarea, Quill), each with its badges and a reply typed into the platform's own
 * editor: the brand-voice check on some, a template from the picker on the others. Then the side panel's
 * queue holding the comments of every platform, and the popup.
 * With a display the browser stays open until you close it; without one (a server, CI) it runs
 * headless, takes a screenshot of each page into docs/screenshots and exits.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchExtension, openExtensionPage } from '../tests/e2e/harness';

interface Stop {
  platform: string;
  url: string;
  /** The reply box to type into (the fixture's real editor). */
  editor: string;
  /**
   * What the screenshot shows beside the badges: the voice check's findings on a reply typed by
   * hand, or a template chosen in the picker and inserted into the platform's editor.
   */
  show: 'voice' | 'picker';
  shot: string;
  /** A screenshot of the picker itself, open over the page with the templates ranked for the comment. */
  pickerShot?: string;
}

// A reply that breaks the brand's voice: "tu" where the brand says "vous", shouting punctuation.
const REPLY = 'Tu peux nous écrire en MP !!!';

const stops: Stop[] = [
  { platform: 'X (Draft.js)', url: 'https://x.com/vigie_demo/status/1850000000000000001', editor: '[data-testid="tweetTextarea_0"]', show: 'voice', shot: 'x-thread.png' },
  { platform: 'Facebook (Lexical)', url: 'https://www.facebook.com/VigieDemo/posts/pfbid02Vig1eDem0PostA', editor: '[data-fixture-id="fb-comment"]', show: 'picker', shot: 'facebook-post.png' },
  { platform: 'Instagram (React textarea)', url: 'https://www.instagram.com/p/DCvSaVDeMo2/', editor: '[data-fixture-id="ig-comment-2"]', show: 'voice', shot: 'instagram-post.png' },
  { platform: 'LinkedIn (Quill)', url: 'https://www.linkedin.com/feed/', editor: '[data-fixture-id="li-comment"]', show: 'picker', shot: 'linkedin-feed.png', pickerShot: 'linkedin-picker.png' },
  { platform: 'Reddit (Lexical)', url: 'https://www.reddit.com/r/vigie_demo/comments/1gvigie/', editor: '[data-fixture-id="reddit-reply"]', show: 'voice', shot: 'reddit-thread.png' },
];

const headed = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY) && !process.argv.includes('--headless');
const started = Date.now();
const ext = await launchExtension({ headless: !headed });
console.log(`Vigie ${headed ? 'running' : 'running headless'}: extension id ${ext.id}`);
const out = join(import.meta.dirname, '..', 'docs', 'screenshots');
if (!headed) mkdirSync(out, { recursive: true });

/** Waits for the badges, then until their number holds still: they land as the background answers. */
async function badgesIn(page: Page): Promise<number> {
  const badges = page.locator('vigie-badge[data-vigie-sentiment]');
  await badges.first().waitFor({ timeout: 15_000 });
  let last = -1;
  for (let n = await badges.count(); n !== last; n = await badges.count()) {
    last = n;
    await page.waitForTimeout(300);
  }
  return last;
}

async function visit(stop: Stop): Promise<void> {
  const page = await ext.context.newPage();
  await page.goto(stop.url);
  const badges = await badgesIn(page);
  const editor = page.locator(stop.editor).first();
  // The reply box in the middle of the window, the comments and their badges around it.
  await editor.evaluate((e) => e.scrollIntoView({ block: 'center' }));
  await editor.click();
  // The bar of the reply box just clicked: other boxes' bars are hidden while their editor is.
  const bar = (action: string) => page.locator(`vigie-composer-bar [data-action="${action}"] >> visible=true`).first();
  if (stop.show === 'voice') {
    await page.keyboard.type(REPLY);
    await page.locator('vigie-composer-bar [data-action="voice-summary"][data-state="error"] >> visible=true').first().waitFor({ timeout: 10_000 });
    await bar('voice-summary').click();
  } else {
    await bar('open-picker').click();
    // The templates ranked for the comment this box answers (its language, mood and risks).
    const picker = page.locator('vigie-template-picker');
    await picker.locator('[role="option"]').nth(2).waitFor({ timeout: 10_000 });
    if (stop.pickerShot && !headed) await page.screenshot({ path: join(out, stop.pickerShot) });
    await picker.locator('input[type=search]').fill('retard');
    await picker.locator('[role="option"][data-template-id="starter-delay"]').first().waitFor({ timeout: 10_000 });
    await picker.locator('[role="option"]').first().click();
    await picker.locator('#field-deliveryDate').fill(inDays(3));
    await picker.locator('[data-action="insert"]').click();
    await picker.waitFor({ state: 'detached', timeout: 10_000 });
    // The inserted reply is checked like a typed one.
    await page.locator('vigie-composer-bar [data-action="voice-summary"][data-state] >> visible=true').first().waitFor({ timeout: 10_000 });
  }
  console.log(`${stop.platform}: ${badges} badges, ${stop.show === 'voice' ? 'voice check open' : 'template inserted from the picker'}`);
  if (!headed) await page.screenshot({ path: join(out, stop.shot) });
}

/** A local date n days ahead, as the picker's date field takes it (YYYY-MM-DD). */
function inDays(n: number): string {
  const d = new Date();
  d.setDate(d.getDate() + n);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

for (const stop of stops) await visit(stop);

// The side panel's queue now holds the comments of every platform visited; the popup counts them.
const panel = await openExtensionPage(ext, 'sidepanel');
await panel.getByTestId('queue').locator('[data-comment-id]').first().waitFor({ timeout: 10_000 });
const platforms = await panel.getByTestId('queue').locator('[data-comment-id]').evaluateAll((rows) => new Set(rows.map((r) => r.getAttribute('data-comment-id')!.split(':')[0])).size);
console.log(`side panel: the queue holds comments from ${platforms} platforms`);
if (!headed) {
  await panel.setViewportSize({ width: 420, height: 900 });
  await panel.screenshot({ path: join(out, 'sidepanel-demo.png') });
}
await openExtensionPage(ext, 'popup');

if (headed) {
  console.log('Close the browser window to end the demo.');
  await new Promise<void>((resolve) => ext.context.on('close', () => resolve()));
} else {
  const shots = stops.length + stops.filter((s) => s.pickerShot).length + 1;
  console.log(`No display: ${shots} screenshots written to ${out} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  await ext.close();
}

/**
 * `npm run demo:team`: the team workspace between two people. A local team server (pouchdb-server
 * on 127.0.0.1, started here and stopped by its process id), a workspace with a moderator (Tom) and
 * a community manager (Léa), and two Chromium profiles with the built extension, each joined from
 * its options page with the invitation `vigie team add-member` prints. Tom opens the X thread and
 * flags Marie's comment; Léa's side panel shows "Signalé par Tom" without a reload.
 * With a display both browsers stay open side by side until you close them; without one (a server,
 * CI) it runs headless, writes docs/screenshots/team-flag.png (Tom's page and Léa's side panel) and
 * exits. WXT_OUT_DIR picks the build, as for the end-to-end tests.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { joinTeam, launchProfile, startTeam, type Profile, type Team } from '../tests/e2e/team-harness';

const THREAD = 'https://x.com/vigie_demo/status/1850000000000000001';
const MARIE = 'x:1850000000000000002';
const WIDTH = 960;
const HEIGHT = 1000;

const headed = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY) && !process.argv.includes('--headless');
const started = Date.now();
const out = join(import.meta.dirname, '..', 'docs', 'screenshots');
const say = (line: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(1)} s] ${line}`);

let team: Team | undefined;
const profiles: Profile[] = [];
async function shutdown() {
  await Promise.all(profiles.map((p) => p.close().catch(() => {})));
  // startTeam's server is a child process; stop() sends it SIGTERM by its pid and waits for the exit.
  if (team) {
    const pid = team.server.pid;
    await team.stopServer().catch(() => {});
    say(`team server (pid ${pid}) stopped`);
  }
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void shutdown().then(() => process.exit(130)));

// The whole demo is bounded: a step that hangs ends it with the server and browsers stopped.
const watchdog = setTimeout(() => {
  console.error('demo:team: no result after 90 s, stopping');
  void shutdown().then(() => process.exit(1));
}, 90_000);

try {
  team = await startTeam('acme-support', [
    { name: 'tom', role: 'moderator', displayName: 'Tom' },
    { name: 'lea', role: 'cm', displayName: 'Léa' },
  ]);
  say(`team server on ${team.server.url} (pid ${team.server.pid}), workspace ${team.workspace}: Tom (moderator), Léa (community manager)`);
  const window = (x: number) => (headed ? { headless: false, viewport: null, args: [`--window-position=${x},0`, `--window-size=${WIDTH},${HEIGHT}`] } : {});
  const [tom, lea] = await Promise.all([launchProfile('tom', window(0)), launchProfile('lea', window(WIDTH))]);
  profiles.push(tom, lea);
  say(`two Chromium profiles ${headed ? 'side by side' : 'headless'}, the built extension in each`);

  const [tomOptions, leaOptions] = await Promise.all([joinTeam(tom, team, 'tom'), joinTeam(lea, team, 'lea')]);
  say(`joined from the options pages: ${(await tomOptions.getByTestId('team-state').textContent())?.trim()} | ${(await leaOptions.getByTestId('team-state').textContent())?.trim()}`);
  await Promise.all([tomOptions.close(), leaOptions.close()]);

  // Léa's side panel (as a tab: a script cannot open the real side panel without her click).
  const panel = await lea.extensionPage('sidepanel');
  if (!headed) await panel.setViewportSize({ width: 480, height: 760 });
  await panel.getByTestId('queue').waitFor({ state: 'attached', timeout: 15_000 });

  const page = await tom.page(THREAD);
  if (!headed) await page.setViewportSize({ width: 1000, height: 760 });
  const badge = page.locator(`vigie-badge[data-vigie-comment="${MARIE}"]`);
  await badge.locator('[data-action="escalate"]').waitFor({ timeout: 15_000 });
  await badge.evaluate((b) => b.scrollIntoView({ block: 'center' }));
  say('Tom opens the X thread and flags Marie’s comment');
  await badge.locator('[data-action="escalate"]').click();
  const flaggedAt = Date.now();
  await page.locator('vigie-escalate-dialog [data-action="flag-only"]').click();

  const row = panel.locator(`[data-comment-id="${MARIE}"]`);
  await row.locator('[data-testid="queue-team"]', { hasText: 'Signalé par Tom' }).waitFor({ timeout: 15_000 });
  say(`Léa's side panel: “${(await row.locator('.author').textContent())?.trim()}” — ${await row.locator('[data-testid="queue-team"]').textContent()} (${Date.now() - flaggedAt} ms after the click)`);
  // Tom's own badge says it too.
  await badge.locator('.team', { hasText: 'Signalé par vous' }).waitFor({ timeout: 10_000 }).catch(() => {});
  await row.scrollIntoViewIfNeeded();
  await row.evaluate((r) => ((r as HTMLElement).style.outline = '3px solid #e8590c'));

  if (headed) {
    say('Close both browser windows to end the demo.');
    clearTimeout(watchdog);
    await Promise.all(profiles.map((p) => new Promise<void>((resolve) => p.context.on('close', () => resolve()))));
  } else {
    mkdirSync(out, { recursive: true });
    const [tomShot, leaShot] = await Promise.all([page.screenshot(), panel.screenshot()]);
    // Both windows in one picture: composed in a blank page of Tom's browser.
    const sheet = await tom.context.newPage();
    await sheet.setViewportSize({ width: 1560, height: 840 });
    const img = (png: Buffer) => `data:image/png;base64,${png.toString('base64')}`;
    await sheet.setContent(`<!doctype html><meta charset="utf-8"><style>
      body { margin: 0; padding: 16px; display: flex; gap: 24px; background: #e9ecef; font: 15px system-ui, sans-serif; }
      figure { margin: 0; } figcaption { margin: 0 0 8px; font-weight: 600; color: #212529; }
      img { display: block; border: 1px solid #adb5bd; box-shadow: 0 2px 8px #0002; }
    </style>
    <figure><figcaption>Tom (modérateur) signale le commentaire de Marie sur X</figcaption><img src="${img(tomShot)}" width="1000"></figure>
    <figure><figcaption>Léa (community manager) : son panneau latéral, sans recharger</figcaption><img src="${img(leaShot)}" width="480"></figure>`);
    await sheet.waitForFunction(() => Array.from(document.images).every((i) => i.complete));
    await sheet.screenshot({ path: join(out, 'team-flag.png') });
    say(`No display: docs/screenshots/team-flag.png written`);
  }
} catch (e) {
  console.error('demo:team failed:', e);
  process.exitCode = 1;
} finally {
  clearTimeout(watchdog);
  await shutdown();
  say('done');
}

/**
 * `npx tsx scripts/icons.ts`: renders the icon's source, assets/icon.svg, into the PNGs the
 * extension ships, public/icon/<size>.png (16, 32, 48, 128), which WXT lists in the manifest.
 * Uses rsvg-convert (Debian's librsvg2-bin) when present, else Debian's Chromium through
 * playwright-core. Run it again after editing the SVG and commit both.
 */
import { execFileSync } from 'node:child_process';
import { accessSync, constants, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const SIZES = [16, 32, 48, 128] as const;
const root = join(import.meta.dirname, '..');
const source = join(root, 'assets', 'icon.svg');
const out = join(root, 'public', 'icon');

function onPath(cmd: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(':')) {
    try {
      accessSync(join(dir, cmd), constants.X_OK);
      return join(dir, cmd);
    } catch {
      // not in this directory
    }
  }
  return undefined;
}

async function withChromium(svg: string): Promise<void> {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    for (const size of SIZES) {
      const page = await browser.newPage({ viewport: { width: size, height: size } });
      const data = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
      await page.setContent(`<html><body style="margin:0;background:transparent"><img src="${data}" width="${size}" height="${size}" style="display:block"></body></html>`);
      await page.locator('img').evaluate((img: HTMLImageElement) => img.decode());
      writeFileSync(join(out, `${size}.png`), await page.screenshot({ omitBackground: true }));
      await page.close();
    }
  } finally {
    await browser.close();
  }
}

mkdirSync(out, { recursive: true });
const rsvg = onPath('rsvg-convert');
if (rsvg) {
  for (const size of SIZES) execFileSync(rsvg, ['-w', String(size), '-h', String(size), '-o', join(out, `${size}.png`), source]);
} else {
  console.error('rsvg-convert not found (apt-get install librsvg2-bin): rendering with Chromium');
  await withChromium(readFileSync(source, 'utf8'));
}
console.log(`icons: ${SIZES.map((s) => `public/icon/${s}.png`).join(', ')} from assets/icon.svg${rsvg ? ' (rsvg-convert)' : ' (Chromium)'}`);

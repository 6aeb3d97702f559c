import { readFileSync } from 'node:fs';
import { join } from 'node:path';

declare global {
  interface Window {
    /** happy-dom's handle on the test window (tests run with @vitest-environment happy-dom). */
    happyDOM: { setURL(url: string): void };
  }
}

const fixtures = join(import.meta.dirname, '..', '..', 'fixtures');

export const readFixture = (platform: string, file: string) => readFileSync(join(fixtures, platform, file), 'utf8');

/** Loads a fixture page into the test DOM at its real URL, without its scripts (the e2e suite runs those). */
export function loadFixture(platform: string, file: string, url: string): void {
  window.happyDOM.setURL(url);
  const parsed = new DOMParser().parseFromString(readFixture(platform, file), 'text/html');
  parsed.querySelectorAll('script').forEach((s) => s.remove());
  document.body.innerHTML = parsed.body.innerHTML;
}

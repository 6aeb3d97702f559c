import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findBrowser, type BrowserSpec } from '../../../scripts/browsers';

const dir = mkdtempSync(join(tmpdir(), 'vigie-browsers-'));
const exe = join(dir, 'browser');
writeFileSync(exe, '#!/bin/sh\n');
chmodSync(exe, 0o755);
const plain = join(dir, 'not-executable');
writeFileSync(plain, '');

const spec = (paths: string[]): BrowserSpec => ({ name: 'Test', env: 'TEST_BROWSER', paths, aptPackage: 'test' });

describe('findBrowser', () => {
  it('takes the environment variable first', () => {
    expect(findBrowser(spec([join(dir, 'missing')]), { TEST_BROWSER: exe })).toBe(exe);
  });
  it('refuses an environment path that cannot run, naming it', () => {
    expect(() => findBrowser(spec([exe]), { TEST_BROWSER: plain })).toThrow(`TEST_BROWSER=${plain} is not an executable file`);
  });
  it('falls back to the first executable known path', () => {
    expect(findBrowser(spec([join(dir, 'missing'), plain, exe]), {})).toBe(exe);
  });
  it('finds nothing when no path runs', () => {
    expect(findBrowser(spec([join(dir, 'missing'), plain]), {})).toBeUndefined();
  });
});

// @vitest-environment happy-dom
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pageReport } from '../../../lib/page/report';
import { adLabels } from '../../../lib/platforms/x/selectors';
import { loadFixture } from '../helpers/fixtures';

const root = join(import.meta.dirname, '..', '..', '..');
const scan = (args: string[]) => {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'lib/cli/main.ts', 'scan', ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, out: r.stdout ? (JSON.parse(r.stdout) as { platform: string; url: string | null; comments: { nativeId: string; parentId?: string; text: string }[]; composers: number; skipped: number }) : undefined, stderr: r.stderr };
};

describe('vigie scan', () => {
  // The fixture's reply box is a Draft.js editor its script mounts: a saved page without scripts has none.
  it('reads a saved X thread: its comments and the ad it skips', () => {
    const r = scan(['--platform', 'x', '--url', 'https://x.com/vigie_demo/status/1850000000000000001', 'tests/fixtures/x/thread.html']);
    expect(r.status).toBe(0);
    expect(r.out).toMatchObject({ platform: 'x', composers: 0, skipped: 1 });
    expect(r.out!.comments.map((c) => c.nativeId)).toEqual(['1850000000000000001', '1850000000000000002', '1850000000000000003', '1850000000000000004', '1850000000000000005']);
  }, 60_000);

  it('reads a page report like the page it was made from, its platform and URL taken from the report', () => {
    const THREAD = 'https://x.com/vigie_demo/status/1850000000000000001';
    loadFixture('x', 'thread.html', THREAD);
    const report = pageReport(document, { platform: 'x', extensionVersion: '0.1.0', found: { comments: 6, composers: 1, problems: [] } }, adLabels, 5);
    const file = join(mkdtempSync(join(tmpdir(), 'vigie-scan-')), 'report.html');
    writeFileSync(file, report.html);
    const r = scan([file]);
    expect(r.status).toBe(0);
    expect(r.out).toMatchObject({ platform: 'x', url: report.url, composers: 0, skipped: 1 });
    expect(r.out!.comments).toHaveLength(5);
    expect(r.out!.comments.every((c) => /^\d{19}$/.test(c.nativeId) && !c.nativeId.startsWith('18500000000000000'))).toBe(true);
    expect(r.out!.comments.map((c) => c.text).join(' ')).not.toMatch(/commande|Marie/);
  }, 60_000);

  // tests/e2e/scan-dsd.test.ts compares these with what the adapter reads of the same pages in Chromium.
  it('reads a saved shreddit page that carries its shadow roots, an SVG with its own <style> among them', () => {
    const r = scan(['--platform', 'reddit', 'tests/fixtures/reddit/thread-dsd.html']);
    expect(r.status).toBe(0);
    expect(r.out).toMatchObject({ url: 'https://www.reddit.com/r/vigie_demo/comments/1gvdsd1/colis_jamais_arrive/', composers: 1, skipped: 1 });
    expect(r.out!.comments.map((c) => [c.nativeId, c.parentId])).toEqual([
      ['t3_1gvdsd1', undefined],
      ['t1_ldsd1', 't3_1gvdsd1'],
      ['t1_ldsd2', 't1_ldsd1'],
      ['t1_ldsd3', 't1_ldsd2'],
      ['t1_ldsd5', 't3_1gvdsd1'],
    ]);
    expect(r.out!.comments[3]!.text).toBe('C’est envoyé.\nMerci pour la réponse rapide.');
  }, 60_000);

  it('reads a status’s text where the browser has it once the page’s declared shadow roots are attached', () => {
    const r = scan(['--platform', 'mastodon', 'tests/fixtures/mastodon/status-dsd.html']);
    expect(r.status).toBe(0);
    expect(r.out!.comments.map((c) => c.text)).toEqual([
      'Il existe en quelles tailles ?',
      'Le manteau existe en trois tailles : S, M et L.\nLe guide des tailles est sur la fiche produit.',
      'Et en XL ? 🙏',
      'Pas encore, il arrive en décembre.',
    ]);
  }, 60_000);

  it('asks for the platform of a page that is no report', () => {
    const r = scan(['tests/fixtures/x/thread.html']);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('--platform must be one of');
  }, 60_000);
});

/**
 * Bundles a platform adapter for the page's MAIN world, so an e2e test can call the real adapter
 * code against the real editor in the real browser without any test-only hook in product code.
 * The bundle exposes window.__adapterWrite(text, mode, index), window.__adapterRead(index),
 * window.__adapterScan(), which reads the page as `vigie scan` reads a saved one (lib/cli/scan.ts),
 * and window.__adapter, the adapter itself (the bench times its reading of a page).
 */
import { build } from 'esbuild';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { ExtractedComment, PlatformAdapter } from '../../lib/platforms/types';

const root = join(import.meta.dirname, '..', '..');
const cache = new Map<string, string>();

/** The IIFE source for lib/platforms/<id>/adapter.ts, whose adapter is exported as `exportName`. */
export async function adapterBundle(id: string, exportName: string): Promise<string> {
  const key = `${id}:${exportName}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const result = await build({
    stdin: {
      contents: `
        import { ${exportName} as adapter } from './lib/platforms/${id}/adapter';
        import { readPage } from './lib/cli/read-page';
        const composer = (index) => {
          const el = adapter.findComposers(document)[index ?? 0];
          if (!el) throw new Error('no composer found by the ${id} adapter');
          return el;
        };
        window.__adapterWrite = (text, mode, index) => adapter.writeComposer(composer(index), text, mode);
        window.__adapterRead = (index) => adapter.readComposer(composer(index));
        window.__adapterScan = () => readPage(adapter, document);
        window.__adapter = adapter;
      `,
      resolveDir: root,
      loader: 'ts',
      sourcefile: `${id}-adapter-bundle.ts`,
    },
    bundle: true,
    write: false,
    format: 'iife',
    target: 'chrome120',
    logLevel: 'warning',
  });
  const code = result.outputFiles[0]!.text;
  cache.set(key, code);
  return code;
}

/** Injects the adapter into the page (again after a full load; an in-app navigation keeps it). */
export async function injectAdapter(page: Page, id: string, exportName: string): Promise<void> {
  await page.addScriptTag({ content: await adapterBundle(id, exportName) });
}

export function adapterWrite(page: Page, text: string, mode: 'insert' | 'replace', index = 0): Promise<boolean> {
  return page.evaluate(([t, m, i]) => window.__adapterWrite!(t, m, i), [text, mode, index] as const);
}

declare global {
  interface Window {
    __adapterWrite?: (text: string, mode: 'insert' | 'replace', index?: number) => Promise<boolean>;
    __adapterRead?: (index?: number) => string;
    __adapterScan?: () => { comments: ExtractedComment[]; composers: number; skipped: number };
    __adapter?: PlatformAdapter;
  }
}

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { browserDictionaries } from '../../../lib/voice/dictionaries/browser';
import { dictionaryAssets } from '../../../lib/voice/dictionaries/files';

const root = join(import.meta.dirname, '../../..');
const assets = dictionaryAssets(root);

afterEach(() => vi.unstubAllGlobals());

describe('dictionaries in the extension', () => {
  it('the build copies each package file that exists to the path the background fetches', async () => {
    expect(assets.map((a) => a.relativeDest).sort()).toEqual(['dictionaries/en.aff', 'dictionaries/en.dic', 'dictionaries/fr.aff', 'dictionaries/fr.dic']);
    for (const a of assets) expect(existsSync(a.absoluteSrc)).toBe(true);
    const asked: string[] = [];
    vi.stubGlobal('fetch', async (url: string) => {
      asked.push(url);
      const file = assets.find((a) => url.endsWith(`/${a.relativeDest}`));
      return file ? new Response(readFileSync(file.absoluteSrc)) : new Response('', { status: 404 });
    });
    const fr = await browserDictionaries('fr');
    expect(fr.dic).toBe(readFileSync(join(root, 'node_modules/dictionary-fr/index.dic'), 'utf8'));
    expect(asked.map((u) => u.replace(/^.*?\/\/[^/]+/, ''))).toEqual(['/dictionaries/fr.aff', '/dictionaries/fr.dic']);
  });

  it('a file missing from the build is an error naming it', async () => {
    vi.stubGlobal('fetch', async () => new Response('', { status: 404 }));
    await expect(browserDictionaries('en')).rejects.toThrow('dictionary file dictionaries/en.aff: HTTP 404');
  });
});

import { browser } from 'wxt/browser';
import type { DictionarySource } from './index';
import { DICTIONARY_FILES } from './files';

async function read(path: string): Promise<string> {
  const res = await fetch(browser.runtime.getURL(`/${path}` as '/'));
  if (!res.ok) throw new Error(`dictionary file ${path}: HTTP ${res.status}`);
  return res.text();
}

/** The dictionaries as files of the extension, fetched by the background when a spelling rule first needs one. */
export const browserDictionaries: DictionarySource = async (id) => {
  const [aff, dic] = await Promise.all([read(DICTIONARY_FILES[id].aff), read(DICTIONARY_FILES[id].dic)]);
  return { aff, dic };
};

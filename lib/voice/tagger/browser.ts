import { browser } from 'wxt/browser';
import type { TaggerSource } from './index';
import type { EnglishTaggerData } from './en';
import { TAGGER_FILES } from './files';

/** The tagger's data as a file of the extension, fetched by the background when a sequence rule first needs it. */
export const browserTaggers: TaggerSource = async (id) => {
  const path = TAGGER_FILES[id];
  const res = await fetch(browser.runtime.getURL(`/${path}` as '/'));
  if (!res.ok) throw new Error(`tagger file ${path}: HTTP ${res.status}`);
  return (await res.json()) as EnglishTaggerData;
};

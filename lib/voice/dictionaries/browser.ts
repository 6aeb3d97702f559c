import { ownFile } from '../own-file';
import type { DictionarySource } from './index';
import { DICTIONARY_FILES } from './files';

const read = async (path: string) => (await ownFile('dictionary file', path)).text();

/** The dictionaries as files of the extension, fetched by the background when a spelling rule first needs one. */
export const browserDictionaries: DictionarySource = async (id) => {
  const [aff, dic] = await Promise.all([read(DICTIONARY_FILES[id].aff), read(DICTIONARY_FILES[id].dic)]);
  return { aff, dic };
};

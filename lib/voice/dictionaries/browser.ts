/**
 * The dictionaries as files of the extension, fetched by the background when a spelling rule first
 * needs one: they are never part of a script bundle, the content scripts' least of all. The packages
 * export only their Node entry, so the files are named by path.
 */
import enAff from '../../../node_modules/dictionary-en/index.aff?url';
import enDic from '../../../node_modules/dictionary-en/index.dic?url';
import frAff from '../../../node_modules/dictionary-fr/index.aff?url';
import frDic from '../../../node_modules/dictionary-fr/index.dic?url';
import type { DictionaryId } from '../pack';
import type { DictionarySource } from './index';

const FILES: Record<DictionaryId, { aff: string; dic: string }> = { en: { aff: enAff, dic: enDic }, fr: { aff: frAff, dic: frDic } };

async function read(url: string): Promise<string> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`dictionary file ${url}: HTTP ${res.status}`);
  return res.text();
}

export const browserDictionaries: DictionarySource = async (id) => {
  const [aff, dic] = await Promise.all([read(FILES[id].aff), read(FILES[id].dic)]);
  return { aff, dic };
};

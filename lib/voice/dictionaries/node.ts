import type { DictionarySource } from './index';

/** The dictionaries as their npm packages give them (they read their own files), for the CLI, bench and tests. */
export const nodeDictionaries: DictionarySource = async (id) =>
  ((await (id === 'fr' ? import('dictionary-fr') : import('dictionary-en'))) as { default: { aff: Uint8Array; dic: Uint8Array } }).default;

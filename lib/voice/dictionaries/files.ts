import type { DictionaryId } from '../pack';

/**
 * Where each dictionary's files sit in the built extension. The build copies them there from the
 * npm packages (wxt.config.ts, build:publicAssets) as plain files: imported as assets they would be
 * inlined, base64, into background.js, and parsed at every start of the service worker.
 */
export const DICTIONARY_FILES: Record<DictionaryId, { aff: string; dic: string; pkg: string }> = {
  en: { aff: 'dictionaries/en.aff', dic: 'dictionaries/en.dic', pkg: 'dictionary-en' },
  fr: { aff: 'dictionaries/fr.aff', dic: 'dictionaries/fr.dic', pkg: 'dictionary-fr' },
};

/** The build's copies: node_modules/<package>/index.{aff,dic} to the paths above. */
export function dictionaryAssets(root: string): { absoluteSrc: string; relativeDest: string }[] {
  return Object.values(DICTIONARY_FILES).flatMap(({ aff, dic, pkg }) => [
    { absoluteSrc: `${root}/node_modules/${pkg}/index.aff`, relativeDest: aff },
    { absoluteSrc: `${root}/node_modules/${pkg}/index.dic`, relativeDest: dic },
  ]);
}

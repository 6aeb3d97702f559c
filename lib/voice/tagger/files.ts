import type { TaggerId } from '../pack';

/**
 * Where each tagger's data sits in the built extension: one JSON file the build writes
 * (wxt.config.ts, build:publicAssets, from lib/voice/tagger/node.ts). Bundled, its megabyte would be
 * parsed at every start of the service worker, whether a pack has sequence rules or not.
 */
export const TAGGER_FILES: Record<TaggerId, string> = { en: 'taggers/en.json' };

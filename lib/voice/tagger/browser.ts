import { ownFile } from '../own-file';
import type { TaggerSource } from './index';
import type { EnglishTaggerData } from './en';
import { TAGGER_FILES } from './files';

/** The tagger's data as a file of the extension, fetched by the background when a sequence rule first needs it. */
export const browserTaggers: TaggerSource = async (id) => (await (await ownFile('tagger file', TAGGER_FILES[id])).json()) as EnglishTaggerData;

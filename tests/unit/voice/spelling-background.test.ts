import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type VigieDb } from '../../../lib/db/schema';
import { seedBuiltInPacks } from '../../../lib/db/voicePacks';
import { createReplyHandlers } from '../../../lib/messaging/reply-handlers';
import type { SentimentResult } from '../../../lib/sentiment/types';
import { createSpellerLoader, type DictionarySource } from '../../../lib/voice/dictionaries/index';
import { nodeDictionaries } from '../../../lib/voice/dictionaries/node';

const classify = (text: string): SentimentResult => ({ label: 'neutral', score: 0, confidence: 0.5, lang: /the|your/.test(text) ? 'en' : 'fr', risks: [] });

const fromX = { tab: { id: 1, url: 'https://x.com/vigie_demo/status/1' } };
const fromPanel = { url: 'chrome-extension://vigie/sidepanel.html' };
let db: VigieDb;
let asked: string[];
const source: DictionarySource = (id) => (asked.push(id), nodeDictionaries(id));
beforeEach(async () => {
  asked = [];
  db = openDb(`vigie-spell-${Math.random()}`);
  await db.open();
  await seedBuiltInPacks(db);
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

describe('spelling in the background voice check', () => {
  it('flags a typo of the reply with its fixes, the dictionary of the reply\'s language loaded once', async () => {
    const handlers = createReplyHandlers({ db, classify, now: () => 0, spellers: createSpellerLoader(source) });
    const ask = (text: string) => handlers['cs:voice-check']({ type: 'cs:voice-check', platform: 'x', text, ignoredHere: [] }, fromX);
    // Too short for its language to be known: no dictionary could judge it, none is loaded.
    await ask('Merci !');
    expect(asked).toEqual([]);
    const fr = await ask('Merci pour votre mesage, nous regardons.');
    expect(fr.findings.filter((f) => f.ruleId === 'fr.spelling').map((f) => [f.match, f.fixes[0]])).toEqual([['mesage', 'message']]);
    await ask('Merci pour votre mesage, nous regardons encore.');
    const en = await ask('Thanks for your mesage, we are on it.');
    expect(en.findings.filter((f) => f.ruleId === 'en.spelling').map((f) => [f.match, f.fixes[0]])).toEqual([['mesage', 'message']]);
    expect(asked).toEqual(['fr', 'en']);
  });

  it("the voice panel's try box gets them too, in the language chosen there, from the same loaded dictionary", async () => {
    const handlers = createReplyHandlers({ db, classify, now: () => 0, spellers: createSpellerLoader(source) });
    await handlers['cs:voice-check']({ type: 'cs:voice-check', platform: 'x', text: 'Merci pour votre mesage, nous regardons.', ignoredHere: [] }, fromX);
    const tryIn = (lang: string) => handlers['ui:voice-try']({ type: 'ui:voice-try', brandId: null, lang, crisis: false, text: 'Votre mesage est bien arrivé.' }, fromPanel);
    const fr = await tryIn('fr');
    expect(fr.findings.filter((f) => f.ruleId === 'fr.spelling').map((f) => [f.match, f.fixes[0]])).toEqual([['mesage', 'message']]);
    expect(asked).toEqual(['fr']);
    const en = await tryIn('en');
    expect(en.findings.filter((f) => f.ruleId.endsWith('.spelling')).map((f) => [f.ruleId, f.match])).toEqual([['en.spelling', 'Votre'], ['en.spelling', 'mesage'], ['en.spelling', 'bien'], ['en.spelling', 'arrivé']]);
  });

  it('without a loader (or before one answers) spelling finds nothing and the other rules still run', async () => {
    const handlers = createReplyHandlers({ db, classify, now: () => 0 });
    const found = await handlers['cs:voice-check']({ type: 'cs:voice-check', platform: 'x', text: 'Tu peux renvoyer ton mesage ?', ignoredHere: [] }, fromX);
    expect(found.findings.map((f) => f.ruleId)).not.toContain('fr.spelling');
    expect(found.findings.map((f) => f.ruleId)).toContain('fr.address');
  });
});

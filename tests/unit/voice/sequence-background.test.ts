import 'fake-indexeddb/auto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type VigieDb } from '../../../lib/db/schema';
import { importValeStyle, seedBuiltInPacks } from '../../../lib/db/voicePacks';
import { createReplyHandlers } from '../../../lib/messaging/reply-handlers';
import type { SentimentResult } from '../../../lib/sentiment/types';
import { createTaggerLoader, type TaggerSource } from '../../../lib/voice/tagger/index';
import { nodeTaggers } from '../../../lib/voice/tagger/node';

const classify = (text: string): SentimentResult => ({ label: 'neutral', score: 0, confidence: 0.5, lang: /the|your/.test(text) ? 'en' : 'fr', risks: [] });
const fromX = { tab: { id: 1, url: 'https://x.com/vigie_demo/status/1' } };
const acme = join(import.meta.dirname, '../../fixtures/vale/Acme');
const PASSIVE = 'Your parcel was delivered by the courier this morning.';

let db: VigieDb;
let asked: string[];
const source: TaggerSource = (id) => (asked.push(id), nodeTaggers(id));
beforeEach(async () => {
  asked = [];
  db = openDb(`vigie-seq-${Math.random()}`);
  await db.open();
  await seedBuiltInPacks(db);
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

describe('sequence rules in the background voice check', () => {
  it('loads the tagger on the first check with a pack that has sequence rules, once, and alerts with the rule\'s message', async () => {
    const handlers = createReplyHandlers({ db, classify, now: () => 0, taggers: createTaggerLoader(source) });
    const ask = (text: string) => handlers['cs:voice-check']({ type: 'cs:voice-check', platform: 'x', text, ignoredHere: [] }, fromX);
    await ask(PASSIVE);
    expect(asked).toEqual([]);
    const files = readdirSync(acme).map((name) => ({ path: name, yaml: readFileSync(join(acme, name), 'utf8') }));
    expect((await importValeStyle(db, files, 'Acme')).ok).toBe(true);
    // A reply too short for its language to be known leaves the English pack's sequence rules idle.
    await ask('Merci !');
    expect(asked).toEqual([]);
    const found = await ask(PASSIVE);
    expect(found.findings.filter((f) => f.ruleId === 'Acme.Passive').map((f) => [f.match, f.message, f.start])).toEqual([['delivered by', "'delivered' may be passive voice.", 16]]);
    await ask('Your refund was approved by the team.');
    // The voice panel's try box, on the same loaded tagger.
    const tried = await handlers['ui:voice-try']({ type: 'ui:voice-try', brandId: null, lang: 'en', crisis: false, text: PASSIVE }, { url: 'chrome-extension://vigie/options.html' });
    expect(tried.findings.filter((f) => f.ruleId === 'Acme.Passive').map((f) => f.match)).toEqual(['delivered by']);
    expect(asked).toEqual(['en']);
  });
});

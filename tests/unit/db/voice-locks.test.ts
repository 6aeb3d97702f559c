import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { openDb, type VigieDb } from '../../../lib/db/schema';
import { ignoreForBrand, setActive, voiceForBrand } from '../../../lib/db/voicePacks';
import type { VoicePackRecord } from '../../../lib/db/model';
import { ignoreForBrandKey } from '../../../lib/voice';

const rule = (id: string) => ({ id, kind: 'existence' as const, severity: 'error' as const, message: 'non', explanation: 'parce que', tokens: ['MP'], ignoreCase: true, nonword: false });
const pack = (id: string, team?: VoicePackRecord['team']): VoicePackRecord => ({
  format: 'vigie-voice-pack',
  version: 1,
  id,
  name: id,
  lang: 'fr',
  vocabulary: [],
  rules: [rule(`${id}.a`), rule(`${id}.b`)],
  builtIn: false,
  active: 1,
  ...(team ? { team } : {}),
});

let db: VigieDb;
let n = 0;
beforeEach(async () => {
  db = openDb(`voice-locks-${++n}`);
  await db.voicePacks.bulkPut([
    pack('whole', { by: 'ines', at: 1, locked: true }),
    pack('one-rule', { by: 'ines', at: 1, locked: false, lockedRules: ['one-rule.a'] }),
    pack('free', { by: 'ines', at: 1, locked: false }),
    pack('mine'),
  ]);
});

describe("a lead's locks on voice packs", () => {
  it.each([
    ['whole', true],
    ['one-rule', true],
    ['free', false],
    ['mine', false],
  ])('pausing %s is refused: %s', async (id, refused) => {
    const pausing = setActive(db, id, false);
    if (refused) await expect(pausing).rejects.toThrow('only a lead can pause it');
    else await pausing;
    expect((await db.voicePacks.get(id))!.active).toBe(refused ? 1 : 0);
  });

  it.each([
    ['whole.a', true],
    ['whole.b', true],
    ['one-rule.a', true],
    ['one-rule.b', false],
    ['free.a', false],
  ])('ignoring %s for the brand is refused: %s', async (ruleId, refused) => {
    const key = ignoreForBrandKey({ ruleId, match: 'MP' });
    const ignoring = ignoreForBrand(db, null, key);
    if (refused) await expect(ignoring).rejects.toThrow(`the rule ${ruleId} was locked by a lead`);
    else await expect(ignoring).resolves.toBe(1);
  });

  it('an ignore stored before the lock no longer silences the locked rule', async () => {
    await ignoreForBrand(db, null, ignoreForBrandKey({ ruleId: 'free.a', match: 'MP' }));
    await ignoreForBrand(db, null, ignoreForBrandKey({ ruleId: 'one-rule.b', match: 'MP' }));
    await db.voicePacks.update('free', { team: { by: 'ines', at: 2, locked: true } });
    const voice = await voiceForBrand(db, null);
    expect(voice.ignored).toEqual([ignoreForBrandKey({ ruleId: 'one-rule.b', match: 'MP' })]);
    expect([...voice.locked].sort()).toEqual(['free.a', 'free.b', 'one-rule.a', 'whole.a', 'whole.b']);
  });
});

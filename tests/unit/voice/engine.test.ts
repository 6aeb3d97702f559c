import { describe, expect, it } from 'vitest';
import { applyFixes, check, ignoreForBrandKey, ignoreHereKey, summarize } from '../../../lib/voice/engine';
import type { Finding } from '../../../lib/voice/pack';
import { packOf, rule } from './table';

const pack = packOf(
  [
    rule({ id: 'sub', kind: 'substitution', severity: 'suggestion', swap: { feedback: 'retour', vigie: 'veille' } }),
    rule({ id: 'ban', kind: 'existence', severity: 'error', tokens: ['lol', 'soldes'] }),
    rule({ id: 'caps', kind: 'shouting', severity: 'warning' }),
    rule({ id: 'x-only', kind: 'existence', severity: 'error', tokens: ['thread'], platforms: ['x'] }),
    rule({ id: 'en-only', kind: 'existence', severity: 'error', tokens: ['cheers'], langs: ['en'] }),
  ],
  { vocabulary: ['Vigie', '#SoldesVigie', 'MEGA PROMO'] },
);

describe('check', () => {
  it('sorts findings by start whatever the rule order', () => {
    const found = check('lol, merci pour ce feedback, lol', pack);
    expect(found.map((f) => [f.ruleId, f.start])).toEqual([['ban', 0], ['sub', 19], ['ban', 29]]);
  });

  it('returns UTF-16 offsets: an emoji before a match counts two units, CJK one each', () => {
    // Counted by hand: 😀 is a surrogate pair (0-2), "feedback" 3-11, 日本 12-14, "lol" 15-18.
    expect(check('😀 feedback 日本 lol', pack).map((f) => [f.ruleId, f.start, f.end, f.match])).toEqual([['sub', 3, 11, 'feedback'], ['ban', 15, 18, 'lol']]);
  });

  it('drops findings on vocabulary terms, their hashtags and phrases containing them', () => {
    expect(check('Merci Vigie et #vigie', pack)).toEqual([]);
    // "soldes" inside the accepted hashtag #SoldesVigie is not flagged; alone it is.
    expect(check('#SoldesVigie', pack)).toEqual([]);
    expect(check('les soldes', pack).map((f) => f.ruleId)).toEqual(['ban']);
    expect(check('MEGA PROMO aujourd’hui', pack)).toEqual([]);
    // A match made of accepted terms only, as a repetition of one.
    const rep = packOf([rule({ kind: 'repetition' })], { vocabulary: ['did'] });
    expect(check('we did did it', rep)).toEqual([]);
    expect(check('we it it did', rep).map((f) => f.match)).toEqual(['it it']);
  });

  it('honours "ignore for this brand" and "ignore here"', () => {
    const text = 'lol et lol';
    const [first, second] = check(text, pack);
    expect(check(text, pack, { ignored: [ignoreForBrandKey(first!)] })).toEqual([]);
    const here = check(text, pack, { ignored: new Set([ignoreHereKey(first!)]) });
    expect(here).toEqual([second]);
    // The brand key ignores case, as the same word typed differently is the same decision.
    expect(check('LOL', pack, { ignored: [ignoreForBrandKey(first!)] })).toEqual([]);
  });

  it('expert mode returns errors only', () => {
    const text = 'lol, ce feedback est INADMISSIBLE';
    expect(check(text, pack).map((f) => f.severity)).toEqual(['error', 'suggestion', 'warning']);
    expect(check(text, pack, { mode: 'expert' }).map((f) => f.ruleId)).toEqual(['ban']);
  });

  it('runs platform and language rules only where they apply', () => {
    expect(check('thread', pack)).toEqual([]);
    expect(check('thread', pack, { platform: 'x' })).toHaveLength(1);
    expect(check('cheers', pack, { lang: 'fr' })).toEqual([]);
    expect(check('cheers', pack, { lang: 'en' })).toHaveLength(1);
  });

  it('dedupes: the same range and fix from two packs is reported once, the more severe kept', () => {
    const other = packOf([rule({ id: 'sub2', kind: 'substitution', severity: 'error', swap: { feedback: 'retour' } })]);
    const found = check('un feedback', [pack, other]);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ ruleId: 'sub2', severity: 'error' });
    expect(check('un feedback', [pack, pack])).toHaveLength(1);
  });

  it('never throws: a failing sentiment classifier only silences its rule', () => {
    const p = packOf([rule({ kind: 'sentiment', forbid: ['negative'] }), rule({ id: 'b', kind: 'existence', tokens: ['lol'] })]);
    const found = check('lol', p, { sentiment: () => { throw new Error('model not loaded'); } });
    expect(found.map((f) => f.ruleId)).toEqual(['b']);
  });

  it('summarises counts per severity', () => {
    expect(summarize(check('lol, ce feedback est INADMISSIBLE', pack))).toEqual({ error: 1, warning: 1, suggestion: 1 });
  });
});

describe('applyFixes', () => {
  const f = (start: number, end: number, fixes: string[]): Finding => ({
    ruleId: 'r', severity: 'warning', message: '', explanation: '', start, end, match: '', fixes,
  });

  it('applies fixes from the end so offsets stay valid', () => {
    const text = 'Merci pour ce feedback, lol';
    const result = applyFixes(text, check(text, pack).filter((x) => x.fixes.length));
    expect(result.text).toBe('Merci pour ce retour, lol');
  });

  it('never applies two overlapping fixes; the later one wins, the other is skipped', () => {
    const result = applyFixes('abcdef', [f(0, 3, ['X']), f(2, 5, ['Y']), f(5, 6, ['Z'])]);
    expect(result.text).toBe('abYZ');
    expect(result.applied.map((x) => x.start)).toEqual([2, 5]);
    expect(result.skipped.map((x) => x.start)).toEqual([0]);
  });

  it('uses the chosen fix, skips findings without one', () => {
    const result = applyFixes('un mail', [f(3, 7, ['e-mail', 'courriel']), f(0, 2, [])], (x) => (x.start === 3 ? 1 : 0));
    expect(result.text).toBe('un courriel');
    expect(result.skipped).toHaveLength(1);
  });

  it('the French pack\'s fixes turn a tutoying reply into a consistent vouvoiement', async () => {
    const { builtInPacks } = await import('../../../lib/voice/packs/index');
    const text = 'Tu peux nous envoyer ton numéro en privé ? Contacte-nous.';
    const fixed = applyFixes(text, check(text, builtInPacks.fr).filter((x) => x.ruleId === 'fr.address')).text;
    expect(fixed).toBe('Vous pouvez nous envoyer votre numéro en privé ? Contactez-nous.');
    expect(check(fixed, builtInPacks.fr).filter((x) => x.ruleId === 'fr.address')).toEqual([]);
  });
});

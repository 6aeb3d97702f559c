import { describe, expect, it } from 'vitest';
import { check } from '../../../lib/voice/engine';
import { builtInPacks, loadBuiltInPack } from '../../../lib/voice/packs/index';

describe('built-in packs', () => {
  it('load by name, every rule with an explanation', () => {
    for (const name of ['fr', 'en', 'crisis']) {
      const pack = loadBuiltInPack(name)!;
      expect(pack.rules.length).toBeGreaterThan(5);
      for (const r of pack.rules) expect(r.explanation.length).toBeGreaterThan(40);
    }
    expect(loadBuiltInPack('de')).toBeUndefined();
  });

  it('fr addresses the reader as vous by default, tu when the brand says so', () => {
    const ids = (text: string, address?: 'vous' | 'tu') => check(text, builtInPacks.fr, { address }).map((f) => f.ruleId);
    expect(ids('Tu peux nous écrire.')).toContain('fr.address');
    expect(ids('Vous pouvez nous écrire.')).not.toContain('fr.address');
    expect(ids('Tu peux nous écrire.', 'tu')).not.toContain('fr.address');
    expect(ids('Vous pouvez nous écrire.', 'tu')).toContain('fr.address');
  });

  it('a clean French reply passes the French pack', () => {
    const text = 'Bonjour Julie, merci pour votre message\u202f! Nous sommes désolés pour ce retard. Pouvez-vous nous écrire en message privé avec votre numéro de commande\u202f? Nous regardons cela tout de suite.';
    expect(check(text, builtInPacks.fr, { platform: 'x' })).toEqual([]);
  });

  it('a clean English reply passes the English pack', () => {
    const text = "Hi Julie, thanks for your message! We're sorry about the delay. Could you send us your order number in a private message? We'll look into it right away.";
    expect(check(text, builtInPacks.en, { platform: 'x' })).toEqual([]);
  });

  it('crisis: flags jokes, promotion, emoji, blame and a missing acknowledgement, in French and English', () => {
    const fr = check('Lol, vous auriez dû lire les CGV. Profitez de -20 % 😉', builtInPacks.crisis).map((f) => f.ruleId);
    expect(new Set(fr)).toEqual(new Set(['crisis.no-jokes', 'crisis.no-blame', 'crisis.no-promotion', 'crisis.no-emoji', 'crisis.acknowledge']));
    const en = check('Haha, you should have read our terms. Use promo code SAVE10.', builtInPacks.crisis).map((f) => f.ruleId);
    expect(new Set(en)).toEqual(new Set(['crisis.no-jokes', 'crisis.no-blame', 'crisis.no-promotion', 'crisis.acknowledge']));
    expect(check('Nous sommes désolés et comprenons votre inquiétude. Nous vous tenons informés ici.', builtInPacks.crisis)).toEqual([]);
  });

  it('the reply sentiment rule uses the classifier from the context', () => {
    const sentiment = () => ({ label: 'negative', score: -0.9 });
    expect(check('Réponse.', builtInPacks.fr, { sentiment }).map((f) => f.ruleId)).toEqual(['fr.tone']);
  });
});

import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { buildDesignDoc, buildSecurity } from '../../../lib/team/design';
import { teamReason } from '../../../lib/team/reasons';

const DB = 'acme';
const validate = runInNewContext(`(${buildDesignDoc(DB).validate_doc_update})`) as (d: object, o: object | null, u: object, s: object) => void;
/** The reason the real validate_doc_update gives for a write, as the server sends it. */
function reason(doc: object, old: object | null, role: string, name: string): string {
  try {
    validate(doc, old, { name, roles: [`${DB}.${role}`], db: DB }, buildSecurity(DB));
  } catch (e) {
    const err = e as { forbidden?: string; unauthorized?: string };
    return (err.forbidden ?? err.unauthorized)!;
  }
  throw new Error('accepted');
}

const now = Date.now();
const comment = { platform: 'x', nativeId: '1', author: { name: 'Marie', handle: '@marie' }, text: 'où est ma commande ?', threadUrl: 'https://x.com/a/status/1' };
const on = (type: string, by: string, extra: object = {}) => ({ _id: `${type}:x:1`, type, v: 1, by, at: now, commentId: 'x:1', comment, ...extra });

describe('team server refusals in French', () => {
  it.each([
    [on('claim', 'mo', { expiresAt: now + 60_000 }), null, 'moderator', 'mo', 'Un modérateur ne peut pas prendre un commentaire en charge'],
    [on('answer', 'mo'), null, 'moderator', 'mo', 'Un modérateur ne peut pas marquer un commentaire comme répondu'],
    [{ _id: 'template:t1', type: 'template', v: 1, by: 'tina', at: now, template: {}, locked: false }, null, 'trainee', 'tina', 'Un stagiaire ne peut pas publier ni modifier les modèles'],
    [on('claim', 'carl', { expiresAt: now + 60_000 }), on('claim', 'tina', { expiresAt: Date.UTC(2100, 0, 1, 14, 2) }), 'cm', 'carl', 'tina a pris en charge le commentaire de @marie jusqu’à 14:02 UTC'],
    [on('answer', 'carl'), on('answer', 'tina'), 'cm', 'carl', 'tina a déjà répondu au commentaire de @marie ; seul un responsable peut changer une réponse'],
    [{ _id: 'template:t1', type: 'template', v: 1, by: 'carl', at: now, template: {}, locked: true }, { _id: 'template:t1', type: 'template', v: 1, by: 'lea', at: now, template: {}, locked: true }, 'cm', 'carl', 'Ce modèle est verrouillé : seul un responsable peut le modifier'],
    [{ _id: 'brand:b1', type: 'brand', v: 1, by: 'carl', at: now, brand: {} }, null, 'cm', 'carl', 'Seul un responsable peut modifier les marques'],
    [on('flag', 'mo', { at: now + 60 * 60_000 }), null, 'moderator', 'mo', 'L’horloge de cet ordinateur avance de 60 min sur celle du serveur : remettez-la à l’heure'],
    [on('claim', 'carl', { expiresAt: now + 3_600_000 }), null, 'cm', 'carl', 'Une prise en charge dure au plus 15 min à partir de maintenant, à l’heure du serveur'],
  ])('%#: the server says it in English, the interface in French', (doc, old, role, name, french) => {
    const english = reason(doc, old, role, name);
    expect(teamReason('fr', english)).toBe(french);
    expect(teamReason('en', english)).toBe(english);
  });

  it('says the engine’s own connection refusals in French, and leaves an unknown reason as the server wrote it', () => {
    expect(teamReason('fr', 'wrong user name or password for carl')).toBe('Nom d’utilisateur ou mot de passe incorrect pour carl');
    expect(teamReason('fr', 'carl is no longer a member of acme: ask a lead')).toBe('carl n’est plus membre de acme : demandez à un responsable');
    expect(teamReason('fr', 'Database encountered an unknown error')).toBe('Database encountered an unknown error');
  });
});

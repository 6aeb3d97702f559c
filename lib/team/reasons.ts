/**
 * The team server's refusals (lib/team/design.ts) and the engine's own connection messages are
 * written in English, as CouchDB shows them to an administrator. The interface words the common ones
 * in the user's language; a reason not listed here is shown as the server wrote it.
 */
import type { UiLang } from '../i18n';

const ROLE_FR: Record<string, string> = { 'a lead': 'un responsable', 'a community manager': 'un community manager', 'a moderator': 'un modérateur', 'a trainee': 'un stagiaire' };
const ACTION_FR: Record<string, string> = {
  'claim comments': 'prendre un commentaire en charge',
  'mark comments answered': 'marquer un commentaire comme répondu',
  'set comments aside': 'mettre un commentaire de côté',
  'change the crisis playbook': 'modifier le plan de crise',
  'publish or change templates': 'publier ni modifier les modèles',
  'publish or change voice packs': 'publier ni modifier les packs de voix',
  'tick an incident checklist': 'cocher la liste d’un incident',
};
const LABEL_FR: Record<string, string> = { templates: 'les modèles', 'voice packs': 'les packs de voix', brands: 'les marques', 'response targets': 'les délais de réponse', members: 'les membres' };

type Rule = [RegExp, (m: RegExpExecArray) => string | undefined];

const FR: Rule[] = [
  [/^(a lead|a community manager|a moderator|a trainee) cannot (.+)$/, (m) => (ACTION_FR[m[2]!] ? `${cap(ROLE_FR[m[1]!]!)} ne peut pas ${ACTION_FR[m[2]!]}` : undefined)],
  [/^(a lead|a community manager|a moderator|a trainee) can open incidents but not change them$/, (m) => `${cap(ROLE_FR[m[1]!]!)} peut ouvrir un incident, pas le modifier`],
  [/^the claim on (.+?)'s comment is held by (.+) until (\d\d:\d\d) UTC$/, (m) => `${m[2]} a pris en charge le commentaire de ${m[1]} jusqu’à ${m[3]} UTC`],
  [/^the claim on this comment is held by (.+) until (\d\d:\d\d) UTC$/, (m) => `${m[1]} a pris ce commentaire en charge jusqu’à ${m[2]} UTC`],
  [/^(.+?)'s comment was answered by (.+); only a lead can change an answer$/, (m) => `${m[2]} a déjà répondu au commentaire de ${m[1]} ; seul un responsable peut changer une réponse`],
  [/^this comment was answered by (.+); only a lead can change an answer$/, (m) => `${m[1]} a déjà répondu à ce commentaire ; seul un responsable peut changer une réponse`],
  [/^this (template|voice pack) is locked: only a lead can change it$/, (m) => `${m[1] === 'template' ? 'Ce modèle est verrouillé' : 'Ce pack de voix est verrouillé'} : seul un responsable peut le modifier`],
  [/^only a lead can lock or unlock (templates|voice packs|voice-pack rules)$/, (m) => `Seul un responsable peut verrouiller ou déverrouiller ${m[1] === 'voice-pack rules' ? 'les règles d’un pack de voix' : LABEL_FR[m[1]!]}`],
  [/^only a lead can (?:set|add or change) (brands|response targets|members)$/, (m) => `Seul un responsable peut modifier ${LABEL_FR[m[1]!]}`],
  [/^the flag by (.+) can only be changed by .+, a lead or a community manager$/, (m) => `Seuls ${m[1]}, un responsable ou un community manager peuvent modifier ce signalement`],
  [/^timeline entries cannot be changed or removed$/, () => 'Le journal d’un incident ne se modifie pas et ne s’efface pas'],
  [/^at is (\d+) min ahead of the server clock: set this computer's clock right$/, (m) => `L’horloge de cet ordinateur avance de ${m[1]} min sur celle du serveur : remettez-la à l’heure`],
  [/^a claim lasts at most (\d+) min from now, by the server clock$/, (m) => `Une prise en charge dure au plus ${m[1]} min à partir de maintenant, à l’heure du serveur`],
  [/^(.+) is not a member of the workspace (.+)$/, (m) => `${m[1]} n’est pas membre de l’espace d’équipe ${m[2]}`],
  [/^(.+) is no longer a member of (.+): ask a lead$/, (m) => `${m[1]} n’est plus membre de ${m[2]} : demandez à un responsable`],
  [/^wrong user name or password for (.+)$/, (m) => `Nom d’utilisateur ou mot de passe incorrect pour ${m[1]}`],
  [/^(.+) is not set up as a Vigie workspace \(run vigie team init\)$/, (m) => `${m[1]} n’est pas un espace d’équipe Vigie (lancez vigie team init)`],
];

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function teamReason(lang: UiLang, reason: string): string {
  if (lang !== 'fr') return reason;
  for (const [re, word] of FR) {
    const m = re.exec(reason);
    const worded = m && word(m);
    if (worded) return worded;
  }
  return reason;
}

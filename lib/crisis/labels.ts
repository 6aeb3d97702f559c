/** Severity and category labels in French and English, shared by the dialog, reports and webhooks. */
import type { Category, Lang, Severity } from './model';

/**
 * What each level means, worded so two moderators put the same thread at the same level.
 * Level 2 and above switch the whole team into crisis mode.
 */
export const severityDefinitions: Record<Severity, Record<Lang, { name: string; definition: string }>> = {
  1: {
    fr: {
      name: 'Mineur',
      definition:
        'Critiques isolées, quelques personnes, pas de reprise. On répond normalement et on surveille le fil.',
    },
    en: {
      name: 'Minor',
      definition: 'Isolated criticism from a few people, not picked up by others. Answer as usual and keep an eye on the thread.',
    },
  },
  2: {
    fr: {
      name: 'Modéré',
      definition:
        'Les critiques se multiplient sur un même sujet ou un compte influent s’en empare ; le volume négatif dépasse nettement l’habituel. Mode crise : réponses validées, campagnes à revoir.',
    },
    en: {
      name: 'Moderate',
      definition:
        'Complaints multiply on one subject or an influential account picks it up; negative volume is clearly above normal. Crisis mode: approved answers only, review scheduled campaigns.',
    },
  },
  3: {
    fr: {
      name: 'Grave',
      definition:
        'Le sujet gagne plusieurs plateformes ou la presse, ou touche la sécurité, des données personnelles ou un risque juridique. La direction et le juridique sont prévenus, déclaration d’attente sous l’heure.',
    },
    en: {
      name: 'Serious',
      definition:
        'The subject spreads across platforms or reaches the press, or involves safety, personal data or legal exposure. Management and legal are told; a holding statement goes out within the hour.',
    },
  },
  4: {
    fr: {
      name: 'Crise majeure',
      definition:
        'Crise majeure : couverture médiatique nationale, mise en danger de personnes, fuite de données massive ou atteinte durable à la réputation. Cellule de crise réunie, toutes les campagnes suspendues.',
    },
    en: {
      name: 'Major crisis',
      definition:
        'Major crisis: national media coverage, people at risk, a large data breach or lasting damage to the brand. Crisis team convened, every campaign paused.',
    },
  },
};

export const categoryNames: Record<Category, Record<Lang, string>> = {
  'product-safety': { fr: 'Sécurité produit', en: 'Product safety' },
  'service-outage': { fr: 'Panne de service', en: 'Service outage' },
  reputation: { fr: 'Bad buzz / réputation', en: 'Bad buzz / reputation' },
  legal: { fr: 'Juridique', en: 'Legal' },
  'data-breach': { fr: 'Fuite de données', en: 'Data breach' },
  conduct: { fr: 'Comportement d’un salarié ou dirigeant', en: 'Employee or executive conduct' },
  other: { fr: 'Autre', en: 'Other' },
};


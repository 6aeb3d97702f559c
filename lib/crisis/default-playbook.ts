/**
 * The default crisis playbook: the common practice of social-media crisis handling, in the order a
 * team usually goes through it. Validated by `playbook` in playbooks.ts when loaded.
 */
export const defaultPlaybookData = {
  id: 'default',
  version: 1,
  name: { fr: 'Plan de crise par défaut', en: 'Default crisis playbook' },
  roles: [
    {
      id: 'lead',
      name: { fr: 'Responsable de crise', en: 'Incident lead' },
      duty: {
        fr: 'Décide, fixe la gravité, valide les messages et tient la direction informée.',
        en: 'Decides, sets the severity, approves messages and keeps management informed.',
      },
    },
    {
      id: 'spokesperson',
      name: { fr: 'Porte-parole', en: 'Spokesperson' },
      duty: {
        fr: 'Rédige la déclaration d’attente et les prises de parole publiques.',
        en: 'Writes the holding statement and the public statements.',
      },
    },
    {
      id: 'responder',
      name: { fr: 'Community manager', en: 'Responder' },
      duty: {
        fr: 'Répond aux commentaires avec les éléments validés et signale ce qui sort du cadre.',
        en: 'Answers comments with the approved facts and flags whatever falls outside them.',
      },
    },
    {
      id: 'monitor',
      name: { fr: 'Veille', en: 'Monitor' },
      duty: {
        fr: 'Suit le volume et le sentiment sur toutes les plateformes et la presse, tient la chronologie.',
        en: 'Tracks volume and sentiment across platforms and the press, keeps the timeline.',
      },
    },
  ],
  steps: [
    {
      id: 'assign-roles',
      role: 'lead',
      text: { fr: 'Attribuer les rôles', en: 'Assign roles' },
      why: {
        fr: 'Chacun sait qui décide, qui parle et qui répond : pas de réponses contradictoires.',
        en: 'Everyone knows who decides, who speaks and who answers: no contradicting replies.',
      },
    },
    {
      id: 'team-meeting',
      role: 'lead',
      text: { fr: 'Réunir l’équipe (15 minutes)', en: 'Hold a short team meeting (15 minutes)' },
      why: {
        fr: 'Partager les faits connus, la gravité et les premières décisions avant de prendre la parole.',
        en: 'Share the known facts, the severity and the first decisions before anyone speaks publicly.',
      },
    },
    {
      id: 'pause-campaigns',
      role: 'lead',
      text: { fr: 'Suspendre les publications et campagnes programmées', en: 'Pause scheduled posts and campaigns' },
      why: {
        fr: 'Une publication promotionnelle en pleine crise paraît déconnectée et attise la colère.',
        en: 'A cheerful promotional post in the middle of a crisis looks tone-deaf and fuels the anger.',
      },
    },
    {
      id: 'holding-statement',
      role: 'spokesperson',
      text: { fr: 'Publier une déclaration d’attente', en: 'Publish a holding statement' },
      why: {
        fr: 'Le silence passe pour du mépris : reconnaître le problème et annoncer la suite fait gagner du temps.',
        en: 'Silence reads as contempt: acknowledging the issue and saying when more will follow buys time.',
      },
    },
    {
      id: 'answer-everything',
      role: 'responder',
      text: { fr: 'Répondre à chaque question et à chaque critique', en: 'Answer every question and criticism' },
      why: {
        fr: 'Une question sans réponse en appelle dix autres ; des réponses patientes reconstruisent la confiance.',
        en: 'An unanswered question invites ten more; patient answers rebuild trust.',
      },
    },
    {
      id: 'apologise',
      role: 'spokesperson',
      text: { fr: 'Présenter des excuses lorsqu’elles sont dues', en: 'Apologise where due' },
      why: {
        fr: 'Des excuses claires, sans « si » ni « mais », désamorcent plus vite que toute justification.',
        en: 'A clear apology, without "if" or "but", calms things faster than any justification.',
      },
    },
    {
      id: 'no-delete-no-block',
      role: 'responder',
      text: {
        fr: 'Ne pas supprimer les critiques ni bloquer leurs auteurs',
        en: 'Do not delete criticism or block critics',
      },
      why: {
        fr: 'Les suppressions se voient et deviennent le sujet. Seuls les contenus illicites (menaces, données personnelles, haine) sont retirés, selon les règles de la plateforme.',
        en: 'Deletions get noticed and become the story. Only unlawful content (threats, personal data, hate) is removed, under the platform’s rules.',
      },
    },
    {
      id: 'monitor-baseline',
      role: 'monitor',
      text: {
        fr: 'Surveiller jusqu’au retour du sentiment à la normale',
        en: 'Monitor until sentiment returns to baseline',
      },
      why: {
        fr: 'Une crise repart souvent après une accalmie ; on ne clôt qu’une fois le négatif revenu à son niveau habituel.',
        en: 'Crises often flare up again after a lull; close only once negative share is back to its usual level.',
      },
    },
    {
      id: 'post-mortem',
      role: 'lead',
      text: { fr: 'Faire un retour d’expérience', en: 'Run a post-mortem' },
      why: {
        fr: 'Relire la chronologie, ce qui a marché et ce qui a manqué, et mettre ce plan à jour.',
        en: 'Go through the timeline, what worked and what was missing, and update this playbook.',
      },
    },
  ],
};

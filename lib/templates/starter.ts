import { template, type Template } from './model';
import type { PlatformId } from './platforms';

/**
 * The starter set: the replies a community manager writes every day, in French and English.
 * French is written twice, with "vous" (the default) and with "tu" for brands that use it; the
 * crisis holding statement speaks to the public, so it keeps "vous" in both. Names, folders and
 * field labels follow the team's interface language.
 */

type Address = 'vous' | 'tu';
type UiLang = 'fr' | 'en';
type French = { vous: string; tu?: string };
type Texts = { fr: French; en: string };

interface Source {
  id: string;
  category: Template['category'];
  trigger: string;
  name: Record<UiLang, string>;
  folder: Record<UiLang, string>;
  tags: string[];
  fields?: { key: string; kind: 'text' | 'date'; label: Record<UiLang, string>; default?: string }[];
  body: Texts;
  variants?: Partial<Record<PlatformId, Texts>>;
}

const EVERYDAY = { fr: 'Courant', en: 'Everyday' };
const CARE = { fr: 'Service client', en: 'Customer care' };
const CRISIS = { fr: 'Crise', en: 'Crisis' };
const WHO = '{{author.firstName | author.name}}';
const SIGNED = '\n{{agent.signature | agent.name}}';

// The full return procedure is too long for X and Bluesky.
const REFUND_SHORT: Texts = {
  fr: {
    vous: `Bonjour ${WHO}, vous avez {{returnDays}} jours pour nous retourner votre article, depuis votre espace client : {{returnLink}}. Remboursement sur votre moyen de paiement d'origine.`,
    tu: `Bonjour ${WHO}, tu as {{returnDays}} jours pour nous retourner ton article, depuis ton espace client : {{returnLink}}. Remboursement sur ton moyen de paiement d'origine.`,
  },
  en: `Hi ${WHO}, you have {{returnDays}} days to return your item from your account: {{returnLink}}. The refund goes back to your original payment method.`,
};

const SOURCES: Source[] = [
  {
    id: 'starter-thanks',
    category: 'thanks',
    trigger: ';merci',
    name: { fr: 'Remerciement', en: 'Thanks' },
    folder: EVERYDAY,
    tags: ['merci', 'thanks', 'compliment'],
    body: {
      fr: {
        vous: `Merci beaucoup pour votre message, ${WHO} ! Toute l'équipe {{brand.name}} y est très sensible.`,
        tu: `Merci beaucoup pour ton message, ${WHO} ! Toute l'équipe {{brand.name}} y est très sensible.`,
      },
      en: `Thanks so much for your kind words, ${WHO}! The whole {{brand.name}} team really appreciates it.`,
    },
  },
  {
    id: 'starter-positive-review',
    category: 'positive-review',
    trigger: ';avis',
    name: { fr: 'Réponse à un avis positif', en: 'Positive review reply' },
    folder: EVERYDAY,
    tags: ['avis', 'review', 'merci', 'thanks'],
    body: {
      fr: {
        vous: `Merci ${WHO} pour ce super retour ! Nous sommes ravis que votre expérience avec {{brand.name}} vous ait plu, et nous transmettons vos compliments à l'équipe. Au plaisir de vous retrouver bientôt !`,
        tu: `Merci ${WHO} pour ce super retour ! On est ravis que ton expérience avec {{brand.name}} t'ait plu, et on transmet tes compliments à l'équipe. Au plaisir de te retrouver bientôt !`,
      },
      en: `Thank you for this lovely review, ${WHO}! We're so glad you enjoyed your experience with {{brand.name}}, and we'll pass your kind words on to the team. Hope to see you again soon!`,
    },
    variants: {
      tiktok: {
        fr: { vous: `Merci ${WHO} pour ce super retour ! Ravis que ça vous ait plu.`, tu: `Merci ${WHO} pour ce super retour ! Ravis que ça t'ait plu.` },
        en: `Thank you ${WHO}, so glad you enjoyed it!`,
      },
    },
  },
  {
    id: 'starter-apology',
    category: 'apology',
    trigger: ';excuses',
    name: { fr: "Présenter des excuses", en: 'Apology' },
    folder: CARE,
    tags: ['excuses', 'désolé', 'apology', 'sorry'],
    body: {
      fr: {
        vous: `Bonjour ${WHO}, nous sommes sincèrement désolés pour cette mauvaise expérience. Ce n'est pas le service que nous voulons vous offrir. Pouvez-vous nous écrire en message privé pour que nous trouvions ensemble une solution ?${SIGNED}`,
        tu: `Bonjour ${WHO}, nous sommes sincèrement désolés pour cette mauvaise expérience. Ce n'est pas le service que nous voulons t'offrir. Peux-tu nous écrire en message privé pour que nous trouvions ensemble une solution ?${SIGNED}`,
      },
      en: `Hi ${WHO}, we're truly sorry about this experience. It's not the service we want to give you. Could you send us a private message so we can find a solution together?${SIGNED}`,
    },
    variants: {
      tiktok: {
        fr: { vous: `${WHO}, nous sommes vraiment désolés. Écrivez-nous en message privé, on trouve une solution ensemble.`, tu: `${WHO}, nous sommes vraiment désolés. Écris-nous en message privé, on trouve une solution ensemble.` },
        en: `${WHO}, we're really sorry. Send us a private message and we'll sort it out together.`,
      },
    },
  },
  {
    id: 'starter-private-message',
    category: 'private-message',
    trigger: ';mp',
    name: { fr: 'Passer en message privé', en: 'Move to private messages' },
    folder: CARE,
    tags: ['mp', 'dm', 'message privé', 'private message', 'données personnelles'],
    body: {
      fr: {
        vous: `Bonjour ${WHO}, pour vous aider au mieux sans exposer vos informations personnelles, nous vous invitons à nous écrire en message privé. Nous vous y répondrons au plus vite.`,
        tu: `Bonjour ${WHO}, pour t'aider au mieux sans exposer tes informations personnelles, écris-nous en message privé. On te répondra au plus vite.`,
      },
      en: `Hi ${WHO}, so we can help without sharing your personal details publicly, please send us a private message. We'll get back to you there as soon as we can.`,
    },
    variants: {
      x: {
        fr: { vous: `Bonjour ${WHO}, écrivez-nous en DM avec votre numéro de commande : nous vous répondons au plus vite.`, tu: `Bonjour ${WHO}, écris-nous en DM avec ton numéro de commande : on te répond au plus vite.` },
        en: `Hi ${WHO}, please DM us your order number and we'll get back to you as soon as we can.`,
      },
      tiktok: {
        fr: { vous: `${WHO}, écrivez-nous en message privé, on s'en occupe !`, tu: `${WHO}, écris-nous en message privé, on s'en occupe !` },
        en: `${WHO}, send us a private message and we'll take care of it!`,
      },
    },
  },
  {
    id: 'starter-delay',
    category: 'delay',
    trigger: ';retard',
    name: { fr: 'Retard de livraison', en: 'Delivery delay' },
    folder: CARE,
    tags: ['livraison', 'retard', 'colis', 'delivery', 'delay', 'parcel'],
    fields: [{ key: 'deliveryDate', kind: 'date', label: { fr: 'Date de livraison estimée', en: 'Estimated delivery date' } }],
    body: {
      fr: {
        vous: `Bonjour ${WHO}, nous sommes désolés pour ce retard de livraison. Votre colis est bien en route et devrait vous parvenir d'ici le {{deliveryDate}}. Si ce n'est pas le cas, écrivez-nous en message privé avec votre numéro de commande et nous nous en occupons.`,
        tu: `Bonjour ${WHO}, nous sommes désolés pour ce retard de livraison. Ton colis est bien en route et devrait te parvenir d'ici le {{deliveryDate}}. Si ce n'est pas le cas, écris-nous en message privé avec ton numéro de commande et on s'en occupe.`,
      },
      en: `Hi ${WHO}, we're sorry your order is running late. Your parcel is on its way and should reach you by {{deliveryDate}}. If it doesn't, send us a private message with your order number and we'll sort it out.`,
    },
    variants: {
      x: {
        fr: { vous: `Bonjour ${WHO}, désolés pour ce retard ! Votre colis est en route et devrait arriver d'ici le {{deliveryDate}}. Sinon, écrivez-nous en DM avec votre numéro de commande.`, tu: `Bonjour ${WHO}, désolés pour ce retard ! Ton colis est en route et devrait arriver d'ici le {{deliveryDate}}. Sinon, écris-nous en DM avec ton numéro de commande.` },
        en: `Hi ${WHO}, sorry for the delay! Your parcel is on its way and should arrive by {{deliveryDate}}. If not, DM us your order number.`,
      },
      tiktok: {
        fr: { vous: `${WHO}, désolés pour ce retard ! Votre colis devrait arriver d'ici le {{deliveryDate}}.`, tu: `${WHO}, désolés pour ce retard ! Ton colis devrait arriver d'ici le {{deliveryDate}}.` },
        en: `${WHO}, sorry for the delay! Your parcel should arrive by {{deliveryDate}}.`,
      },
    },
  },
  {
    id: 'starter-holding',
    category: 'holding',
    trigger: ';crise',
    name: { fr: "Déclaration d'attente (crise)", en: 'Holding statement (crisis)' },
    folder: CRISIS,
    tags: ['crise', 'incident', 'attente', 'crisis', 'holding', 'statement'],
    fields: [
      { key: 'topic', kind: 'text', label: { fr: 'Sujet (ex. « la panne de l’application »)', en: 'Issue (e.g. "the app outage")' } },
      { key: 'nextUpdate', kind: 'date', label: { fr: 'Date du prochain point', en: 'Date of the next update' } },
    ],
    body: {
      fr: {
        vous: `Nous avons connaissance de la situation concernant {{topic}} et nous la prenons très au sérieux. Nos équipes sont mobilisées pour comprendre ce qui s'est passé. Nous publierons un nouveau point ici même au plus tard le {{nextUpdate}}. Merci de votre patience.`,
      },
      en: `We're aware of the situation regarding {{topic}} and we're taking it very seriously. Our teams are working to understand what happened. We'll post an update here by {{nextUpdate}} at the latest. Thank you for your patience.`,
    },
    variants: {
      x: {
        fr: { vous: `Nous avons connaissance de la situation concernant {{topic}} et la prenons très au sérieux. Nos équipes sont mobilisées : nouveau point ici au plus tard le {{nextUpdate}}.` },
        en: `We're aware of the situation regarding {{topic}} and are taking it very seriously. Our teams are on it, with an update here by {{nextUpdate}} at the latest.`,
      },
      tiktok: {
        fr: { vous: `Nous sommes au courant et mobilisés. Nouveau point ici au plus tard le {{nextUpdate}}.` },
        en: `We're aware and on it. Update here by {{nextUpdate}} at the latest.`,
      },
    },
  },
  {
    id: 'starter-complaint',
    category: 'complaint',
    trigger: ';reclam',
    name: { fr: 'Accusé de réception de réclamation', en: 'Complaint acknowledgement' },
    folder: CARE,
    tags: ['réclamation', 'plainte', 'complaint', 'mécontent'],
    body: {
      fr: {
        vous: `Bonjour ${WHO}, merci d'avoir pris le temps de nous signaler ce problème. Nous avons bien enregistré votre réclamation et l'avons transmise au service concerné. Nous revenons vers vous en message privé au plus tard le {{date.businessDays.2}}.${SIGNED}`,
        tu: `Bonjour ${WHO}, merci d'avoir pris le temps de nous signaler ce problème. Nous avons bien enregistré ta réclamation et l'avons transmise au service concerné. Nous revenons vers toi en message privé au plus tard le {{date.businessDays.2}}.${SIGNED}`,
      },
      en: `Hi ${WHO}, thank you for taking the time to tell us about this. We've logged your complaint and passed it on to the team in charge. We'll get back to you by private message by {{date.businessDays.2}} at the latest.${SIGNED}`,
    },
    variants: {
      x: {
        fr: { vous: `Bonjour ${WHO}, merci de nous avoir signalé ce problème. Votre réclamation est transmise au service concerné : nous revenons vers vous en DM au plus tard le {{date.businessDays.2}}.`, tu: `Bonjour ${WHO}, merci de nous avoir signalé ce problème. Ta réclamation est transmise au service concerné : on revient vers toi en DM au plus tard le {{date.businessDays.2}}.` },
        en: `Hi ${WHO}, thanks for flagging this. Your complaint has gone to the team in charge and we'll DM you by {{date.businessDays.2}} at the latest.`,
      },
      tiktok: {
        fr: { vous: `${WHO}, c'est noté : nous revenons vers vous en message privé au plus tard le {{date.businessDays.2}}.`, tu: `${WHO}, c'est noté : on revient vers toi en message privé au plus tard le {{date.businessDays.2}}.` },
        en: `${WHO}, noted: we'll get back to you by private message by {{date.businessDays.2}}.`,
      },
    },
  },
  {
    id: 'starter-info',
    category: 'info',
    trigger: ';info',
    name: { fr: "Demande d'information", en: 'Information request' },
    folder: EVERYDAY,
    tags: ['info', 'question', 'faq', 'aide', 'help'],
    fields: [{ key: 'link', kind: 'text', label: { fr: "Lien vers la page d'aide", en: 'Link to the help page' } }],
    body: {
      fr: {
        vous: `Bonjour ${WHO}, merci pour votre question ! Vous trouverez toutes les informations ici : {{link}}. Si quelque chose n'est pas clair, n'hésitez pas à nous répondre ici.`,
        tu: `Bonjour ${WHO}, merci pour ta question ! Tu trouveras toutes les informations ici : {{link}}. Si quelque chose n'est pas clair, n'hésite pas à nous répondre ici.`,
      },
      en: `Hi ${WHO}, thanks for your question! You'll find all the details here: {{link}}. If anything is unclear, just reply here and we'll help.`,
    },
    variants: {
      tiktok: {
        fr: { vous: `${WHO}, tout est expliqué ici : {{link}}`, tu: `${WHO}, tout est expliqué ici : {{link}}` },
        en: `${WHO}, it's all explained here: {{link}}`,
      },
    },
  },
  {
    id: 'starter-refund',
    category: 'refund',
    trigger: ';retour',
    name: { fr: 'Retour et remboursement', en: 'Returns and refunds' },
    folder: CARE,
    tags: ['retour', 'remboursement', 'return', 'refund'],
    fields: [
      { key: 'returnDays', kind: 'text', label: { fr: 'Délai de retour (jours)', en: 'Return window (days)' }, default: '30' },
      { key: 'returnLink', kind: 'text', label: { fr: 'Lien vers les retours', en: 'Link to returns' } },
    ],
    body: {
      fr: {
        vous: `Bonjour ${WHO}, vous pouvez nous retourner votre article sous {{returnDays}} jours après réception. Il vous suffit de faire la demande depuis votre espace client : {{returnLink}}. Le remboursement est effectué sur votre moyen de paiement d'origine dans les jours qui suivent la réception du colis.`,
        tu: `Bonjour ${WHO}, tu peux nous retourner ton article sous {{returnDays}} jours après réception. Il te suffit de faire la demande depuis ton espace client : {{returnLink}}. Le remboursement est effectué sur ton moyen de paiement d'origine dans les jours qui suivent la réception du colis.`,
      },
      en: `Hi ${WHO}, you can return your item within {{returnDays}} days of delivery. Just start the return from your account: {{returnLink}}. The refund goes back to your original payment method within a few days of us receiving the parcel.`,
    },
    variants: {
      x: REFUND_SHORT,
      bluesky: REFUND_SHORT,
      tiktok: {
        fr: { vous: `${WHO}, retour possible sous {{returnDays}} jours ici : {{returnLink}}`, tu: `${WHO}, retour possible sous {{returnDays}} jours ici : {{returnLink}}` },
        en: `${WHO}, you can return it within {{returnDays}} days here: {{returnLink}}`,
      },
    },
  },
];

// French sets a non-breaking space before ! ? : ; so a line never starts with one of them.
const frenchSpacing = (text: string) => text.replace(/ ([!?:;])(?=\s|$)/g, '\u00a0$1');

function french(f: French, address: Address): string {
  return frenchSpacing(address === 'tu' && f.tu ? f.tu : f.vous);
}

function bodiesOf(texts: Texts, address: Address): Record<string, string> {
  return { fr: french(texts.fr, address), en: texts.en };
}

export interface StarterOptions {
  /** How the brand addresses people in French; "vous" unless the brand says otherwise. */
  address?: Address;
  /** Language of names, folders and field labels: the team's interface. */
  uiLang?: UiLang;
  /** Creation time stamped on the templates, epoch ms. */
  now?: number;
}

export function starterTemplates({ address = 'vous', uiLang = 'fr', now = Date.now() }: StarterOptions = {}): Template[] {
  return SOURCES.map((s) =>
    template.parse({
      id: s.id,
      name: s.name[uiLang],
      folder: s.folder[uiLang],
      tags: s.tags,
      trigger: s.trigger,
      category: s.category,
      bodies: bodiesOf(s.body, address),
      platformVariants: Object.fromEntries(
        Object.entries(s.variants ?? {}).map(([platform, texts]) => [platform, bodiesOf(texts, address)]),
      ),
      fields: (s.fields ?? []).map((f) => ({ key: f.key, kind: f.kind, label: f.label[uiLang], ...(f.default !== undefined && { default: f.default }) })),
      createdAt: now,
      updatedAt: now,
    }),
  );
}

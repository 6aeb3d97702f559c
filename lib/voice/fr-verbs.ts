/**
 * Second-person forms of the verbs customer-service replies use most, "tu" form → "vous" form
 * (present indicative; other tenses follow regular endings in toVous/toTu). Regular -er verbs
 * (contactes → contactez) need no entry; the table holds the irregular ones and those whose
 * spelling changes (envoies → envoyez, achètes → achetez).
 */
const PRESENT: Record<string, string> = {
  es: 'êtes', as: 'avez', vas: 'allez', fais: 'faites', dis: 'dites', peux: 'pouvez', veux: 'voulez',
  dois: 'devez', sais: 'savez', viens: 'venez', reviens: 'revenez', obtiens: 'obtenez', tiens: 'tenez',
  deviens: 'devenez', vois: 'voyez', revois: 'revoyez', prends: 'prenez', comprends: 'comprenez',
  reprends: 'reprenez', apprends: 'apprenez', mets: 'mettez', remets: 'remettez', permets: 'permettez',
  écris: 'écrivez', inscris: 'inscrivez', reçois: 'recevez', aperçois: 'apercevez', connais: 'connaissez',
  reconnais: 'reconnaissez', parais: 'paraissez', plais: 'plaisez', attends: 'attendez', réponds: 'répondez',
  rends: 'rendez', entends: 'entendez', perds: 'perdez', vends: 'vendez', descends: 'descendez',
  suis: 'suivez', choisis: 'choisissez', remplis: 'remplissez', finis: 'finissez', réussis: 'réussissez',
  agis: 'agissez', saisis: 'saisissez', envoies: 'envoyez', renvoies: 'renvoyez', paies: 'payez',
  payes: 'payez', essaies: 'essayez', essayes: 'essayez', nettoies: 'nettoyez', emploies: 'employez',
  appelles: 'appelez', rappelles: 'rappelez', jettes: 'jetez', achètes: 'achetez', préfères: 'préférez',
  espères: 'espérez', complètes: 'complétez', répètes: 'répétez', inquiètes: 'inquiétez', lèves: 'levez',
  considères: 'considérez', sors: 'sortez', pars: 'partez', repars: 'repartez', dors: 'dormez', sens: 'sentez',
  lis: 'lisez', crois: 'croyez', vis: 'vivez', bois: 'buvez', cours: 'courez', conduis: 'conduisez',
  ouvres: 'ouvrez', offres: 'offrez', découvres: 'découvrez', souffres: 'souffrez',
  avais: 'aviez', étais: 'étiez', pouvais: 'pouviez', voulais: 'vouliez', devais: 'deviez', savais: 'saviez',
};

/** Imperatives that differ from the present: sois, aie, sache, va, veuille. */
const IMPERATIVE: Record<string, string> = { sois: 'soyez', aie: 'ayez', sache: 'sachez', va: 'allez', veuille: 'veuillez' };

const invert = (table: Record<string, string>) => {
  const out: Record<string, string> = {};
  for (const [tu, vous] of Object.entries(table)) out[vous] ??= tu;
  return out;
};
const PRESENT_TU = invert(PRESENT);
const IMPERATIVE_TU = invert(IMPERATIVE);

/** "tu" present, imperfect, conditional or future form → "vous" form; undefined when unsure. */
export function presentToVous(verb: string): string | undefined {
  const v = verb.toLowerCase();
  if (PRESENT[v]) return PRESENT[v];
  if (v.length > 3 && v.endsWith('es')) return v.slice(0, -2) + 'ez'; // contactes → contactez
  if (v.length > 4 && v.endsWith('ais')) return v.slice(0, -3) + 'iez'; // pourrais → pourriez
  if (v.length > 4 && v.endsWith('ras')) return v.slice(0, -3) + 'rez'; // pourras → pourrez
  return undefined;
}

export function presentToTu(verb: string): string | undefined {
  const v = verb.toLowerCase();
  if (PRESENT_TU[v]) return PRESENT_TU[v];
  if (v.length > 5 && v.endsWith('riez')) return v.slice(0, -4) + 'rais'; // pourriez → pourrais
  if (v.length > 4 && /(?:erez|irez|rrez|aurez|drez|vrez)$/.test(v)) return v.slice(0, -2) + 'as'; // pourrez → pourras
  if (v.length > 3 && v.endsWith('ez')) return v.slice(0, -2) + 'es';
  return undefined;
}

/** Imperative "tu" → "vous": contacte → contactez, envoie → envoyez, prends → prenez. */
export function imperativeToVous(verb: string): string | undefined {
  const v = verb.toLowerCase();
  if (IMPERATIVE[v]) return IMPERATIVE[v];
  if (PRESENT[v]) return PRESENT[v];
  if (PRESENT[v + 's']) return PRESENT[v + 's'];
  if (v.length > 2 && v.endsWith('e') && !v.endsWith('oie')) return v + 'z';
  return undefined;
}

export function imperativeToTu(verb: string): string | undefined {
  const v = verb.toLowerCase();
  if (IMPERATIVE_TU[v]) return IMPERATIVE_TU[v];
  const present = PRESENT_TU[v];
  if (present) return present.endsWith('es') ? present.slice(0, -1) : present; // envoyez → envoies → envoie
  if (v.length > 3 && v.endsWith('ez')) return v.slice(0, -1); // contactez → contacte
  return undefined;
}

/**
 * Guesses a first name from a display name, for greetings ("Bonjour Marie,"). A wrong first name
 * is worse than none (the template then falls back to the display name), so every doubt returns
 * null: handles, digits, initials, titles without a first name, brand-like names, scripts without
 * letter case (no reliable order of given and family names), single words.
 */

const TITLES = new Set([
  'm', 'mme', 'mlle', 'mr', 'mrs', 'ms', 'miss', 'dr', 'pr', 'prof', 'me', 'sir', 'madame', 'monsieur',
  'mademoiselle', 'docteur', 'doctor', 'maître',
]);

// Words that make a display name an organisation, a shop or a team rather than a person.
const BRAND_WORDS = new Set([
  'official', 'officiel', 'officielle', 'shop', 'store', 'boutique', 'magasin', 'inc', 'ltd', 'llc', 'sa',
  'sas', 'sarl', 'gmbh', 'corp', 'company', 'co', 'group', 'groupe', 'team', 'équipe', 'equipe', 'support',
  'service', 'services', 'client', 'clients', 'customer', 'care', 'help', 'aide', 'news', 'info', 'infos',
  'tv', 'radio', 'magazine', 'mag', 'media', 'médias', 'medias', 'agency', 'agence', 'studio', 'club',
  'hq', 'app', 'market', 'restaurant', 'café', 'cafe', 'hotel', 'hôtel', 'bank', 'banque', 'assurance',
  'assurances', 'mairie', 'ville', 'association', 'asso', 'fc', 'fans', 'community', 'communauté', 'brand',
  'marque', 'collectif', 'collective', 'foundation', 'fondation', 'lab', 'labs', 'online', 'france',
]);

// A first token that is a common word, not a name ("Le Petit Café", "The Coffee Shop").
const COMMON_WORDS = new Set([
  'le', 'la', 'les', 'l', 'un', 'une', 'des', 'du', 'de', 'mon', 'ma', 'mes', 'chez', 'au', 'aux', 'the', 'a',
  'an', 'my', 'our', 'your', 'notre', 'votre', 'just', 'not', 'no', 'mister', 'mrs', 'big', 'little', 'petit',
  'petite', 'grand', 'grande', 'super', 'best', 'real', 'vrai', 'vraie',
]);

// Parts of a display name after a separator are usually a job or an employer ("Marie Dupont | Acme").
const SEPARATOR = /\s+[|·•–—-]\s+|\s*[|·•,]\s*/u;
const DECORATION = /[\p{Extended_Pictographic}\p{Emoji_Modifier}\u200d\ufe0f]|\([^)]*\)|\[[^\]]*\]/gu;
const NAME_TOKEN = /^\p{L}+(?:['’-]\p{L}+)*\.?$/u;
const CAPITALISED = /^\p{Lu}\p{Ll}+(?:['’-]\p{Lu}?\p{Ll}+)*$/u;
const LOWER = /^\p{Ll}+(?:['’-]\p{Ll}+)*$/u;

function capitalise(word: string): string {
  return word.replace(/(^|['’-])(\p{Ll})/gu, (_, sep: string, c: string) => sep + c.toLocaleUpperCase());
}

export function guessFirstName(displayName: string | null | undefined): string | null {
  if (!displayName) return null;
  const raw = displayName.normalize('NFC').trim();
  if (/^[@#]|^u\//.test(raw)) return null;
  const main = raw.replace(DECORATION, ' ').split(SEPARATOR)[0]!.trim();
  if (/[\d_@/]/.test(main)) return null;
  let tokens = main.split(/\s+/).filter(Boolean);
  if (tokens.length === 0 || !tokens.every((t) => NAME_TOKEN.test(t))) return null;
  if (tokens.some((t) => BRAND_WORDS.has(t.toLocaleLowerCase().replace(/\.$/, '')))) return null;
  const lowered = (t: string) => t.toLocaleLowerCase().replace(/\.$/, '');
  if (TITLES.has(lowered(tokens[0]!))) tokens = tokens.slice(1);
  // A first name is only told apart from a family name or a pseudonym when another name follows.
  if (tokens.length < 2 || tokens.length > 4) return null;
  const first = tokens[0]!;
  if (first.endsWith('.') || first.length < 2 || COMMON_WORDS.has(lowered(first))) return null;
  if (CAPITALISED.test(first)) return first;
  // All lower case ("marie dupont") is a person typing fast; mixed case with a lower first word
  // ("iPhone Fans", "de Gaulle") is not a first name.
  if (tokens.every((t) => LOWER.test(t.replace(/\.$/, '')))) return capitalise(first);
  return null;
}

/**
 * Voice packs repository: the only code that reads or writes the voicePacks table.
 *
 * - Built-in packs (fr, en, crisis) are shared by every brand (no brandId). They can be switched
 *   off, never deleted; seeding refreshes their rules from the code and keeps the team's choices.
 * - Custom packs belong to a brand, or to every brand when loaded without one. A brand's pack is
 *   stored under `<brandId>/<pack id>`, so two brands can load the same file.
 * - Allow-lists: each brand has one rule-less record, id `allow:<brandId>` (`allow:*` for every
 *   brand), whose `vocabulary` is the brand's accepted terms and whose `ignored` holds the
 *   "ignore for this brand" keys (lib/voice ignoreForBrandKey). voiceForBrand merges it into every
 *   pack it returns, since a pack's vocabulary only silences that pack's own rules.
 * - The crisis pack applies only in crisis mode, whatever the reply's language.
 */
import { builtInPacks } from '../voice/packs/index';
import { parsePack, type PackError, type VoicePack } from '../voice/pack';
import { importVale, type Unsupported, type ValeFile } from '../voice/vale';
import type { VoicePackRecord } from './model';
import type { VigieDb } from './schema';

export class VoicePackError extends Error {}

type AllowRecord = VoicePackRecord & { ignored: string[] };

const ALLOW = 'allow:';
const EVERY_BRAND = '*';
export const CRISIS_PACK_ID = builtInPacks.crisis.id;

const allowId = (brandId: string | null) => `${ALLOW}${brandId ?? EVERY_BRAND}`;
const isAllow = (p: VoicePackRecord) => p.id.startsWith(ALLOW);

export type SavePackResult = { ok: true; pack: VoicePackRecord } | { ok: false; errors: PackError[] };

/** Every pack (not the allow-lists): built-in first, then by name. */
export async function listPacks(db: VigieDb): Promise<VoicePackRecord[]> {
  const all = (await db.voicePacks.toArray()).filter((p) => !isAllow(p));
  return all.sort((a, b) => Number(b.builtIn) - Number(a.builtIn) || a.name.localeCompare(b.name));
}

/** The packs a brand sees: shared ones and its own; with null, the shared ones only. */
export async function packsForBrand(db: VigieDb, brandId: string | null): Promise<VoicePackRecord[]> {
  return (await listPacks(db)).filter((p) => p.brandId === undefined || p.brandId === brandId);
}

/**
 * Stores a pack from its JSON text (or an object, as Vale import gives), validated and compiled
 * by parsePack. A bad pack is refused with each line and reason and nothing changes, so the pack
 * in use stays in use. A new pack starts active; a new version of a stored one keeps its state.
 */
export async function savePack(db: VigieDb, source: string | VoicePack, brandId: string | null = null): Promise<SavePackResult> {
  const parsed = parsePack(source);
  if (!parsed.ok) return parsed;
  const id = brandId ? `${brandId}/${parsed.pack.id}` : parsed.pack.id;
  if (Object.values(builtInPacks).some((b) => b.id === id) || id.startsWith(ALLOW))
    return { ok: false, errors: [{ path: ['id'], message: `"${parsed.pack.id}" is reserved; give the pack another id` }] };
  return db.transaction('rw', db.voicePacks, async () => {
    const stored = await db.voicePacks.get(id);
    const { brandId: _ignored, ...pack } = parsed.pack;
    const record: VoicePackRecord = { ...pack, id, ...(brandId && { brandId }), builtIn: false, active: stored?.active ?? 1 };
    await db.voicePacks.put(record);
    return { ok: true, pack: record } as const;
  });
}

export type ValeImport = SavePackResult & { unsupported: Unsupported[] };

/**
 * Converts a Vale style (its .yml rule files) and stores it as a pack of the brand. Rules that
 * cannot be carried over come back in `unsupported`, with the reason, for the user to read.
 */
export async function importValeStyle(db: VigieDb, files: readonly ValeFile[], style: string, brandId: string | null = null): Promise<ValeImport> {
  const name = style.trim();
  if (!/^[\p{L}\p{N}_.-]+$/u.test(name)) return { ok: false, errors: [{ path: [], message: 'the style name uses letters, digits, "_", "." and "-"' }], unsupported: [] };
  const { pack, unsupported } = importVale(files, name);
  if (pack.rules.length === 0) return { ok: false, errors: [{ path: ['rules'], message: 'no rule of this style could be converted' }], unsupported };
  return { ...(await savePack(db, pack, brandId)), unsupported };
}

/** A team pack a lead locked, or with rules a lead locked, stays on: nobody pauses it locally. */
export const isLockedPack = (p: Pick<VoicePackRecord, 'team'>) => Boolean(p.team && (p.team.locked || (p.team.lockedRules?.length ?? 0) > 0));

/** Rule ids nobody may ignore: every rule of a locked pack, and the rules a lead locked one by one. */
export function lockedRuleIds(packs: readonly VoicePackRecord[]): Set<string> {
  const ids = new Set<string>();
  for (const p of packs) {
    if (!p.team) continue;
    if (p.team.locked) p.rules.forEach((r) => ids.add(r.id));
    p.team.lockedRules?.forEach((id) => ids.add(id));
  }
  return ids;
}

export async function setActive(db: VigieDb, id: string, active: boolean): Promise<void> {
  await db.transaction('rw', db.voicePacks, async () => {
    const pack = await db.voicePacks.get(id);
    if (!pack) throw new VoicePackError(`no voice pack "${id}"`);
    if (!active && isLockedPack(pack)) throw new VoicePackError(`"${pack.name}" was locked by ${pack.team!.by}: only a lead can pause it`);
    await db.voicePacks.update(id, { active: active ? 1 : 0 });
  });
}

export async function deletePack(db: VigieDb, id: string): Promise<void> {
  await db.transaction('rw', db.voicePacks, async () => {
    const pack = await db.voicePacks.get(id);
    if (!pack || isAllow(pack)) throw new VoicePackError(`no voice pack "${id}"`);
    if (pack.builtIn) throw new VoicePackError(`"${pack.name}" is built in: it can be switched off, not deleted`);
    await db.voicePacks.delete(id);
  });
}

/**
 * Stores the built-in packs: missing ones active, present ones with the shipped rules but the
 * team's active flag and added vocabulary. Idempotent. Returns how many were added.
 */
export async function seedBuiltInPacks(db: VigieDb): Promise<number> {
  return db.transaction('rw', db.voicePacks, async () => {
    let added = 0;
    for (const pack of Object.values(builtInPacks)) {
      const stored = await db.voicePacks.get(pack.id);
      if (!stored) added++;
      const vocabulary = [...new Set([...pack.vocabulary, ...(stored?.vocabulary ?? [])])];
      await db.voicePacks.put({ ...pack, vocabulary, builtIn: true, active: stored?.active ?? 1 });
    }
    return added;
  });
}

function emptyAllow(brandId: string | null): AllowRecord {
  return {
    format: 'vigie-voice-pack',
    version: 1,
    id: allowId(brandId),
    name: brandId ?? EVERY_BRAND,
    lang: 'fr',
    ...(brandId && { brandId }),
    vocabulary: [],
    rules: [],
    ignored: [],
    builtIn: false,
    active: 1,
  };
}

async function updateAllow(db: VigieDb, brandId: string | null, change: (a: AllowRecord) => void): Promise<AllowRecord> {
  return db.transaction('rw', db.voicePacks, async () => {
    const stored = (await db.voicePacks.get(allowId(brandId))) as AllowRecord | undefined;
    const allow = { ...emptyAllow(brandId), ...stored };
    change(allow);
    await db.voicePacks.put(allow);
    return allow;
  });
}

export interface AllowList {
  vocabulary: string[];
  ignored: string[];
}

/** A brand's own accepted terms and ignored findings (null: those for every brand). */
export async function allowList(db: VigieDb, brandId: string | null): Promise<AllowList> {
  const a = (await db.voicePacks.get(allowId(brandId))) as AllowRecord | undefined;
  return { vocabulary: a?.vocabulary ?? [], ignored: a?.ignored ?? [] };
}

const cleanTerm = (term: string) => {
  const t = term.trim();
  if (!t || t.length > 100) throw new VoicePackError('a term has 1 to 100 characters');
  return t;
};

/** Adds an accepted term to a brand (every pack checked for it) or to one pack only. */
export async function addVocabulary(db: VigieDb, target: { brandId: string | null } | { packId: string }, term: string): Promise<void> {
  const t = cleanTerm(term);
  if ('packId' in target) {
    const n = await db.voicePacks.where('id').equals(target.packId).modify((p) => {
      if (!p.vocabulary.includes(t)) p.vocabulary.push(t);
    });
    if (!n) throw new VoicePackError(`no voice pack "${target.packId}"`);
    return;
  }
  await updateAllow(db, target.brandId, (a) => {
    if (!a.vocabulary.includes(t)) a.vocabulary.push(t);
  });
}

export async function removeVocabulary(db: VigieDb, brandId: string | null, term: string): Promise<void> {
  await updateAllow(db, brandId, (a) => {
    a.vocabulary = a.vocabulary.filter((v) => v !== term);
  });
}

/** "Ignore for this brand": `key` is ignoreForBrandKey(finding). Returns how many keys the brand ignores. */
export async function ignoreForBrand(db: VigieDb, brandId: string | null, key: string): Promise<number> {
  if (lockedRuleIds(await db.voicePacks.toArray()).has(ruleOfKey(key))) throw new VoicePackError(`the rule ${ruleOfKey(key)} was locked by a lead: it cannot be ignored`);
  const a = await updateAllow(db, brandId, (a) => {
    if (!a.ignored.includes(key)) a.ignored.push(key);
  });
  return a.ignored.length;
}

export async function unignoreForBrand(db: VigieDb, brandId: string | null, key: string): Promise<void> {
  await updateAllow(db, brandId, (a) => {
    a.ignored = a.ignored.filter((k) => k !== key);
  });
}

export interface BrandVoice {
  /** Ready for lib/voice check(): the brand's active packs with its accepted terms merged in. */
  packs: VoicePack[];
  /** For CheckContext.ignored: the brand's ignored findings, less those of locked rules. */
  ignored: string[];
  /** Rules a lead locked: their findings cannot be ignored, here or for the brand. */
  locked: Set<string>;
}

/** An ignore key (ignoreForBrandKey, ignoreHereKey) starts with its rule id; rule ids hold no ":". */
export const ruleOfKey = (key: string) => key.slice(0, key.indexOf(':'));

const baseLang = (lang: string) => lang.toLowerCase().split('-')[0];

/**
 * What to check a brand's reply against. `lang`: only packs in the reply's language (all when
 * unknown). `crisis`: add the crisis pack (when active), in any language.
 */
export async function voiceForBrand(db: VigieDb, brandId: string | null, opts: { lang?: string; crisis?: boolean } = {}): Promise<BrandVoice> {
  const [packs, everyone, own] = await Promise.all([
    packsForBrand(db, brandId),
    allowList(db, null),
    brandId ? allowList(db, brandId) : Promise.resolve({ vocabulary: [], ignored: [] }),
  ]);
  const vocabulary = [...everyone.vocabulary, ...own.vocabulary];
  const chosen = packs.filter(
    (p) => p.active === 1 && (p.id === CRISIS_PACK_ID ? opts.crisis === true : !opts.lang || baseLang(p.lang) === baseLang(opts.lang)),
  );
  const locked = lockedRuleIds(packs);
  return {
    packs: chosen.map(({ builtIn: _b, active: _a, team: _t, ...pack }) => ({ ...pack, vocabulary: [...pack.vocabulary, ...vocabulary] })),
    ignored: [...new Set([...everyone.ignored, ...own.ignored])].filter((k) => !locked.has(ruleOfKey(k))),
    locked,
  };
}

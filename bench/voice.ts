import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { timeIt } from './lib/measure';
import { createSpellerLoader } from '../lib/voice/dictionaries/index';
import { nodeDictionaries } from '../lib/voice/dictionaries/node';
import { check } from '../lib/voice/engine';
import { builtInPacks } from '../lib/voice/packs/index';
import { parsePack, type VoicePack } from '../lib/voice/pack';
import { createTaggerLoader } from '../lib/voice/tagger/index';
import { taggerAssets } from '../lib/voice/tagger/node';
import { importVale } from '../lib/voice/vale';

/**
 * A realistic 300-rule pack: the built-in French pack's 22 rules, then word-list rules (anglicisms,
 * clichés, banned words) generated from a vocabulary, a few pattern rules and every other kind.
 */
function bigPack(): VoicePack {
  const fr = builtInPacks.fr;
  const rules: unknown[] = [...fr.rules];
  const stems = ['livraison', 'commande', 'colis', 'remboursement', 'produit', 'service', 'magasin', 'conseiller', 'retour', 'facture',
    'abonnement', 'compte', 'carte', 'garantie', 'réparation', 'échange', 'stock', 'offre', 'paiement', 'adresse'];
  const adjectives = ['rapide', 'gratuit', 'premium', 'urgent', 'exclusif', 'garanti', 'officiel', 'express', 'nouveau', 'international', 'complet', 'standard', 'prioritaire'];
  let n = 0;
  for (const s of stems) {
    for (const a of adjectives) {
      if (rules.length >= 280) break;
      const kind = n++ % 3 === 0 ? 'existence' : 'substitution';
      const base = { id: `bench.${n}`, severity: 'suggestion', message: 'Évitez « %s ».', explanation: 'Règle de test du banc de mesure.' };
      rules.push(kind === 'existence' ? { ...base, kind, tokens: [`${s} ${a}`, `${s}s ${a}s`] } : { ...base, kind, swap: { [`${s} ${a}`]: `${s} ${a} (vérifié)` } });
    }
  }
  const extra = (id: string, rule: object) => rules.push({ id, severity: 'warning', message: '%s', explanation: 'Règle de test.', ...rule });
  for (let k = 0; rules.length < 300; k++) {
    const i = rules.length;
    const kinds = [
      () => extra(`bench.p${i}`, { kind: 'existence', patterns: [`\\b(?:re)?command(?:e|é)${k}\\b`] }),
      () => extra(`bench.o${i}`, { kind: 'occurrence', tokens: ['merci'], max: 2 + k }),
      () => extra(`bench.m${i}`, { kind: 'metric', formula: 'words', condition: `> ${40 + k}`, scope: 'sentence' }),
      () => extra(`bench.c${i}`, { kind: 'capitalization', mode: 'terms', terms: [`Marque${k}`] }),
    ];
    kinds[k % kinds.length]!();
  }
  const parsed = parsePack({ ...fr, id: 'bench', rules });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors.slice(0, 3)));
  return parsed.pack;
}

/**
 * The English counterpart: the built-in English pack, every sequence rule of the vendored Vale styles
 * (LanguageTool's six, Acme's passive voice), then word-list rules up to 300.
 */
function englishPack(): VoicePack {
  const vale = join(import.meta.dirname, '../tests/fixtures/vale');
  const style = (dir: string, name: string) => importVale(readdirSync(dir).filter((f) => f.endsWith('.yml')).map((f) => ({ path: f, yaml: readFileSync(join(dir, f), 'utf8') })), name).pack.rules;
  const sequences = [...style(join(vale, 'testdata/styles/LanguageTool'), 'LanguageTool'), ...style(join(vale, 'Acme'), 'Acme')].filter((r) => r.kind === 'sequence');
  const rules: unknown[] = [...builtInPacks.en.rules, ...sequences];
  const nouns = ['delivery', 'order', 'parcel', 'refund', 'product', 'service', 'store', 'agent', 'return', 'invoice', 'subscription', 'account', 'card', 'warranty', 'repair'];
  const adjectives = ['fast', 'free', 'premium', 'urgent', 'exclusive', 'guaranteed', 'official', 'express', 'new', 'international', 'complete', 'standard', 'priority', 'instant', 'total', 'final', 'special', 'basic', 'extra', 'custom'];
  for (let n = 0; rules.length < 300; n++) {
    const term = `${nouns[n % nouns.length]} ${adjectives[Math.floor(n / nouns.length) % adjectives.length]}`;
    const base = { id: `bench.en${n}`, severity: 'suggestion', message: "Avoid '%s'.", explanation: 'A bench rule.' };
    rules.push(n % 3 === 0 ? { ...base, kind: 'existence', tokens: [term, `${term}s`] } : { ...base, kind: 'substitution', swap: { [term]: `${term} (checked)` } });
  }
  const parsed = parsePack({ ...builtInPacks.en, id: 'bench-en', rules });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors.slice(0, 3)));
  return parsed.pack;
}

const EN_REPLY =
  "Hi Julie, thanks for your message! We are so sorry your parcel is late: it was delayed by the carrier at the depot. It would be great send us your order number in a private message? We're checking it right now with the team, and you'll hear back from us today.";

const REPLY =
  "Bonjour Julie, merci pour votre message ! Nous sommes désolés pour le retard de votre colis : la livraison rapide n'a pas été respectée. Tu peux nous envoyer ton numéro de commande en message privé ? On regarde ça tout de suite avec le transporteur.";

export async function run(): Promise<Record<string, unknown>> {
  const pack = bigPack();
  const reply = REPLY.padEnd(280, ' Merci.').slice(0, 280);
  const long = Array.from({ length: 30 }, () => REPLY).join(' ').slice(0, 5000);
  const ctx = { platform: 'x' as const };
  // New strings each run, as a composer produces, so no per-text cache can help.
  let i = 0;
  const short = timeIt(() => void check(reply + ' '.repeat(i++ % 3), pack, ctx), 500, 50);
  const big = timeIt(() => void check(long + ' '.repeat(i++ % 3), pack, { platform: 'facebook' }), 200, 20);

  // Spelling runs only on a reply of known language; the dictionary loads once per worker.
  let t0 = performance.now();
  const spellers = await createSpellerLoader(nodeDictionaries)([pack]);
  const loadMs = performance.now() - t0;
  const spelled = { platform: 'x' as const, lang: 'fr', spellers };
  // The first check after loading: three typos, their suggestions computed, nspell's code still cold.
  const typos = reply.replace('message', 'mesage').replace('colis', 'colsi').replace('transporteur', 'transportuer');
  t0 = performance.now();
  const coldFindings = check(typos, pack, spelled).filter((f) => f.ruleId === 'fr.spelling');
  const firstMs = performance.now() - t0;
  // Later checks bringing three typos never seen before: what a writer's new mistakes cost.
  const tag = (k: number, salt: number) => String.fromCharCode(97 + ((k + salt) % 26)) + String.fromCharCode(97 + (Math.floor(k / 26) % 26));
  const fresh = (k: number) => reply.replace('message', `mes${tag(k, 0)}sage`).replace('colis', `col${tag(k, 7)}is`).replace('livraison', `livr${tag(k, 13)}aison`);
  let k = 0;
  const newTypos = timeIt(() => void check(fresh(k++), pack, spelled), 30, 0);
  // Then the composer's re-checks while the writer types: the words are known, the text is new each time.
  const warm = timeIt(() => void check(typos + ' '.repeat(i++ % 3), pack, spelled), 500, 50);
  // Sequence rules tag each sentence of the reply; the tagger's data is parsed as the background parses
  // the file the build writes (reading it from the extension's files is left out).
  const enPack = englishPack();
  const enReply = EN_REPLY.padEnd(280, ' Thanks.').slice(0, 280);
  const sequenceRules = enPack.rules.filter((r) => r.kind === 'sequence');
  const [taggerFile] = taggerAssets();
  t0 = performance.now();
  const taggers = await createTaggerLoader(async () => JSON.parse(taggerFile!.contents))([enPack]);
  const taggerLoadMs = performance.now() - t0;
  const tagged = { platform: 'x' as const, lang: 'en', taggers };
  t0 = performance.now();
  const firstTagged = check(enReply, enPack, tagged).filter((f) => f.ruleId.startsWith('LanguageTool.') || f.ruleId.startsWith('Acme.'));
  const firstTaggedMs = performance.now() - t0;
  // The same 300 rules without a tagger: what every rule but the sequence ones costs.
  const untagged = timeIt(() => void check(enReply + ' '.repeat(i++ % 3), enPack, { platform: 'x', lang: 'en' }), 500, 50);
  const withSequences = timeIt(() => void check(enReply + ' '.repeat(i++ % 3), enPack, tagged), 500, 50);
  const sequencesOnly = timeIt(() => void check(enReply + ' '.repeat(i++ % 3), { ...enPack, rules: sequenceRules }, tagged), 500, 50);
  return {
    rules: pack.rules.length,
    reply280: { chars: reply.length, ...short, budgetMedianMs: 1 },
    text5000: { chars: long.length, ...big, budgetMedianMs: 5 },
    findingsOnReply: check(reply, pack, ctx).length,
    spelling: {
      dictionaryLoadMs: Math.round(loadMs),
      firstCheckMs: Number(firstMs.toFixed(2)),
      typosFlagged: coldFindings.map((f) => `${f.match} → ${f.fixes[0] ?? '?'}`),
      // Each new misspelt word costs one suggestion search (~5 ms in French), once: verdicts and suggestions are cached.
      reply280ThreeNewTypos: { ...newTypos, budgetMedianMs: 30 },
      reply280: { ...warm, budgetMedianMs: 1 },
    },
    sequence: {
      rules: enPack.rules.length,
      sequenceRules: sequenceRules.length,
      taggerFileBytes: Buffer.byteLength(taggerFile!.contents),
      taggerLoadMs: Math.round(taggerLoadMs),
      firstCheckMs: Number(firstTaggedMs.toFixed(2)),
      alerts: firstTagged.map((f) => `${f.ruleId}: ${f.match}`),
      reply280WithoutTagger: { chars: enReply.length, ...untagged, budgetMedianMs: 1 },
      reply280: { chars: enReply.length, ...withSequences, budgetMedianMs: 1 },
      reply280SequenceRulesOnly: sequencesOnly,
    },
  };
}

/**
 * False-positive check of the spelling rule on real short texts:
 *
 *   tsx scripts/voice-spelling-corpus.ts [FILE_PREFIX] [--texts N]
 *
 * Reads FILE_PREFIX{fr,en}_train.jsonl (default ../shared/data/sentiment/, one {"text"} per line,
 * tweets) and checks the first N texts (500) of each with the built-in pack of that language.
 * Prints flags per 100 words and the most flagged words, to be read: a flag on a real typo is right.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSpellerLoader } from '../lib/voice/dictionaries/index';
import { nodeDictionaries } from '../lib/voice/dictionaries/node';
import { check } from '../lib/voice/engine';
import { builtInPacks } from '../lib/voice/packs/index';

const args = process.argv.slice(2);
const prefix = args.find((a) => !a.startsWith('--')) ?? join(import.meta.dirname, '../../shared/data/sentiment/');
const n = Number(args[args.indexOf('--texts') + 1]) || 500;
const spellers = await createSpellerLoader(nodeDictionaries)([builtInPacks.fr, builtInPacks.en]);
const out: Record<string, unknown> = {};
for (const lang of ['fr', 'en'] as const) {
  const rows = readFileSync(`${prefix}${lang}_train.jsonl`, 'utf8').trim().split('\n').slice(0, n).map((l) => JSON.parse(l) as { text: string });
  let words = 0, flags = 0, texts = 0;
  const counts = new Map<string, number>();
  const t0 = performance.now();
  for (const { text } of rows) {
    words += (text.match(/[\p{L}\p{N}_]+(?:['’-][\p{L}\p{N}_]+)*/gu) ?? []).length;
    const found = check(text, builtInPacks[lang], { lang, spellers }).filter((f) => f.ruleId === `${lang}.spelling`);
    flags += found.length;
    if (found.length) texts++;
    for (const f of found) counts.set(`${f.match} → ${f.fixes[0] ?? '∅'}`, (counts.get(`${f.match} → ${f.fixes[0] ?? '∅'}`) ?? 0) + 1);
  }
  out[lang] = {
    texts: rows.length,
    words,
    flags,
    textsFlagged: texts,
    flagsPer100Words: Number(((100 * flags) / words).toFixed(2)),
    msPerText: Number(((performance.now() - t0) / rows.length).toFixed(2)),
    mostFlagged: [...counts].sort((a, b) => b[1] - a[1]).slice(0, 40).map(([w, c]) => (c > 1 ? `${w} ×${c}` : w)),
  };
}
console.log(JSON.stringify(out, null, 2));

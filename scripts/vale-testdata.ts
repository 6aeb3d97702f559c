/**
 * How faithfully `voice import-vale` + `voice check` reproduce Vale on Vale's own test suite.
 *
 *   tsx scripts/vale-testdata.ts VALE_TESTDATA_DIR [--feature checks,scopes] [--details] [--no-tagger]
 *
 * VALE_TESTDATA_DIR is the testdata/ folder of a checkout of errata-ai/vale. Each scenario of the
 * named features that lints a fixture folder (`I test "X"`, `I test scope "X"`) is replayed: the
 * folder's .vale.ini picks the styles and rules per file, each rule file goes through importVale,
 * and every Markdown or text file of the folder is checked. An alert matches when its file, line,
 * column and rule are Vale's. Other formats (AsciiDoc, reStructuredText, HTML...) are not read.
 * checks.feature is the one the compatibility test vendors; the other features judge the import.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { nodeDictionaries } from '../lib/voice/dictionaries/node';
import { createSpeller } from '../lib/voice/dictionaries/speller';
import { createEnglishTagger } from '../lib/voice/tagger/en';
import { englishTaggerData } from '../lib/voice/tagger/node';
import { alertKey as key, replay, scenarios, unsupportedSeen } from './vale-replay';

const args = process.argv.slice(2);
const root = args.find((a) => !a.startsWith('--'));
if (!root || !existsSync(join(root, 'features'))) {
  console.error('usage: tsx scripts/vale-testdata.ts VALE_TESTDATA_DIR [--feature checks,scopes] [--details]');
  process.exit(2);
}
const featureArg = args[args.indexOf('--feature') + 1];
const features = args.includes('--feature') && featureArg ? featureArg.split(',') : ['checks', 'scopes'];
const details = args.includes('--details');
const spellers = { en: createSpeller('en', await nodeDictionaries('en')) };
const taggers = args.includes('--no-tagger') ? {} : { en: createEnglishTagger(englishTaggerData()) };
const totals: Record<string, { expected: number; found: number; matched: number; sameMessage: number }> = {};
for (const feature of features) {
  const t = (totals[feature] = { expected: 0, found: 0, matched: 0, sameMessage: 0 });
  for (const sc of scenarios(root, feature)) {
    const { expected, found } = replay(sc, spellers, taggers);
    const expectedKeys = new Map(expected.map((l) => [key(l), l]));
    const matched = found.filter((l) => expectedKeys.has(key(l)));
    t.expected += expected.length;
    t.found += found.length;
    t.matched += new Set(matched.map(key)).size;
    t.sameMessage += matched.filter((l) => expectedKeys.get(key(l)) === l).length;
    if (details) {
      console.log(`\n## ${feature}: ${sc.name} (${dirname(sc.dir).split('/').pop()}/${sc.dir.split('/').pop()})`);
      for (const l of expected) console.log(`${found.some((f) => key(f) === key(l)) ? '  ok  ' : '  MISS'} ${l}`);
      for (const l of found) if (!expectedKeys.has(key(l))) console.log(`  EXTRA ${l}`);
      for (const l of matched) if (expectedKeys.get(key(l)) !== l) console.log(`  MSG   ${l}  (Vale: ${expectedKeys.get(key(l))!.split(':').slice(4).join(':')})`);
    }
  }
}
if (details) {
  console.log('\n## rules the import refused');
  for (const [id, why] of [...unsupportedSeen].sort()) console.log(`  ${id}: ${why}`);
}
const sum = Object.values(totals).reduce((a, t) => ({ expected: a.expected + t.expected, found: a.found + t.found, matched: a.matched + t.matched, sameMessage: a.sameMessage + t.sameMessage }), { expected: 0, found: 0, matched: 0, sameMessage: 0 });
const report = (t: typeof sum) => ({
  ...t,
  recall: Number((t.matched / Math.max(1, t.expected)).toFixed(2)),
  precision: Number((t.matched / Math.max(1, t.found)).toFixed(2)),
});
console.log(JSON.stringify({ ...Object.fromEntries(Object.entries(totals).map(([k, v]) => [k, report(v)])), all: report(sum) }, null, 2));

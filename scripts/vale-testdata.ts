/**
 * How faithfully `voice import-vale` + `voice check` reproduce Vale on Vale's own test suite.
 *
 *   tsx scripts/vale-testdata.ts VALE_TESTDATA_DIR [--feature checks,scopes] [--details]
 *
 * VALE_TESTDATA_DIR is the testdata/ folder of a checkout of errata-ai/vale. Each scenario of the
 * named features that lints a fixture folder (`I test "X"`, `I test scope "X"`) is replayed: the
 * folder's .vale.ini picks the styles and rules per file, each rule file goes through importVale,
 * and every Markdown or text file of the folder is checked. An alert matches when its file, line,
 * column and rule are Vale's. Other formats (AsciiDoc, reStructuredText, HTML...) are not read.
 * checks.feature is the one the compatibility test vendors; the other features judge the import.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { check } from '../lib/voice/engine';
import { createSpellerLoader } from '../lib/voice/dictionaries/index';
import { nodeDictionaries } from '../lib/voice/dictionaries/node';
import { voicePack, type Rule, type VoicePack } from '../lib/voice/pack';
import { importVale, VALE_SPELLING_FILTERS, type Unsupported } from '../lib/voice/vale';

const args = process.argv.slice(2);
const root = args.find((a) => !a.startsWith('--'));
if (!root || !existsSync(join(root, 'features'))) {
  console.error('usage: tsx scripts/vale-testdata.ts VALE_TESTDATA_DIR [--feature checks,scopes] [--details]');
  process.exit(2);
}
const featureArg = args[args.indexOf('--feature') + 1];
const features = args.includes('--feature') && featureArg ? featureArg.split(',') : ['checks', 'scopes'];
const details = args.includes('--details');
const PROSE = /\.(md|txt)$/;
const LEVELS = ['suggestion', 'warning', 'error'];

interface Scenario {
  feature: string;
  name: string;
  dir: string;
  expected: string[];
}

function scenarios(feature: string): Scenario[] {
  const text = readFileSync(join(root!, 'features', `${feature}.feature`), 'utf8');
  const out: Scenario[] = [];
  for (const block of text.split(/\n\s*Scenario:/).slice(1)) {
    const name = block.split('\n')[0]!.trim();
    const step = /When I test (scope )?"([^"]+)"/.exec(block);
    const body = /"""\n([\s\S]*?)\n\s*"""/.exec(block);
    if (!step || !body || !/should contain exactly/.test(block)) continue;
    const dir = join(root!, 'fixtures', step[1] ? 'scopes' : '', step[2]!);
    out.push({ feature, name, dir, expected: body[1]!.split('\n').map((l) => l.trim()).filter(Boolean) });
  }
  return out;
}

type Ini = { global: Record<string, string>; sections: { glob: string; keys: Record<string, string> }[] };

function readIni(dir: string): { ini: Ini; at: string } | undefined {
  for (const name of ['.vale.ini', '_vale', 'vale.ini', 'vale']) {
    const p = join(dir, name);
    if (!existsSync(p) || !statSync(p).isFile()) continue;
    const ini: Ini = { global: {}, sections: [] };
    let keys = ini.global;
    for (const raw of readFileSync(p, 'utf8').split('\n')) {
      const line = raw.trim();
      if (!line || line.startsWith('#') || line.startsWith(';')) continue;
      const section = /^\[(.+)\]$/.exec(line);
      if (section) {
        keys = {};
        ini.sections.push({ glob: section[1]!, keys });
        continue;
      }
      const kv = /^([^=]+?)\s*=\s*(.*)$/.exec(line);
      if (kv) keys[kv[1]!] = kv[2]!;
    }
    return { ini, at: dir };
  }
  return undefined;
}

function globMatches(glob: string, file: string): boolean {
  const alternatives = (g: string): string[] => {
    const m = /\{([^}]*)\}/.exec(g);
    return m ? m[1]!.split(',').flatMap((alt) => alternatives(g.slice(0, m.index) + alt + g.slice(m.index + m[0].length))) : [g];
  };
  return alternatives(glob).some((g) => new RegExp(`^${g.replace(/[.+^$()|\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`).test(file));
}

const styleCache = new Map<string, { pack: VoicePack; unsupported: Unsupported[] }>();
function style(stylesPath: string, name: string) {
  const dir = join(stylesPath, name);
  let s = styleCache.get(dir);
  if (!s) {
    const files = existsSync(dir) ? readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).map((f) => ({ path: join(dir, f), yaml: readFileSync(join(dir, f), 'utf8') })) : [];
    try {
      s = importVale(files, name, { readFile: (p) => (existsSync(join(stylesPath, p)) ? readFileSync(join(stylesPath, p), 'utf8') : undefined) });
    } catch (err) {
      // An import that throws loses the whole style: counted as refusing each of its rules.
      console.error(`importVale threw on style ${name}: ${(err as Error).message}`);
      s = { pack: voicePack.parse({ format: 'vigie-voice-pack', version: 1, id: name, name, lang: 'en', rules: [] }), unsupported: [] };
    }
    styleCache.set(dir, s);
  }
  return s;
}

function vocabulary(stylesPath: string, vocab: string | undefined): string[] {
  if (!vocab) return [];
  return vocab.split(',').flatMap((v) => {
    for (const p of [join(stylesPath, 'config', 'vocabularies', v.trim(), 'accept.txt'), join(stylesPath, 'Vocab', v.trim(), 'accept.txt')]) {
      if (existsSync(p)) return readFileSync(p, 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
    }
    return [];
  });
}

/** Vale's built-in rules, as Vale defines them (internal/check/definition.go). */
function builtIn(name: string, accepted: string[]): Rule | undefined {
  const common = { severity: 'error' as const, explanation: `Vale's built-in ${name}` };
  if (name === 'Vale.Spelling') {
    return { ...common, id: name, kind: 'spelling', message: "Did you really mean '%s'?", dictionary: 'en', checkNames: true, suggestions: 3, filters: VALE_SPELLING_FILTERS, accept: accepted.filter((a) => /^[\p{L}\p{N}'’-]+$/u.test(a)) };
  }
  if (name === 'Vale.Repetition') return { ...common, id: name, kind: 'repetition', message: "'%s' is repeated!", ignoreCase: false, patterns: ['\\p{L}+'] } as Rule;
  return undefined;
}

const unsupportedSeen = new Map<string, string>();
function packFor(dir: string, file: string): VoicePack | undefined {
  const found = readIni(dir);
  if (!found) return undefined;
  const { ini, at } = found;
  const stylesPath = resolve(at, ini.global.StylesPath ?? '.');
  const min = LEVELS.indexOf(ini.global.MinAlertLevel ?? 'suggestion');
  const enabled = new Map<string, string>();
  for (const { glob, keys } of ini.sections) {
    if (!globMatches(glob, file)) continue;
    for (const s of (keys.BasedOnStyles ?? '').split(',').map((x) => x.trim()).filter(Boolean)) {
      if (s === 'Vale') ['Vale.Spelling', 'Vale.Repetition'].forEach((r) => enabled.set(r, 'YES'));
      else for (const r of style(stylesPath, s).pack.rules) enabled.set(r.id, 'YES');
    }
    for (const [k, v] of Object.entries(keys)) if (/^[\w-]+\.[\w-]+$/.test(k)) enabled.set(k, v);
  }
  const accepted = vocabulary(stylesPath, ini.sections.map((s) => s.keys.Vocab).find(Boolean) ?? ini.global.Vocab);
  const rules: Rule[] = [];
  for (const [id, value] of enabled) {
    if (value === 'NO') continue;
    const [styleName] = id.split('.');
    const rule = builtIn(id, accepted) ?? style(stylesPath, styleName!).pack.rules.find((r) => r.id === id);
    if (!rule) {
      const why = style(stylesPath, styleName!).unsupported.find((u) => u.rule === id)?.reason ?? 'rule file not found';
      unsupportedSeen.set(id, why);
      continue;
    }
    const severity = LEVELS.includes(value) ? (value as Rule['severity']) : rule.severity;
    if (LEVELS.indexOf(severity) < min) continue;
    rules.push({ ...rule, severity });
  }
  // Vale's accept.txt entries are exceptions to every rule, as the brand vocabulary is here.
  return voicePack.parse({ format: 'vigie-voice-pack', version: 1, id: 'vale-testdata', name: 'vale-testdata', lang: 'en', vocabulary: accepted.filter((a) => /^[\p{L}\p{N} '’-]+$/u.test(a)), rules });
}

/** Vale's positions: 1-based line and column, the column counted in characters (runes), not UTF-16 units. */
function position(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const col = [...before.slice(before.lastIndexOf('\n') + 1)].length + 1;
  return `${line}:${col}`;
}

const spellers = await createSpellerLoader(nodeDictionaries)([{ rules: [{ kind: 'spelling', dictionary: 'en' }] } as VoicePack]);
const totals: Record<string, { expected: number; found: number; matched: number; sameMessage: number }> = {};
for (const feature of features) {
  const t = (totals[feature] = { expected: 0, found: 0, matched: 0, sameMessage: 0 });
  for (const sc of scenarios(feature)) {
    const expected = sc.expected.filter((l) => PROSE.test(l.split(':')[0]!));
    const files = existsSync(sc.dir) ? readdirSync(sc.dir).filter((f) => PROSE.test(f)) : [];
    const found: string[] = [];
    for (const file of files) {
      const pack = packFor(sc.dir, file);
      if (!pack) continue;
      const text = readFileSync(join(sc.dir, file), 'utf8');
      for (const f of check(text, pack, { lang: 'en', spellers, ...(file.endsWith('.md') ? { markup: 'markdown' as const } : {}) })) found.push(`${file}:${position(text, f.start)}:${f.ruleId}:${f.message}`);
    }
    const key = (l: string) => l.split(':').slice(0, 4).join(':');
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

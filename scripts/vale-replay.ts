/**
 * Replays Vale's test scenarios (errata-ai/vale's testdata/) through importVale and check(): each
 * scenario that lints a fixture folder (`I test "X"`, `I test scope "X"`) has its folder's
 * .vale.ini pick the styles and rules per file, each rule file imported, and every Markdown or text
 * file of the folder checked. Alerts read as Vale prints them: file:line:column:Rule:message.
 * Used by scripts/vale-testdata.ts and by the compatibility test on the vendored checks.feature.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { CheckContext } from '../lib/voice/context';
import type { Spellers } from '../lib/voice/dictionaries/index';
import { check } from '../lib/voice/engine';
import { voicePack, type Rule, type VoicePack } from '../lib/voice/pack';
import { importVale, VALE_SPELLING_FILTERS, type Unsupported } from '../lib/voice/vale';

const PROSE = /\.(md|txt)$/;
const LEVELS = ['suggestion', 'warning', 'error'];

export interface Scenario {
  feature: string;
  name: string;
  dir: string;
  expected: string[];
}

export function scenarios(root: string, feature: string): Scenario[] {
  const text = readFileSync(join(root, 'features', `${feature}.feature`), 'utf8');
  const out: Scenario[] = [];
  for (const block of text.split(/\n\s*Scenario:/).slice(1)) {
    const name = block.split('\n')[0]!.trim();
    const step = /When I test (scope )?"([^"]+)"/.exec(block);
    const body = /"""\n([\s\S]*?)\n\s*"""/.exec(block);
    if (!step || !body || !/should contain exactly/.test(block)) continue;
    const dir = join(root, 'fixtures', step[1] ? 'scopes' : '', step[2]!);
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

/** Rules a scenario enables that the import refused, with the reason. */
export const unsupportedSeen = new Map<string, string>();
export function packFor(dir: string, file: string): VoicePack | undefined {
  const found = readIni(dir);
  if (!found) return undefined;
  const { ini, at } = found;
  const stylesPath = resolve(at, ini.global.StylesPath ?? '.');
  // Vale shows warnings and errors unless the configuration says otherwise (core/config.go, NewConfig).
  const min = LEVELS.indexOf(ini.global.MinAlertLevel ?? 'warning');
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
export function position(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const col = [...before.slice(before.lastIndexOf('\n') + 1)].length + 1;
  return `${line}:${col}`;
}


/** The alerts of one scenario: Vale's expected ones (Markdown and text files only) and the engine's. */
export function replay(sc: Scenario, spellers: Spellers, taggers: CheckContext['taggers'] = {}): { expected: string[]; found: string[] } {
  const expected = sc.expected.filter((l) => PROSE.test(l.split(':')[0]!));
  const files = existsSync(sc.dir) ? readdirSync(sc.dir).filter((f) => PROSE.test(f)).sort() : [];
  const found: string[] = [];
  for (const file of files) {
    const pack = packFor(sc.dir, file);
    if (!pack) continue;
    const text = readFileSync(join(sc.dir, file), 'utf8');
    for (const f of check(text, pack, { lang: 'en', spellers, taggers, ...(file.endsWith('.md') ? { markup: 'markdown' as const } : {}) })) {
      found.push(`${file}:${position(text, f.start)}:${f.ruleId}:${f.message}`);
    }
  }
  return { expected, found };
}

/** file:line:column:Rule, what two alerts must share to be the same alert. */
export const alertKey = (line: string) => line.split(':').slice(0, 4).join(':');

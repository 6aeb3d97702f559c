import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../..');
function vigie(args: string[], input = '') {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'lib/cli/main.ts', ...args], { cwd: root, input, encoding: 'utf8' });
  const lines = r.stdout.trim().split('\n');
  return { code: r.status, last: lines.length && lines.at(-1) ? JSON.parse(lines.at(-1)!) : undefined, stderr: r.stderr };
}

describe('vigie voice', () => {
  it('check: findings with UTF-16 offsets of the stdin text', () => {
    const reply = '😀 Tu peux nous écrire : jean@exemple.fr';
    const { code, last } = vigie(['voice', 'check', '--pack', 'fr', '--platform', 'x'], reply);
    expect(code).toBe(0);
    const address = last.findings.find((f: { ruleId: string }) => f.ruleId === 'fr.address');
    expect(address).toMatchObject({ start: 3, end: 10, match: 'Tu peux', fixes: ['Vous pouvez'], severity: 'error' });
    expect(reply.slice(address.start, address.end)).toBe('Tu peux');
    expect(last.findings.map((f: { ruleId: string }) => f.ruleId)).toContain('fr.personal-data');
  }, 30_000);

  it('check: spelling with the pack\'s own dictionary, loaded in Node; --lang picks the dictionary', () => {
    const fr = vigie(['voice', 'check', '--pack', 'fr'], 'Merci pour votre mesage.');
    expect(fr.last.findings.filter((f: { ruleId: string }) => f.ruleId === 'fr.spelling')).toMatchObject([{ start: 17, end: 23, match: 'mesage', fixes: ['message', 'pesage'] }]);
    const en = vigie(['voice', 'check', '--pack', 'en'], 'Thanks for your mesage.');
    expect(en.last.findings.filter((f: { ruleId: string }) => f.ruleId === 'en.spelling')).toMatchObject([{ start: 16, end: 22, fixes: ['message', 'menage'] }]);
    // A French pack told the reply is English: its French dictionary stays out of it.
    expect(vigie(['voice', 'check', '--pack', 'fr', '--lang', 'en'], 'Merci pour votre mesage.').last.findings.map((f: { ruleId: string }) => f.ruleId)).not.toContain('fr.spelling');
  }, 30_000);

  it('check: --markdown leaves code and link targets out', () => {
    const md = 'Thanks for your mesage: run `mesage --help` or see [the guide](https://x.io/mesage).';
    const spelled = (args: string[]) => vigie(['voice', 'check', '--pack', 'en', ...args], md).last.findings.filter((f: { ruleId: string }) => f.ruleId === 'en.spelling').map((f: { start: number }) => f.start);
    expect(spelled(['--markdown'])).toEqual([16]);
    expect(spelled([])).toEqual([16, 29]);
  }, 30_000);

  it('check: --address tu and --expert', () => {
    const { last } = vigie(['voice', 'check', '--pack', 'fr', '--address', 'tu', '--expert'], 'Vous pouvez nous écrire, merci !!');
    expect(last.findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(['fr.address']);
  }, 30_000);

  it('check: a pack file; a bad one is refused naming the line and reason', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigie-voice-'));
    const good = join(dir, 'good.json');
    writeFileSync(good, JSON.stringify({ format: 'vigie-voice-pack', version: 1, id: 'g', name: 'g', lang: 'en', rules: [{ id: 'lol', kind: 'existence', severity: 'error', message: 'No %s', explanation: 'e', tokens: ['lol'] }] }));
    expect(vigie(['voice', 'check', '--pack', good], 'ok lol').last.findings).toMatchObject([{ ruleId: 'lol', start: 3, end: 6, message: 'No lol' }]);

    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{\n  "format": "vigie-voice-pack",\n  "version": 1,\n  "id": "b",\n  "name": "b",\n  "lang": "en",\n  "rules": [\n    {"id": "x", "kind": "existence", "severity": "error", "message": "m", "explanation": "e",\n     "patterns": ["(a+)+$"]}\n  ]\n}\n');
    const r = vigie(['voice', 'check', '--pack', bad], 'text');
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stderr).error).toMatch(/bad\.json:9: unsafe regular expression refused: nested repetition.*\(rules\.0\.patterns\.0\)/);
  }, 30_000);

  it('check: unknown pack or platform is a usage error', () => {
    expect(vigie(['voice', 'check', '--pack', 'nope'], 'x').code).toBe(2);
    expect(vigie(['voice', 'check', '--pack', 'fr', '--platform', 'myspace'], 'x').code).toBe(2);
    // An option no command knows is a usage error too, said in one JSON line, not a stack trace.
    expect(vigie(['voice', 'check', '--colour'], 'x').code).toBe(2);
  }, 30_000);

  it('import-vale prints the pack and the unsupported list', () => {
    const { code, last } = vigie(['voice', 'import-vale', 'tests/fixtures/vale', 'Acme']);
    expect(code).toBe(0);
    expect(last.pack.format).toBe('vigie-voice-pack');
    expect(last.pack.rules.map((r: { id: string }) => r.id)).toContain('Acme.Terms');
    // A part-of-speech sequence imports onto the sequence kind; what cannot is listed with its reason.
    expect(last.pack.rules.find((r: { id: string }) => r.id === 'Acme.Passive')).toMatchObject({ kind: 'sequence' });
    expect(last.unsupported.length).toBeGreaterThan(0);
    for (const u of last.unsupported) expect(u.reason).toEqual(expect.any(String));
    // The spelling rule's ignore file is read relative to the styles path, as Vale does.
    expect(last.pack.rules.find((r: { id: string }) => r.id === 'Acme.Spelling')).toMatchObject({ kind: 'spelling', dictionary: 'en', accept: ['Acme', 'AcmeCloud'] });
    expect(vigie(['voice', 'import-vale', 'tests/fixtures/vale', 'Missing']).code).toBe(2);
  }, 30_000);

  it('check: a Vale style with sequence rules runs them with the English tagger', () => {
    const imported = vigie(['voice', 'import-vale', 'tests/fixtures/vale/testdata/styles', 'LanguageTool']);
    expect(imported.code).toBe(0);
    const file = join(mkdtempSync(join(tmpdir(), 'vigie-seq-')), 'pack.json');
    writeFileSync(file, JSON.stringify(imported.last.pack));
    const { code, last } = vigie(['voice', 'check', '--pack', file, '--lang', 'en'], 'Thanks! It would be great write to us again.');
    expect(code).toBe(0);
    expect(last.findings.map((f: { match: string }) => f.match)).toContain('would be great write');
  }, 30_000);
});

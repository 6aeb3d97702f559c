import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { exportCsv, exportJson } from '../../../lib/templates/io';
import { template } from '../../../lib/templates/model';

const run = promisify(execFile);
const root = join(import.meta.dirname, '..', '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'vigie-templates-cli-'));

async function vigie(...args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const { stdout, stderr } = await run(join(root, 'node_modules', '.bin', 'tsx'), ['lib/cli/main.ts', 'templates', ...args], { cwd: root });
    return { stdout, stderr, code: 0 };
  } catch (err) {
    const e = err as { stdout: string; stderr: string; code: number };
    return { stdout: e.stdout, stderr: e.stderr, code: e.code };
  }
}

const lastLine = (stdout: string) => JSON.parse(stdout.trim().split('\n').at(-1)!);

function write(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const own = [
  template.parse({
    id: 'order',
    name: 'Suivi de commande',
    bodies: { fr: 'Bonjour {{author.firstName | author.name}}, commande {{order}} sur {{platform}}.', en: 'Hi {{author.firstName}}, order {{order}}.' },
    platformVariants: { x: { fr: 'Commande {{order}} (X)' } },
    fields: [{ key: 'order', label: 'numéro de commande', kind: 'text' }],
    createdAt: 1,
    updatedAt: 1,
  }),
];

describe('templates list', () => {
  it('lists the starter set without a file', async () => {
    const { stdout, code } = await vigie('list');
    expect(code).toBe(0);
    const list = lastLine(stdout) as { id: string; name: string; langs: string[] }[];
    expect(list.length).toBeGreaterThanOrEqual(9);
    expect(list).toContainEqual({ id: 'starter-holding', name: "Déclaration d'attente (crise)", langs: ['fr', 'en'] });
  });

  it('lists a JSON or CSV file', async () => {
    for (const file of [write('own.json', exportJson(own)), write('own.csv', exportCsv(own))]) {
      const { stdout, code } = await vigie('list', '--file', file);
      expect(code).toBe(0);
      expect(lastLine(stdout)).toEqual([{ id: 'order', name: 'Suivi de commande', langs: ['fr', 'en'] }]);
    }
  });

  it('refuses a bad file whole, naming the row and reason', async () => {
    const file = write('bad.csv', 'name,body_fr\nOk,Bonjour\nBad,Bonjour {{prenom}}\n');
    const { stdout, stderr, code } = await vigie('list', '--file', file);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    const err = JSON.parse(stderr.trim()) as { error: string; details: { row: number; column: string }[] };
    expect(err.error).toMatch(/1 error\(s\), nothing loaded; first: row 3, line 3, body_fr: \{\{prenom\}\} is neither/);
    expect(err.details).toEqual([expect.objectContaining({ row: 3, column: 'body_fr' })]);
  });

  it('says when the file cannot be read', async () => {
    const { stderr, code } = await vigie('list', '--file', join(dir, 'nope.json'));
    expect(code).toBe(2);
    expect(stderr).toMatch(/cannot read .*nope\.json: ENOENT/);
  });
});

describe('templates render', () => {
  it('renders a starter template with variables, dates in the reply language', async () => {
    const vars = JSON.stringify({ author: { name: 'Marie Dupont' }, agent: { signature: 'Julie' } });
    const { stdout, code } = await vigie('render', '--id', 'starter-complaint', '--lang', 'fr', '--vars', vars, '--now', '2026-11-06T12:00:00Z');
    expect(code).toBe(0);
    const out = lastLine(stdout);
    expect(out.text).toMatch(/^Bonjour Marie, merci d'avoir pris le temps/);
    expect(out.text).toContain('au plus tard le mardi 10 novembre.\nJulie');
    expect(out.missing).toEqual([]);
  });

  it('shows and lists what is missing', async () => {
    const file = write('own2.json', exportJson(own));
    const { stdout } = await vigie('render', '--file', file, '--id', 'order', '--lang', 'fr', '--vars', '{"author":{"name":"@md_1987"}}');
    expect(lastLine(stdout)).toEqual({ text: 'Bonjour @md_1987, commande [numéro de commande] sur [plateforme].', missing: ['order', 'platform'], lang: 'fr' });
  });

  it('uses the platform variant and custom field values', async () => {
    const file = write('own3.json', exportJson(own));
    const { stdout } = await vigie('render', '--file', file, '--id', 'order', '--lang', 'fr', '--platform', 'x', '--vars', '{"fields":{"order":"A-42"}}');
    expect(lastLine(stdout)).toEqual({ text: 'Commande A-42 (X)', missing: [], lang: 'fr' });
  });

  it('falls back to another language and says which', async () => {
    const file = write('own4.json', exportJson(own));
    const { stdout } = await vigie('render', '--file', file, '--id', 'order', '--lang', 'de', '--vars', '{"fields":{"order":"A-42"}}');
    expect(lastLine(stdout)).toMatchObject({ text: 'Hi [first name], order A-42.', lang: 'en' });
  });

  it.each([
    [['--id', 'nope', '--lang', 'fr'], /no template with id "nope"; ids: starter-thanks/],
    [['--lang', 'fr'], /--id is required/],
    [['--id', 'starter-thanks'], /--lang is required/],
    [['--id', 'starter-thanks', '--lang', 'fr', '--vars', '{oops'], /--vars is not valid JSON/],
    [['--id', 'starter-thanks', '--lang', 'fr', '--vars', '{"author":{"name":42}}'], /--vars: author\.name: /],
    [['--id', 'starter-thanks', '--lang', 'fr', '--platform', 'myspace'], /--platform must be one of x, facebook/],
    [['--id', 'starter-thanks', '--lang', 'fr', '--now', 'yesterday'], /--now is not a date/],
    [['--id', 'starter-thanks', '--lang', 'fr', '--colour', 'red'], /Unknown option '--colour'/],
  ])('refuses %j with a clear message', async (args, message) => {
    const { stdout, stderr, code } = await vigie('render', ...args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(JSON.parse(stderr.trim()).error).toMatch(message);
  });
});

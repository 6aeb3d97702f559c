import { parseArgs, type ParseArgsConfig } from 'node:util';
import { importTemplates } from '../templates/io';
import { languagesOf, type Template } from '../templates/model';
import { platformId } from '../templates/platforms';
import { render, renderVars } from '../templates/render';
import { starterTemplates } from '../templates/starter';
import { CliError, printJson, readTextFile, type CommandGroup } from './io';

function load(file: string | undefined): Template[] {
  if (!file) return starterTemplates();
  const result = importTemplates(readTextFile(file), { now: Date.now() });
  if (!result.ok) {
    const first = result.errors[0]!;
    const where = [first.row && `row ${first.row}`, first.line && `line ${first.line}`, first.column].filter(Boolean).join(', ');
    throw new CliError(
      `${file}: ${result.errors.length} error(s), nothing loaded; first: ${where ? `${where}: ` : ''}${first.message}`,
      result.errors,
    );
  }
  return result.templates;
}

const parse = (args: string[], options: NonNullable<ParseArgsConfig['options']>) => parseArgs({ args, options, allowPositionals: false, strict: true });

/** The shape of --vars, shown by --help under the commands; every key of renderVars is in the example. */
export const varsExample = {
  author: { name: 'Marie Dupont', firstName: 'Marie', handle: '@marie_d' },
  brand: { name: 'Maison Lune' },
  agent: { name: 'Julie', signature: 'Julie, service client' },
  fields: { deliveryDate: '2026-12-24' },
};

export const notes = [
  '--vars JSON: the values of the template variables, every one optional; "fields" holds the custom fields by key:',
  `  --vars '${JSON.stringify(varsExample)}'`,
  '  {{platform}} and the {{date.*}} variables come from --platform and --now; a variable without a value',
  '  shows as a marker ([prénom], [first name]) and is listed in "missing".',
];

export const commands: CommandGroup = {
  list: {
    usage: 'templates list [--file FILE]',
    summary: 'list templates as [{id, name, langs}] (the starter set without --file)',
    async run(args) {
      const { values } = parse(args, { file: { type: 'string' } });
      const templates = load(values.file as string | undefined);
      printJson(templates.map((t) => ({ id: t.id, name: t.name, langs: languagesOf(t) })));
    },
  },
  render: {
    usage: 'templates render [--file FILE] --id ID --lang L [--vars JSON] [--platform P] [--now ISO]',
    summary: 'render one template: {text, missing, lang} (--vars: see below)',
    async run(args) {
      const { values } = parse(args, {
        file: { type: 'string' },
        id: { type: 'string' },
        lang: { type: 'string' },
        vars: { type: 'string' },
        platform: { type: 'string' },
        now: { type: 'string' },
      });
      const { id, lang } = values as Record<string, string | undefined>;
      if (!id) throw new CliError('--id is required');
      if (!lang) throw new CliError('--lang is required (fr, en ...)');
      let rawVars: unknown = {};
      if (values.vars !== undefined) {
        try {
          rawVars = JSON.parse(values.vars as string);
        } catch (err) {
          throw new CliError(`--vars is not valid JSON: ${(err as Error).message}`);
        }
      }
      const vars = renderVars.safeParse(rawVars);
      if (!vars.success)
        throw new CliError(
          `--vars: ${vars.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`,
          vars.error.issues,
        );
      const platform = values.platform === undefined ? undefined : platformId.safeParse(values.platform);
      if (platform && !platform.success) throw new CliError(`--platform must be one of ${platformId.options.join(', ')}`);
      const now = values.now === undefined ? Date.now() : Date.parse(values.now as string);
      if (Number.isNaN(now)) throw new CliError('--now is not a date (e.g. 2026-11-18T10:00:00Z)');
      const templates = load(values.file as string | undefined);
      const found = templates.find((t) => t.id === id);
      if (!found) throw new CliError(`no template with id "${id}"; ids: ${templates.map((t) => t.id).join(', ')}`);
      const result = render(found, { lang, platform: platform?.data, vars: vars.data, now });
      printJson({ text: result.text, missing: result.missing, lang: result.lang });
    },
  },
};

import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { CheckContext } from '../voice/context';
import { createSpellerLoader } from '../voice/dictionaries/index';
import { nodeDictionaries } from '../voice/dictionaries/node';
import { createTaggerLoader } from '../voice/tagger/index';
import { nodeTaggers } from '../voice/tagger/node';
import { check } from '../voice/engine';
import { parsePack, platformId, type VoicePack } from '../voice/pack';
import { builtInPackNames, loadBuiltInPack } from '../voice/packs/index';
import { importVale } from '../voice/vale';
import { CliError, printJson, readStdin, readTextFile, type CommandGroup } from './io';

function loadPack(spec: string): VoicePack {
  const builtIn = loadBuiltInPack(spec);
  if (builtIn) return builtIn;
  if (!existsSync(spec)) throw new CliError(`--pack: "${spec}" is neither a file nor a built-in pack (${builtInPackNames.join(', ')})`);
  const parsed = parsePack(readTextFile(spec));
  if (!parsed.ok) {
    const first = parsed.errors[0]!;
    const where = `${spec}${first.line ? `:${first.line}` : ''}`;
    const path = first.path.length ? ` (${first.path.join('.')})` : '';
    throw new CliError(`${where}: ${first.message}${path}`, parsed.errors);
  }
  return parsed.pack;
}

/** lib/sentiment is built in parallel; the reply's tone is checked when its classifier is there. */
async function loadSentiment(): Promise<CheckContext['sentiment']> {
  const path = '../sentiment/index';
  try {
    const mod = (await import(/* @vite-ignore */ path)) as { classify?: (text: string) => { label: string; score: number } };
    return mod.classify;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND') return undefined;
    throw err;
  }
}

export const commands: CommandGroup = {
  check: {
    usage: 'voice check --pack FILE|fr|en|crisis [--platform P] [--lang L (default: the pack\'s)] [--address vous|tu] [--expert] [--markdown]',
    summary: 'check the reply on stdin against a voice pack; prints {findings}',
    async run(args) {
      const { values } = parseArgs({
        args,
        options: {
          pack: { type: 'string' },
          platform: { type: 'string' },
          lang: { type: 'string' },
          address: { type: 'string' },
          expert: { type: 'boolean', default: false },
          markdown: { type: 'boolean', default: false },
        },
        allowPositionals: false,
      });
      if (!values.pack) throw new CliError('voice check needs --pack FILE or one of ' + builtInPackNames.join(', '));
      const platform = values.platform === undefined ? undefined : platformId.safeParse(values.platform);
      if (platform && !platform.success) throw new CliError(`--platform: unknown platform "${values.platform}"; one of ${platformId.options.join(', ')}`);
      if (values.address !== undefined && values.address !== 'vous' && values.address !== 'tu') throw new CliError('--address: "vous" or "tu"');
      const pack = loadPack(values.pack);
      const text = (await readStdin()).replace(/\r?\n$/, '');
      const findings = check(text, pack, {
        platform: platform?.data,
        // The spelling rules check only a reply whose language is known.
        lang: values.lang ?? pack.lang,
        spellers: await createSpellerLoader(nodeDictionaries)([pack]),
        // Loaded only for a pack that has sequence rules.
        taggers: await createTaggerLoader(nodeTaggers)([pack]),
        address: values.address as 'vous' | 'tu' | undefined,
        mode: values.expert ? 'expert' : 'trainee',
        ...(values.markdown ? { markup: 'markdown' as const } : {}),
        sentiment: await loadSentiment(),
      });
      printJson({ findings });
    },
  },
  'import-vale': {
    usage: 'voice import-vale STYLES_PATH STYLE',
    summary: 'convert a Vale style into a voice pack; prints {pack, unsupported}',
    async run(args) {
      const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
      const [stylesPath, style] = positionals;
      if (!stylesPath || !style) throw new CliError('usage: voice import-vale STYLES_PATH STYLE');
      const dir = join(stylesPath, style);
      if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new CliError(`no style directory ${dir}`);
      const files = readdirSync(dir)
        .filter((f) => /\.ya?ml$/i.test(f))
        .map((f) => ({ path: join(dir, f), yaml: readTextFile(join(dir, f)) }));
      if (!files.length) throw new CliError(`${dir} holds no .yml rule files`);
      const readFile = (path: string) => {
        const p = join(stylesPath, path);
        return existsSync(p) && statSync(p).isFile() ? readTextFile(p) : undefined;
      };
      printJson(importVale(files, style, { readFile }));
    },
  },
};

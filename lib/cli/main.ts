import { CliError, type CommandGroup } from './io';

/** Each group lives in its own module, loaded only when called, so `vigie sentiment` never loads the voice engine. */
/** A group's module: its commands, and lines --help prints under them (the shape of an option's JSON). */
type GroupModule = { commands: CommandGroup; notes?: string[] };

const groups: Record<string, { summary: string; load: () => Promise<GroupModule> }> = {
  sentiment: { summary: 'classify comments and evaluate the model', load: () => import('./sentiment') },
  voice: { summary: 'check a reply against a brand-voice pack, import Vale styles', load: () => import('./voice') },
  templates: { summary: 'list and render reply templates', load: () => import('./templates') },
  crisis: { summary: 'replay a comment stream through the spike detector', load: () => import('./crisis') },
  team: { summary: 'set up a team workspace on CouchDB: init, add-member, remove-member, status', load: () => import('./team') },
  scan: { summary: 'extract comments and composers from a saved platform page', load: () => import('./scan') },
};

async function help(): Promise<string> {
  const lines = ['usage: npm run -s vigie -- <command> [options]', '', 'Every command prints JSON; its summary is the last line.', ''];
  for (const [name, group] of Object.entries(groups)) {
    const { commands, notes = [] } = await group.load().catch((): GroupModule => ({ commands: {} }));
    const entries = Object.values(commands);
    if (entries.length === 0) lines.push(`  ${name}: ${group.summary}`);
    for (const cmd of entries) lines.push(`  ${cmd.usage.padEnd(70)} ${cmd.summary}`);
    for (const note of notes) lines.push(`    ${note}`);
  }
  return lines.join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [groupName, ...rest] = argv;
  if (!groupName || groupName === '--help' || groupName === '-h' || groupName === 'help') {
    process.stdout.write((await help()) + '\n');
    return groupName ? 0 : 2;
  }
  const group = groups[groupName];
  if (!group) throw new CliError(`unknown command "${groupName}"; try --help`);
  const { commands, notes = [] } = await group.load();
  // A group with a single command named after the group (scan) takes its arguments directly.
  const sub = commands[rest[0] ?? ''] ? rest[0]! : commands[groupName] ? groupName : undefined;
  const wantsHelp = rest.includes('--help') || rest.includes('-h');
  if (!sub || wantsHelp) {
    const usage = Object.values(commands).map((c) => `  ${c.usage.padEnd(70)} ${c.summary}`).join('\n');
    if (wantsHelp) {
      process.stdout.write([usage, ...notes.map((n) => `    ${n}`)].join('\n') + '\n');
      return 0;
    }
    throw new CliError(`unknown ${groupName} command "${rest[0] ?? ''}"; one of:\n${usage}`);
  }
  await commands[sub]!.run(sub === groupName && !commands[rest[0] ?? ''] ? rest : rest.slice(1));
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    // node:util parseArgs refuses an unknown or malformed option with an ERR_PARSE_ARGS_* error: a usage error.
    if (err instanceof Error && (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS_')) err = new CliError(err.message);
    if (err instanceof CliError) {
      process.stderr.write(JSON.stringify({ error: err.message, ...(err.details ? { details: err.details } : {}) }) + '\n');
      process.exitCode = 2;
    } else {
      process.stderr.write(`vigie: internal error: ${err instanceof Error ? err.stack : String(err)}\n`);
      process.exitCode = 1;
    }
  },
);

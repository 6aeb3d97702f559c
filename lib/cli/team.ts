/**
 * `vigie team ...`: a lead (with the server admin's login) sets up a workspace and its members.
 * The admin login comes from VIGIE_COUCH_ADMIN / VIGIE_COUCH_PASSWORD or a prompt on a terminal,
 * never from an argument (arguments end up in shell history and `ps`).
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import {
  TeamAdminError,
  addMember,
  initWorkspace,
  removeMember,
  serverUrl,
  workspaceStatus,
  type AdminAuth,
} from '../team/admin';
import { role as roleSchema } from '../team/docs';
import { CliError, printJson, readStdin, type CommandGroup } from './io';

const place = { server: { type: 'string' }, workspace: { type: 'string' } } as const;

function parse<O extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: O, positionals = 0) {
  const parsed = parseArgs({ args, options: { ...place, ...options }, allowPositionals: positionals > 0, strict: true });
  if (parsed.positionals.length !== positionals) throw new CliError(`expected ${positionals} name(s), got ${parsed.positionals.length}`);
  const { server, workspace } = parsed.values as { server?: string; workspace?: string };
  if (!server) throw new CliError('--server URL is required (https://..., or http://127.0.0.1:PORT for a local server)');
  if (!workspace) throw new CliError('--workspace NAME is required');
  return { ...parsed, server, workspace };
}

/** Reads a line from the terminal; hidden input echoes nothing, as passwords should. */
function ask(question: string, hidden: boolean): Promise<string> {
  return new Promise((resolve, reject) => {
    const stdin = process.stdin;
    let value = '';
    process.stderr.write(question);
    const finish = () => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write('\n');
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') {
          finish();
          return resolve(value);
        }
        if (ch === '\u0003') {
          finish();
          return reject(new CliError('cancelled'));
        }
        if (ch === '\u007f' || ch === '\b') {
          if (value && !hidden) process.stderr.write('\b \b');
          value = value.slice(0, -1);
          continue;
        }
        value += ch;
        if (!hidden) process.stderr.write(ch);
      }
    };
    stdin.setRawMode(true);
    stdin.setEncoding('utf8');
    stdin.on('data', onData);
    stdin.resume();
  });
}

async function adminLogin(server: string, stdinTaken = false): Promise<AdminAuth> {
  let user = process.env.VIGIE_COUCH_ADMIN;
  let password = process.env.VIGIE_COUCH_PASSWORD;
  if ((!user || !password) && !stdinTaken && process.stdin.isTTY && process.stderr.isTTY) {
    user ||= await ask(`CouchDB admin for ${server}: `, false);
    password ||= await ask('password: ', true);
  }
  if (!user || !password)
    throw new CliError(
      `the server admin's login comes from VIGIE_COUCH_ADMIN and VIGIE_COUCH_PASSWORD${stdinTaken ? '' : ', or a prompt when run on a terminal'}; it is never an argument`,
    );
  return { server, user, password };
}

/** Server-side refusals are the user's to fix (wrong password, no such workspace): exit 2 with the reason. */
async function admin<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof TeamAdminError) throw new CliError(err.message, err.status === undefined ? undefined : { status: err.status });
    throw err;
  }
}

const server = (raw: string) => admin(async () => serverUrl(raw));

export const commands: CommandGroup = {
  init: {
    usage: 'team init --server URL --workspace NAME',
    summary: 'create the workspace database, its _security and design document (again: bring them up to date)',
    async run(args) {
      const opts = parse(args, {});
      const auth = await adminLogin(await server(opts.server));
      const result = await admin(() => initWorkspace(auth, opts.workspace));
      printJson(result);
    },
  },
  'add-member': {
    usage: 'team add-member NAME --role lead|cm|moderator|trainee [--display "Léa Martin"] [--password-stdin] --server URL --workspace NAME',
    summary: 'create the member\'s login (or change their role) and print the invitation and password to hand over',
    async run(args) {
      const opts = parse(args, { role: { type: 'string' }, display: { type: 'string' }, 'password-stdin': { type: 'boolean' } }, 1);
      const name = opts.positionals[0]!;
      const { role: rawRole, display, 'password-stdin': fromStdin } = opts.values as { role?: string; display?: string; 'password-stdin'?: boolean };
      const role = roleSchema.safeParse(rawRole);
      if (!role.success) throw new CliError(`--role must be one of ${roleSchema.options.join(', ')}`);
      if (display !== undefined && !display.trim()) throw new CliError('--display must not be empty');
      const url = await server(opts.server);
      let password: string | undefined;
      if (fromStdin) {
        password = (await readStdin()).replace(/\r?\n$/, '');
        if (password.length < 8) throw new CliError('--password-stdin: the password read from stdin is shorter than 8 characters');
      }
      const auth = await adminLogin(url, fromStdin);
      const result = await admin(() => addMember(auth, opts.workspace, { name, role: role.data, displayName: display?.trim(), password }));
      const note =
        result.password === null
          ? `${name} already had a login on this server: their password is unchanged; hand them the invitation privately`
          : `hand ${name} the invitation and the password privately, each through a different channel; the password is not shown again`;
      process.stderr.write(note + '\n');
      printJson({ ...result, note });
    },
  },
  'remove-member': {
    usage: 'team remove-member NAME --server URL --workspace NAME',
    summary: 'take the member\'s role in this workspace away (their login stays for other workspaces) and mark them inactive',
    async run(args) {
      const opts = parse(args, {}, 1);
      const auth = await adminLogin(await server(opts.server));
      printJson(await admin(() => removeMember(auth, opts.workspace, opts.positionals[0]!)));
    },
  },
  status: {
    usage: 'team status --server URL --workspace NAME',
    summary: 'check that the server answers, the workspace exists and its design document matches this Vigie; count members',
    async run(args) {
      const opts = parse(args, {});
      const auth = await adminLogin(await server(opts.server));
      const status = await admin(() => workspaceStatus(auth, opts.workspace));
      if (!status.ok) throw new CliError(status.problem!, status);
      printJson(status);
    },
  },
};

import { readFileSync } from 'node:fs';

/** A usage or input error: printed as JSON on stderr, exit code 2, never a stack trace. */
export class CliError extends Error {
  constructor(message: string, readonly details?: unknown) {
    super(message);
  }
}

export interface Command {
  /** One line for `--help`, e.g. `sentiment eval FILE`. */
  usage: string;
  summary: string;
  run(args: string[]): Promise<void>;
}

export type CommandGroup = Record<string, Command>;

export async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) return '';
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export function readTextFile(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    throw new CliError(`cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
}

/** Parses JSON lines, naming the line of the first bad one. Blank lines are skipped. */
export function parseJsonLines(text: string, source: string): { line: number; value: unknown }[] {
  const rows: { line: number; value: unknown }[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!.trim();
    if (!raw) continue;
    try {
      rows.push({ line: i + 1, value: JSON.parse(raw) });
    } catch {
      throw new CliError(`${source}:${i + 1}: not valid JSON`);
    }
  }
  return rows;
}

export function printJson(value: unknown): void {
  process.stdout.write(JSON.stringify(value) + '\n');
}

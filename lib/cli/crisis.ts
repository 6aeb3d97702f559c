import { parseArgs } from 'node:util';
import { z } from 'zod';
import { platformId } from '../platforms/schema';
import { classify } from '../sentiment';
import { CrisisInputError, platformName } from '../crisis/model';
import { createSpikeDetector, type Alert } from '../crisis/spike';
import { CliError, parseJsonLines, printJson, readTextFile, type CommandGroup } from './io';

const replayLine = z.object({
  at: z.iso.datetime({ offset: true }),
  platform: platformName,
  text: z.string().max(20_000),
  keywords: z.array(z.string().min(1).max(100)).max(50).optional(),
});

interface ReplayAlert {
  at: string;
  platform: string;
  keyword?: string;
  reason: string;
  evidence: { at: string; line: number; text: string }[];
}

/**
 * Replays a comment stream through the detector the extension runs. A file with a bad line is refused
 * as a whole: a replay with holes would report a quieter stream than the real one.
 */
export function replay(text: string, source: string, config: unknown = {}): { comments: number; alerts: ReplayAlert[] } {
  const rows = parseJsonLines(text, source);
  const problems: { line: number; reason: string }[] = [];
  const events: { line: number; at: number; value: z.infer<typeof replayLine> }[] = [];
  for (const { line, value } of rows) {
    const parsed = replayLine.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      problems.push({ line, reason: `${issue.path.join('.') || 'line'}: ${issue.message}` });
      continue;
    }
    events.push({ line, at: Date.parse(parsed.data.at), value: parsed.data });
  }
  if (problems.length) {
    const first = problems[0]!;
    throw new CliError(`${source}:${first.line}: ${first.reason} (${problems.length} bad line${problems.length > 1 ? 's' : ''}; nothing replayed)`, {
      badLines: problems.slice(0, 20),
    });
  }
  let detector;
  try {
    detector = createSpikeDetector(config as object);
  } catch (err) {
    if (err instanceof CrisisInputError) throw new CliError(err.message, { issues: err.issues });
    throw err;
  }
  // Exports are not always in order; the stream is replayed in time order, ties in file order.
  events.sort((a, b) => a.at - b.at || a.line - b.line);
  const alerts: Alert[] = [];
  for (const { line, at, value } of events) {
    const { label, risks } = classify(value.text);
    alerts.push(...detector.push({ at, platform: value.platform, label, risks, keywords: value.keywords, id: String(line), text: value.text }));
  }
  return {
    comments: events.length,
    alerts: alerts.map((a) => ({
      at: new Date(a.at).toISOString(),
      platform: a.platform,
      ...(a.keyword !== undefined ? { keyword: a.keyword } : {}),
      reason: a.reason,
      evidence: a.evidence.map((e) => ({ at: new Date(e.at).toISOString(), line: Number(e.id), text: e.text ?? '' })),
    })),
  };
}

export const commands: CommandGroup = {
  replay: {
    usage: 'crisis replay FILE [--config SPIKE_CONFIG.json]',
    summary: 'replay JSON lines {at, platform, text, keywords?} through the spike detector; last line {alerts}',
    async run(args) {
      const { positionals, values } = parseArgs({ args, allowPositionals: true, options: { config: { type: 'string' } } });
      const file = positionals[0];
      if (!file || positionals.length > 1) throw new CliError('usage: crisis replay FILE [--config SPIKE_CONFIG.json]');
      let config: unknown = {};
      if (values.config) {
        try {
          config = JSON.parse(readTextFile(values.config));
        } catch (err) {
          if (err instanceof CliError) throw err;
          throw new CliError(`${values.config}: not valid JSON`);
        }
      }
      const { comments, alerts } = replay(readTextFile(file), file, config);
      printJson({ comments, alertCount: alerts.length });
      printJson({ alerts });
    },
  },
};

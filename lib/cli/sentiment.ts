/**
 * `vigie sentiment classify` and `vigie sentiment eval FILE`.
 *
 * classify: one JSON line {text} in, one line {label, score, confidence, lang, risks} out, in order.
 * A line that is not JSON or has no string `text` gets {line, error} in its place (and a message on
 * stderr); the rest go on, and the command exits with code 2 if any line was bad. Last line: {classified, errors}.
 *
 * eval: lines {text, label[, lang]}. Scores are grouped per language by the line's `lang` field when it
 * has one, else by the detected language. Bad lines are skipped with a message on stderr and counted.
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { classify } from '../sentiment/index';
import { score, type Scores } from '../sentiment/metrics';
import { sentimentLabel, type SentimentLabel } from '../sentiment/types';
import { CliError, printJson, readStdin, readTextFile, type CommandGroup } from './io';

const classifyLine = z.object({ text: z.string() });
const evalLine = z.object({ text: z.string(), label: sentimentLabel, lang: z.string().min(1).optional() });

type Parsed<T> = { line: number; ok: true; value: T } | { line: number; ok: false; error: string };

function parseLines<T>(text: string, schema: z.ZodType<T>): Parsed<T>[] {
  const out: Parsed<T>[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!.trim();
    if (!raw) continue;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      out.push({ line: i + 1, ok: false, error: 'not valid JSON' });
      continue;
    }
    const parsed = schema.safeParse(json);
    if (parsed.success) out.push({ line: i + 1, ok: true, value: parsed.data });
    else {
      const issue = parsed.error.issues[0]!;
      out.push({ line: i + 1, ok: false, error: `${issue.path.join('.') || 'line'}: ${issue.message}` });
    }
  }
  return out;
}

export const commands: CommandGroup = {
  classify: {
    usage: 'sentiment classify < lines.jsonl',
    summary: 'label each JSON line {text}: {label, score, confidence, lang, risks}',
    async run(args) {
      parseArgs({ args, options: {}, allowPositionals: false });
      const rows = parseLines(await readStdin(), classifyLine);
      let errors = 0;
      for (const row of rows) {
        if (row.ok) printJson(classify(row.value.text));
        else {
          errors++;
          printJson({ line: row.line, error: row.error });
          process.stderr.write(`stdin:${row.line}: ${row.error}\n`);
        }
      }
      printJson({ classified: rows.length - errors, errors });
      if (errors) throw new CliError(`${errors} input line(s) were not {text}; see the error objects in the output`);
    },
  },
  eval: {
    usage: 'sentiment eval FILE',
    summary: 'score the model on JSON lines {text, label[, lang]}: macro-F1, macro-recall, accuracy, speed',
    async run(args) {
      const { positionals } = parseArgs({ args, options: {}, allowPositionals: true });
      const file = positionals[0];
      if (!file || positionals.length > 1) throw new CliError('usage: sentiment eval FILE');
      const rows = parseLines(readTextFile(file), evalLine);
      const good = rows.flatMap((r) => (r.ok ? [r.value] : []));
      for (const r of rows) if (!r.ok) process.stderr.write(`${file}:${r.line}: skipped, ${r.error}\n`);
      if (good.length === 0) throw new CliError(`${file}: no line {text, label} to evaluate`);

      // Speed is measured warm, as in a page that has been classifying for a while: model loaded, code compiled.
      for (const r of good.slice(0, 500)) classify(r.text);
      const t0 = performance.now();
      const results = good.map((r) => classify(r.text));
      const seconds = (performance.now() - t0) / 1000;

      const groups = new Map<string, { gold: SentimentLabel[]; predicted: SentimentLabel[] }>();
      good.forEach((r, i) => {
        const lang = r.lang ?? results[i]!.lang;
        const g = groups.get(lang) ?? { gold: [], predicted: [] };
        g.gold.push(r.label);
        g.predicted.push(results[i]!.label);
        groups.set(lang, g);
      });
      const perLanguage: Record<string, Scores> = {};
      for (const [lang, g] of [...groups].sort((a, b) => b[1].gold.length - a[1].gold.length)) perLanguage[lang] = score(g.gold, g.predicted);
      printJson({
        ...score(
          good.map((r) => r.label),
          results.map((r) => r.label),
        ),
        textsPerSecond: Math.round(good.length / Math.max(seconds, 1e-9)),
        perLanguage,
        perLanguageBy: good.some((r) => r.lang) ? 'lang field where present, else detected' : 'detected language',
        skipped: rows.length - good.length,
      });
    },
  },
};

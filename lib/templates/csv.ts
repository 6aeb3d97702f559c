/**
 * RFC 4180 CSV, small enough to read in one sitting (the rules fit a screen; a dependency would
 * bring options we would then have to test). Records end with CRLF or LF; a field holding the
 * delimiter, a quote or a line break is quoted, quotes doubled. Parsing also takes the ";" and tab
 * delimiters French spreadsheets export, read from the header line, and a UTF-8 byte order mark.
 */

export interface CsvRecord {
  /** 1-based record number, the header being 1 and blank lines counted: a spreadsheet's row. */
  row: number;
  /** 1-based line of the file where the record starts (records may span lines). */
  line: number;
  cells: string[];
}

export interface CsvError {
  row: number;
  line: number;
  message: string;
}

export type CsvParse = { ok: true; records: CsvRecord[] } | { ok: false; errors: CsvError[] };

function detectDelimiter(text: string): string {
  const counts = new Map<string, number>([[',', 0], [';', 0], ['\t', 0]]);
  let inQuote = false;
  for (const c of text) {
    if (c === '"') inQuote = !inQuote;
    else if (!inQuote && (c === '\n' || c === '\r')) break;
    else if (!inQuote && counts.has(c)) counts.set(c, counts.get(c)! + 1);
  }
  let best = ',';
  for (const [d, n] of counts) if (n > counts.get(best)!) best = d;
  return best;
}

/** Parses the whole text; every malformed record is reported, none is guessed at. */
export function parseCsv(input: string, delimiter?: string): CsvParse {
  const text = input.startsWith('\ufeff') ? input.slice(1) : input;
  const sep = delimiter ?? detectDelimiter(text);
  const records: CsvRecord[] = [];
  const errors: CsvError[] = [];
  let line = 1;
  let row = 0;
  let i = 0;
  while (i < text.length) {
    row++;
    const start = { row, line };
    const cells: string[] = [];
    let cell = '';
    let error: string | null = null;
    let quotedFrom = 0;
    let atFieldStart = true;
    let quoted = false;
    let afterQuote = false;
    let ended = false;
    while (i < text.length && !ended) {
      const c = text[i]!;
      if (quoted) {
        if (c === '"') {
          if (text[i + 1] === '"') {
            cell += '"';
            i++;
          } else {
            quoted = false;
            afterQuote = true;
          }
        } else {
          if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) line++;
          cell += c;
        }
        i++;
        continue;
      }
      if (c === sep) {
        cells.push(cell);
        cell = '';
        atFieldStart = true;
        afterQuote = false;
      } else if (c === '\r' || c === '\n') {
        if (c === '\r' && text[i + 1] === '\n') i++;
        line++;
        ended = true;
      } else if (error) {
        // Skip the rest of a broken record up to its end.
      } else if (afterQuote) {
        error = `field ${cells.length + 1}: text after a closing quote (a quote inside a field is written "")`;
      } else if (c === '"') {
        if (atFieldStart) {
          quoted = true;
          quotedFrom = line;
          atFieldStart = false;
        } else error = `field ${cells.length + 1}: a quote inside an unquoted field (quote the field and double the quote)`;
      } else {
        cell += c;
        atFieldStart = false;
      }
      i++;
    }
    if (quoted) {
      errors.push({ ...start, message: `a quote opened on line ${quotedFrom} is never closed` });
      break;
    }
    cells.push(cell);
    if (error) errors.push({ ...start, message: error });
    else if (!(cells.length === 1 && cells[0] === '')) records.push({ ...start, cells });
  }
  return errors.length ? { ok: false, errors } : { ok: true, records };
}

function quote(cell: string, sep: string): string {
  return cell.includes(sep) || /["\r\n]/.test(cell) || cell !== cell.trim() ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/**
 * CRLF records as RFC 4180 asks, with a byte order mark: without it, Excel reads UTF-8 as
 * Windows-1252 and every accented letter of a French template comes out garbled.
 */
export function serializeCsv(rows: readonly (readonly string[])[], delimiter = ','): string {
  return '\ufeff' + rows.map((r) => r.map((c) => quote(c, delimiter)).join(delimiter) + '\r\n').join('');
}

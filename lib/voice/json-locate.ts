/** A path into a JSON value, as zod reports it. */
export type JsonPath = (string | number)[];

export type Located =
  | { ok: true; value: unknown; lineOf: (path: JsonPath) => number | undefined }
  | { ok: false; line: number; message: string };

/**
 * Parses JSON text and remembers where each value starts, so a validation error on
 * `rules.3.patterns.0` can name its line. JSON.parse builds the value; this pass only
 * records offsets (and finds the line of a syntax error, which JSON.parse does not give).
 */
export function locateJson(text: string): Located {
  const offsets = new Map<string, number>();
  let i = 0;
  const fail = (message: string): never => {
    throw new LocateError(message, i);
  };
  const ws = () => {
    while (i < text.length && ' \t\r\n'.includes(text[i]!)) i++;
  };
  const str = (): string => {
    const start = i;
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\\') i++;
      else if (text.charCodeAt(i) < 0x20) fail('control character in string');
      i++;
    }
    if (i >= text.length) fail('unterminated string');
    i++;
    try {
      return JSON.parse(text.slice(start, i)) as string;
    } catch {
      i = start;
      return fail('invalid escape in string');
    }
  };
  const value = (path: JsonPath) => {
    ws();
    offsets.set(JSON.stringify(path), i);
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') return void i++;
      for (;;) {
        ws();
        if (text[i] !== '"') fail('expected a property name in double quotes');
        const key = str();
        ws();
        if (text[i] !== ':') fail(`expected ":" after "${key}"`);
        i++;
        value([...path, key]);
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === '}') return void i++;
        else fail('expected "," or "}"');
      }
    } else if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') return void i++;
      for (let n = 0; ; n++) {
        value([...path, n]);
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === ']') return void i++;
        else fail('expected "," or "]"');
      }
    } else if (c === '"') str();
    else {
      const m = /^(?:-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i, i + 400));
      if (!m) fail(c === undefined ? 'unexpected end of JSON' : `unexpected ${JSON.stringify(c)}`);
      i += m![0].length;
    }
  };
  try {
    value([]);
    ws();
    if (i < text.length) fail('unexpected text after the JSON value');
  } catch (err) {
    if (err instanceof LocateError) return { ok: false, line: lineAt(text, err.offset), message: `invalid JSON: ${err.message}` };
    throw err;
  }
  return {
    ok: true,
    value: JSON.parse(text) as unknown,
    lineOf(path) {
      // The deepest recorded ancestor: a missing property is reported on its parent object's line.
      for (let n = path.length; n >= 0; n--) {
        const at = offsets.get(JSON.stringify(path.slice(0, n)));
        if (at !== undefined) return lineAt(text, at);
      }
      return undefined;
    },
  };
}

class LocateError extends Error {
  constructor(message: string, readonly offset: number) {
    super(message);
  }
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let k = 0; k < offset && k < text.length; k++) if (text.charCodeAt(k) === 10) line++;
  return line;
}

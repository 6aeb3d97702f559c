import { describe, expect, it } from 'vitest';
import { check } from '../../../lib/voice/engine';
import { markdownBlocks, maskMarkdown } from '../../../lib/voice/markdown';
import { importVale } from '../../../lib/voice/vale';
import { at, packOf, rule, ruleTable } from './table';

const imported = (yaml: string, opts = {}) => importVale([{ path: 'S/R.yml', yaml }], 'S', opts);
const findings = (yaml: string, text: string, ctx = {}) => check(text, imported(yaml).pack, ctx).map((f) => [f.start, f.end, f.message, f.fixes]);

describe('Vale substitution fidelity', () => {
  it('fills capture references, capitalizes like the match, and quotes the replacement when the message does not', () => {
    const yaml = "extends: substitution\nmessage: \"Use %s instead of '%s'.\"\ncapitalize: true\nignorecase: true\nswap:\n  'change in(?: )?to the (\\w+) directory': change to the $1 directory\n";
    const text = 'Change into the etc directory.';
    expect(findings(yaml, text)).toEqual([[0, 29, "Use 'Change to the etc directory' instead of 'Change into the etc directory'.", ['Change to the etc directory']]]);
  });

  it('tries the longest key first at one place, and names the match without its trailing space', () => {
    const yaml = "extends: substitution\nmessage: Use '%s' instead of '%s'\nignorecase: true\nnonword: true\nswap:\n  MPL: MPL\n  MPL[ -]?2(?:\\.0)?: MPL 2.0\n  '\\b(?:[Vv][Ss]\\s)': versus\n";
    const text = 'mpl 2.0 vs mpl';
    expect(findings(yaml, text).map(([s, e, m]) => [s, e, m])).toEqual([
      [0, 7, "Use 'MPL 2.0' instead of 'mpl 2.0'"],
      [8, 11, "Use 'versus' instead of 'vs'"],
      [11, 14, "Use 'MPL' instead of 'mpl'"],
    ]);
  });
});

describe('Vale regex-valued replacements', () => {
  it('are what right text looks like: text they match is not flagged, and no pattern is offered as a fix', () => {
    const yaml = "extends: substitution\nmessage: Use '%s' instead of '%s'\nswap:\n  '\\*{0,2}(?:Note|Tip):\\*{0,2}': '\\*\\*(?:Note|Tip):\\*\\*'\n  'e-mails?': 'email|emails'\n";
    expect(findings(yaml, 'Note: read. **Tip:** ok. e-mail')).toEqual([
      [0, 5, "Use '\\*\\*(?:Note|Tip):\\*\\*' instead of 'Note:'", []],
      [25, 31, "Use 'email' or 'emails' instead of 'e-mail'", ['email', 'emails']],
    ]);
  });
});

describe('Vale existence and conditional fidelity', () => {
  it('joins raw and tokens into one pattern, raw first (after with append)', () => {
    const yaml = "extends: existence\nmessage: '%s'\nraw:\n  - 'please\\s+'\ntokens:\n  - note\n  - see\n";
    expect(findings(yaml, 'please note, see, please see').map(([s, e]) => [s, e])).toEqual([[0, 11], [18, 28]]);
    const appended = yaml + 'append: true\nnonword: true\n';
    expect(findings(appended.replace("'please\\s+'", "'\\s+please'"), 'note please').map(([s, e]) => [s, e])).toEqual([[0, 11]]);
  });

  it('keys a definition on whichever capture group matched', () => {
    const yaml = "extends: conditional\nmessage: \"'%s' has no definition\"\nfirst: '\\b([A-Z]{3,5})\\b'\nsecond: '([A-Z]{3,5}): (?:\\b[A-Z][a-z]+ )+|(?:\\b[A-Z][a-z]+ )+\\(([A-Z]{3,5})\\)'\n";
    const text = 'The National Basketball Association (NBA) plays. The NFL too.';
    expect(findings(yaml, text)).toEqual([[at(text, 'NFL').start, at(text, 'NFL').end, "'NFL' has no definition", []]]);
  });
});

describe('Vale scopes the engine cannot honour', () => {
  const reason = (scope: string, type = 'existence') => imported(`extends: ${type}\nmessage: m\nscope: ${scope}\ntokens: [x]\nmax: 1\n`).unsupported.map((u) => u.reason);
  it('refuses them with the reason, never running the rule on the whole text', () => {
    expect(reason('paragraph.rst')).toEqual([expect.stringMatching(/^scope "paragraph.rst": .*one markup format \(rst\).*widen/)]);
    expect(reason('~heading', 'conditional')).toEqual([expect.stringMatching(/everything but heading/)]);
    expect(reason('heading', 'metric')).toEqual([expect.stringMatching(/heading elements/)]);
    expect(reason('heading & ~heading.h1', 'occurrence').filter((r) => r.startsWith('scope'))).toEqual([expect.stringMatching(/in a plain reply the rule finds nothing/)]);
    expect(reason('alt')).toEqual([expect.stringMatching(/alt elements/)]);
    expect(reason('paragraph', 'occurrence')).toEqual([expect.stringMatching(/count per paragraph/)]);
    expect(reason('paragraph')).toEqual([]);
    expect(reason('[sentence, raw]')).toEqual([]);
  });

  it('counts an occurrence in each heading, past the 500 matches kept for underlines', () => {
    const { pack } = imported("extends: occurrence\nmessage: Too long.\nscope: heading & ~heading.h1\nmax: 10\ntoken: .\n");
    const md = `# A title longer than ten\n\n${'word '.repeat(120)}\n\n## Short\n\n### Longer \`code\`\n\n### \`code\` then eleven chars\n`;
    // Inline code counts as its characters (Vale reads it as stars); the alert skips blanks and code, as Vale's does.
    expect(check(md, pack, { markup: 'markdown' }).map((f) => md.slice(0, f.start).split('\n').length + ':' + f.match)).toEqual(['7:L', '9:t']);
  });

  it('keeps Markdown block scopes on word rules, with their negations and conjunctions', () => {
    const { pack, unsupported } = imported("extends: existence\nmessage: \"'%s' left in text\"\nscope: ['~blockquote & ~heading', heading.h2]\ntokens: [TODO]\n");
    expect(unsupported).toEqual([]);
    expect(pack.rules[0]).toMatchObject({ blocks: ['~blockquote & ~heading', 'heading.h2'] });
    const md = '# TODO h1\n\n## TODO h2\n\n> TODO quoted\n\nTODO here\n\n- TODO item\n\n| TODO | a |\n|---|---|\n| TODO | b |\n';
    const lines = check(md, pack, { markup: 'markdown' }).map((f) => md.slice(0, f.start).split('\n').length);
    expect(lines).toEqual([3, 7, 9, 11, 13]);
    // A plain reply is one paragraph: not a heading, not a quote.
    expect(check('TODO', pack).map((f) => f.start)).toEqual([0]);
  });
});

describe('Vale styles that are not what Vale accepts', () => {
  it('names the key and the type expected, and keeps the style\'s other rules', () => {
    const { pack, unsupported } = importVale([
      { path: 'S/Bad.yml', yaml: 'extends: existence\nmessage: m\nraw: "not a list"\n' },
      { path: 'S/Swap.yml', yaml: 'extends: substitution\nmessage: m\nswap: [a, b]\n' },
      { path: 'S/Good.yml', yaml: 'extends: existence\nmessage: m\ntokens: [lol]\n' },
    ], 'S');
    expect(unsupported).toEqual([
      { rule: 'S.Bad', reason: '"raw": expected a list of strings' },
      { rule: 'S.Swap', reason: '"swap": expected a mapping of terms to replacements' },
    ]);
    expect(pack.rules.map((r) => r.id)).toEqual(['S.Good']);
  });
});

describe('Vale spelling import', () => {
  it('reads ignore files and custom dictionaries relative to the styles path, keeps filters', () => {
    const files: Record<string, string> = { 'vocab/words.txt': 'Vigie\n# comment\nAcmeCloud\n', 'dicts/team.dic': '2\nfoobar/S\nbazqux\n' };
    const yaml = "extends: spelling\nmessage: \"Did you really mean '%s'?\"\nignore: vocab/words.txt\ndicpath: dicts\ndictionaries: [en_US, team]\nfilters: ['[pP]y.*\\b']\n";
    const { pack, unsupported } = imported(yaml, { readFile: (p: string) => files[p] });
    expect(pack.rules[0]).toMatchObject({ kind: 'spelling', dictionary: 'en', checkNames: true, accept: ['Vigie', 'AcmeCloud', 'foobar', 'bazqux'] });
    expect((pack.rules[0] as { filters: string[] }).filters).toContain('[pP]y.*\\b');
    expect(unsupported).toEqual([{ rule: 'S.R', reason: expect.stringMatching(/dictionary "team": its 2 stems are accepted words/) }]);
    expect(imported(yaml).unsupported.map((u) => u.reason)).toEqual([expect.stringMatching(/ignore file "vocab\/words.txt" not found/), expect.stringMatching(/dictionary "dicts\/team.dic" not found/)]);
  });
});

describe('Markdown', () => {
  it('finds headings (ATX, setext), quotes, list items and tables, not inside code', () => {
    const md = 'Title\n=====\n\n### Three\n\n> quote\nlazy\n\n1. item\n   more\n\n| a | b |\n|---|---|\n| c | d |\n\n```\n# not a heading\n```\n';
    const names = markdownBlocks(md, maskMarkdown(md)).filter((b) => b.names.size).map((b) => [md.slice(b.start, b.end), [...b.names].sort().join(' ')]);
    expect(names).toEqual([
      ['Title', 'heading heading.h1'],
      ['### Three', 'heading heading.h3'],
      ['> quote', 'blockquote paragraph'],
      ['lazy', 'blockquote paragraph'],
      ['1. item', 'list paragraph'],
      ['   more', 'list paragraph'],
      ['| a | b |', 'table table.header'],
      ['|---|---|', 'table table.cell'],
      ['| c | d |', 'table table.cell'],
    ]);
  });

  it("reads a heading's text as Vale does: code as one star per character, links as their text, no emphasis, tags or images", () => {
    const md = '## Use `npm ci` with [the *lock* file](https://x.io/a_(b)) <b>now</b> \\*really\\* ![logo](l.png) ##\nTitle `x`\n===\n';
    const heads = markdownBlocks(md, maskMarkdown(md)).flatMap((b) => (b.heading ? [b.heading] : []));
    expect(heads.map((h) => [h.text, md.slice(h.start, h.end), h.code])).toEqual([
      ['Use ****** with the lock file now *really*', 'Use `npm ci` with [the *lock* file](https://x.io/a_(b)) <b>now</b> \\*really\\* ![logo](l.png)', [{ written: '`npm ci`', length: 6, at: 4 }]],
      ['Title *', 'Title `x`', [{ written: '`x`', length: 1, at: 6 }]],
    ]);
    const [h] = heads;
    expect([...h!.text].map((c, k) => (c === md[h!.at[k]!] || c === '*' ? '' : c)).join('')).toBe('');
  });

  it('blanks code, link targets, URLs, HTML and block markers without moving an offset', () => {
    const md = '# Title\n\nSee [the docs](https://x.io/a_(b)) and `lol code`.\n\n```\nlol\n```\n\n- item <b>lol</b> www.lol.com\n';
    const masked = maskMarkdown(md);
    expect(masked).toHaveLength(md.length);
    expect(masked.replace(/\uE000/g, '_')).toBe('__Title\n\nSee [the docs]____________________ and __________.\n\n___\n___\n___\n\n__item ___lol____ ___________\n');
  });

  const p = packOf([rule({ id: 'ban', kind: 'existence', tokens: ['lol'] }), rule({ id: 'rep', kind: 'repetition' }), rule({ id: 'raw', kind: 'existence', patterns: ['`lol'], nonword: true, raw: true })]);
  ruleTable('markdown: prose only', { kind: 'existence', tokens: ['lol'] }, {
    valid: [{ text: 'Code `lol` and [link](https://lol.fr) and https://lol.fr.', ctx: { markup: 'markdown' } }],
    invalid: [{ text: '`x` lol', ctx: { markup: 'markdown' }, expected: [{ start: 4, end: 7 }] }, { text: 'Code `lol`.', expected: [{ start: 6, end: 9 }] }],
  });
  it('no repetition across code, rules marked raw read the source', () => {
    const found = check('the `x` the `lol`', p, { markup: 'markdown' });
    expect(found.map((f) => [f.ruleId, f.start, f.end])).toEqual([['raw', 12, 16]]);
  });
});

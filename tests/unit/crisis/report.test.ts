import { describe, expect, it } from 'vitest';
import { openIncident, setStatus, tickChecklist, type TimelineEntry } from '../../../lib/crisis/model';
import { defaultPlaybook } from '../../../lib/crisis/playbooks';
import { escapeMarkdown, incidentBundle, incidentToJson, incidentToMarkdown, summarizeIncident, type IncidentBundle, type ReportComment } from '../../../lib/crisis/report';

const hostile = [
  '<img src=x onerror=alert(1)> <script>fetch("//evil")</script>',
  '[cliquez ici](javascript:alert(1)) ![pixel](https://evil.example/p.png)',
  '**gras** _it_ `code` ~~barré~~ https://evil.example/phish www.evil.example a@evil.example',
  '| cellule | volée |',
  '# Titre injecté',
  '- [x] fausse tâche',
  '&lt;déjà échappé&gt; \\*',
].join('\n');

const t0 = Date.parse('2026-11-14T14:00:00Z');
const at = (min: number) => new Date(t0 + min * 60_000).toISOString();

function bundle(): IncidentBundle {
  const opened = openIncident(
    { platform: 'x', permalink: 'https://x.com/a/status/1', severity: 3, category: 'product-safety', title: 'Chargeur <img src=x onerror=alert(1)> [x](javascript:alert(1)) # **pris feu**', by: 'camille', lang: 'fr' },
    defaultPlaybook,
    new Date(t0),
    () => 'inc-1',
  );
  let inc = tickChecklist(opened.incident, 'assign-roles', true, new Date(t0 + 5 * 60_000), 'camille').incident;
  inc = setStatus(inc, 'resolved', new Date(t0 + 26 * 3600_000)).incident;
  const timeline: TimelineEntry[] = [...opened.timeline, { incidentId: 'inc-1', at: at(3), kind: 'note', text: hostile }];
  const comment = (id: string, min: number, label: ReportComment['sentiment']['label'], replied?: number, extra: Partial<ReportComment> = {}): ReportComment => ({
    id,
    platform: 'x',
    author: { name: 'Client', handle: '@client' },
    text: 'Le chargeur a pris feu',
    permalink: `https://x.com/client/status/${id}`,
    sentiment: { label, score: label === 'negative' ? -0.8 : 0 },
    firstSeenAt: at(min),
    ...(replied !== undefined ? { repliedAt: at(min + replied) } : {}),
    ...extra,
  });
  const comments = [
    comment('1', 0, 'negative', 10),
    comment('2', 5, 'negative', 30),
    comment('3', 20, 'neutral', 4),
    comment('4', 70, 'negative'),
    comment('5', 130, 'positive', 90),
    comment('6', 140, 'negative', undefined, { text: hostile, author: { name: '<b>Mallory</b>](x)', handle: '@everyone' }, permalink: 'javascript:alert(1)' }),
    comment('7', 150, 'negative', undefined, { permalink: 'https://x.com/a/status/7?q=)(<x>' }),
  ];
  const clips = [
    {
      id: 'clip-1',
      incidentId: 'inc-1',
      url: 'https://news.example/article',
      title: `Article ${hostile}`,
      byline: 'Jeanne [Journaliste](https://evil.example)',
      publishedAt: '2026-11-14',
      excerpt: hostile,
      text: 'texte complet',
      capturedAt: at(60),
    },
  ];
  return incidentBundle.parse({ incident: inc, timeline, comments, clips });
}

describe('report summary', () => {
  it('computes response times, sentiment buckets and checklist state', () => {
    const s = summarizeIncident(bundle());
    expect(s.responseTimes).toEqual({ answered: 4, unanswered: 3, medianMinutes: 20, maxMinutes: 90 });
    expect(s.checklist).toEqual({ done: 1, total: 9 });
    expect(s.sentimentOverTime.bucketMinutes).toBe(15);
    const counts = s.sentimentOverTime.buckets.map((b) => [b.start.slice(11, 16), b.negative, b.neutral, b.positive]);
    expect(counts[0]).toEqual(['14:00', 2, 0, 0]);
    expect(counts[1]).toEqual(['14:15', 0, 1, 0]);
    expect(counts.at(-1)).toEqual(['16:30', 1, 0, 0]);
    expect(counts.reduce((n, c) => n + (c[1] as number) + (c[2] as number) + (c[3] as number), 0)).toBe(7);
  });

  it('uses coarser buckets for a long incident, never more than 24', () => {
    const b = bundle();
    b.comments.push({ ...b.comments[0]!, id: 'late', firstSeenAt: '2026-11-25T10:00:00.000Z' });
    const s = summarizeIncident(b).sentimentOverTime;
    expect(s.bucketMinutes).toBe(1440);
    expect(s.buckets.length).toBeLessThanOrEqual(24);
  });
});

describe('Markdown report', () => {
  const md = incidentToMarkdown(bundle(), 'fr');

  it('holds the sections a post-mortem needs', () => {
    expect(md).toMatch(/^# Incident: Chargeur /);
    expect(md).toContain('- **Gravité**: 3 (Grave)');
    expect(md).toContain('## Plan d’action (1/9)');
    expect(md).toMatch(/- \[x\] Attribuer les rôles: 2026-11-14 14:05 UTC, camille/);
    expect(md).toContain('- [ ] Publier une déclaration d’attente');
    expect(md).toContain('- **Durée**: 26 h 00');
    expect(md).toContain('| 2026-11-14 14:00 UTC | 2 | 0 | 0 |');
    expect(md).toContain('- Sans réponse: 3');
    expect(md).toContain('- Délai médian: 20 min');
    expect(md).toContain('[lien](https://x.com/client/status/1)');
    expect(incidentToMarkdown(bundle(), 'en')).toContain('## Response times');
  });

  it('lets nothing from a comment, a note or an article become markup, HTML or a link', () => {
    // No HTML survives anywhere: the report's own template has no angle brackets.
    expect(md).not.toMatch(/</);
    // The only live links are the report's own: one per linked comment with an http(s) permalink, one per clip.
    const links = md.match(/(?<!\\)\]\((?<!\\)[^)]*\)/g) ?? [];
    expect(links).toEqual([
      '](https://x.com/client/status/1)',
      '](https://x.com/client/status/2)',
      '](https://x.com/client/status/3)',
      '](https://x.com/client/status/4)',
      '](https://x.com/client/status/5)',
      '](https://x.com/a/status/7?q=%29%28%3Cx%3E)',
      '](https://news.example/article)',
    ]);
    expect(md).not.toContain('javascript:alert');
    expect(md).not.toMatch(/(?<!\\)https:\/\/evil/);
    expect(md).not.toMatch(/(?<!\\)www\.evil/);
    expect(md).not.toMatch(/(?<!\\)\*\*gras/);
    // Injected lines never start a heading, list item or table of their own.
    const lines = md.split('\n');
    expect(lines.filter((l) => /^#+ Titre injecté/.test(l))).toEqual([]);
    expect(lines.filter((l) => /^\| cellule/.test(l))).toEqual([]);
    expect(lines.filter((l) => /^- \[x\] fausse/.test(l))).toEqual([]);
    // A table row with hostile text keeps exactly its four cell separators.
    const noteRow = lines.find((l) => l.includes('| note |'))!;
    expect(noteRow.match(/(?<!\\)\|/g)).toHaveLength(4);
    // Text stays readable once rendered: entities for HTML, backslashes for punctuation.
    expect(md).toContain('&lt;img src\\=x onerror\\=alert\\(1\\)&gt;');
    expect(md).toContain('&amp;lt;déjà échappé&amp;gt; \\\\\\*');
  });

  it.each([
    ['[a](b)', '\\[a\\]\\(b\\)'],
    ['<b>', '&lt;b&gt;'],
    ['a\n# b', 'a \\# b'],
    ['https://x.y', 'https\\:/ /x\\.y'.replace(' ', '')],
    ['plain words, accents é', 'plain words, accents é'],
  ])('escapeMarkdown(%j) = %j', (input, expected) => {
    expect(escapeMarkdown(input)).toBe(expected);
  });
});

describe('JSON report', () => {
  it('round-trips the bundle with its summary, timeline in time order', () => {
    const b = bundle();
    const json = JSON.parse(incidentToJson(b));
    expect(json.format).toBe('vigie-incident-report');
    expect(incidentBundle.parse(json)).toEqual({ ...b, timeline: [...b.timeline].sort((x, y) => x.at.localeCompare(y.at)) });
    expect(json.summary.responseTimes.unanswered).toBe(3);
    expect(json.comments[5].text).toBe(hostile);
  });
});

import { z } from 'zod';
import { sentimentLabel } from '../sentiment/types';
import { categoryNames, clip, incident, severityDefinitions, timelineEntry, type Lang, type TimelineKind } from './model';

/** A linked comment as the report needs it: text, author and sentiment as they were when captured. */
export const reportComment = z.object({
  id: z.string(),
  platform: z.string(),
  author: z.object({ name: z.string(), handle: z.string().optional() }),
  text: z.string(),
  permalink: z.string().optional(),
  sentiment: z.object({ label: sentimentLabel, score: z.number() }),
  firstSeenAt: z.iso.datetime({ offset: true }),
  repliedAt: z.iso.datetime({ offset: true }).optional(),
});
export type ReportComment = z.infer<typeof reportComment>;

export const incidentBundle = z.object({
  incident,
  timeline: z.array(timelineEntry),
  comments: z.array(reportComment),
  clips: z.array(clip),
});
export type IncidentBundle = z.infer<typeof incidentBundle>;

export interface SentimentBucket {
  start: string;
  negative: number;
  neutral: number;
  positive: number;
}

export interface IncidentSummary {
  sentimentOverTime: { bucketMinutes: number; buckets: SentimentBucket[] };
  responseTimes: { answered: number; unanswered: number; medianMinutes: number | null; maxMinutes: number | null };
  checklist: { done: number; total: number };
}

const MIN = 60_000;
const BUCKET_SIZES = [15, 60, 6 * 60, 24 * 60];
const MAX_BUCKETS = 24;

/** Counts per label in at most 24 buckets of a round size (15 min, 1 h, 6 h, 1 day, or whole days beyond). */
function sentimentOverTime(comments: ReportComment[]): IncidentSummary['sentimentOverTime'] {
  if (!comments.length) return { bucketMinutes: 15, buckets: [] };
  const times = comments.map((c) => Date.parse(c.firstSeenAt));
  const first = Math.min(...times);
  const last = Math.max(...times);
  const span = (last - first) / MIN;
  const minutes = BUCKET_SIZES.find((m) => Math.floor(span / m) + 1 <= MAX_BUCKETS) ?? Math.ceil(span / (MAX_BUCKETS - 1) / 1440) * 1440;
  const size = minutes * MIN;
  const origin = Math.floor(first / size) * size;
  const count = Math.floor((last - origin) / size) + 1;
  const buckets: SentimentBucket[] = Array.from({ length: count }, (_, k) => ({
    start: new Date(origin + k * size).toISOString(),
    negative: 0,
    neutral: 0,
    positive: 0,
  }));
  comments.forEach((c, k) => buckets[Math.floor((times[k]! - origin) / size)]![c.sentiment.label]++);
  return { bucketMinutes: minutes, buckets };
}

function responseTimes(comments: ReportComment[]): IncidentSummary['responseTimes'] {
  const waits = comments
    .filter((c) => c.repliedAt)
    .map((c) => Math.max(0, (Date.parse(c.repliedAt!) - Date.parse(c.firstSeenAt)) / MIN))
    .sort((a, b) => a - b);
  const mid = waits.length >> 1;
  const median = waits.length === 0 ? null : waits.length % 2 ? waits[mid]! : (waits[mid - 1]! + waits[mid]!) / 2;
  const round = (x: number | null) => (x === null ? null : Math.round(x * 10) / 10);
  return { answered: waits.length, unanswered: comments.length - waits.length, medianMinutes: round(median), maxMinutes: round(waits.at(-1) ?? null) };
}

export function summarizeIncident(bundle: IncidentBundle): IncidentSummary {
  return {
    sentimentOverTime: sentimentOverTime(bundle.comments),
    responseTimes: responseTimes(bundle.comments),
    checklist: { done: bundle.incident.checklist.filter((c) => c.done).length, total: bundle.incident.checklist.length },
  };
}

/** The report as data: what the printable page renders and what a team archives. */
export function incidentToJson(bundle: IncidentBundle): string {
  const timeline = [...bundle.timeline].sort((a, b) => a.at.localeCompare(b.at));
  return JSON.stringify({ format: 'vigie-incident-report', version: 1, ...bundle, timeline, summary: summarizeIncident(bundle) }, null, 2);
}

/**
 * Page text as inert Markdown: every ASCII punctuation that Markdown or GFM reads is backslashed
 * (so no emphasis, link, image, heading, table cell or autolink can form, `:` included), HTML is
 * entity-escaped, and line breaks become spaces so a comment cannot start a block of its own.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_{}[\]()#+\-.!|~:=$"'^]/g, '\\$&')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A link target that stays one: http(s) only, with the characters that could close or break it encoded. */
function safeUrl(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  try {
    const u = new URL(raw);
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return undefined;
    return u.href.replace(/[()<>[\]"' `\\]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0'));
  } catch {
    return undefined;
  }
}

const utc = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;

function duration(minutes: number, lang: Lang): string {
  if (minutes < 60) return `${Math.round(minutes)} min`;
  const h = Math.floor(minutes / 60);
  const m = Math.round(minutes % 60);
  if (h < 48) return `${h} h ${String(m).padStart(2, '0')}`;
  const d = Math.round(h / 24);
  return lang === 'fr' ? `${d} j` : `${d} d`;
}

const words = {
  fr: {
    incident: 'Incident',
    severity: 'Gravité',
    category: 'Catégorie',
    status: 'Statut',
    owner: 'Responsable',
    roles: 'Rôles',
    opened: 'Ouvert',
    resolved: 'Résolu',
    duration: 'Durée',
    checklist: 'Plan d’action',
    timeline: 'Chronologie',
    time: 'Heure',
    event: 'Événement',
    detail: 'Détail',
    sentiment: 'Sentiment dans le temps',
    from: 'À partir de',
    negative: 'Négatif',
    neutral: 'Neutre',
    positive: 'Positif',
    response: 'Délais de réponse',
    answered: 'Commentaires répondus',
    unanswered: 'Sans réponse',
    median: 'Délai médian',
    max: 'Délai maximal',
    evidence: 'Commentaires liés',
    link: 'lien',
    clips: 'Articles',
    by: 'par',
    captured: 'capturé le',
    none: 'aucun',
    statuses: { open: 'ouvert', monitoring: 'sous surveillance', resolved: 'résolu' },
    kinds: {
      created: 'création',
      escalation: 'escalade',
      'comment-linked': 'commentaire lié',
      status: 'statut',
      severity: 'gravité',
      checklist: 'plan',
      note: 'note',
      clip: 'article',
      alert: 'alerte',
      webhook: 'notification',
    } satisfies Record<TimelineKind, string>,
  },
  en: {
    incident: 'Incident',
    severity: 'Severity',
    category: 'Category',
    status: 'Status',
    owner: 'Owner',
    roles: 'Roles',
    opened: 'Opened',
    resolved: 'Resolved',
    duration: 'Duration',
    checklist: 'Checklist',
    timeline: 'Timeline',
    time: 'Time',
    event: 'Event',
    detail: 'Detail',
    sentiment: 'Sentiment over time',
    from: 'From',
    negative: 'Negative',
    neutral: 'Neutral',
    positive: 'Positive',
    response: 'Response times',
    answered: 'Answered comments',
    unanswered: 'Unanswered',
    median: 'Median wait',
    max: 'Longest wait',
    evidence: 'Linked comments',
    link: 'link',
    clips: 'Articles',
    by: 'by',
    captured: 'captured',
    none: 'none',
    statuses: { open: 'open', monitoring: 'monitoring', resolved: 'resolved' },
    kinds: {
      created: 'created',
      escalation: 'escalation',
      'comment-linked': 'comment linked',
      status: 'status',
      severity: 'severity',
      checklist: 'checklist',
      note: 'note',
      clip: 'article',
      alert: 'alert',
      webhook: 'notification',
    } satisfies Record<TimelineKind, string>,
  },
};

/** The incident as Markdown for a wiki or an e-mail; everything that came from a page or a person is escaped. */
export function incidentToMarkdown(bundle: IncidentBundle, lang: Lang = 'fr'): string {
  const w = words[lang];
  const e = escapeMarkdown;
  const { incident: inc } = bundle;
  const summary = summarizeIncident(bundle);
  const out: string[] = [];
  const sev = severityDefinitions[inc.severity][lang];

  out.push(`# ${w.incident}: ${e(inc.title)}`, '');
  out.push(`- **${w.severity}**: ${inc.severity} (${e(sev.name)}): ${e(sev.definition)}`);
  out.push(`- **${w.category}**: ${e(categoryNames[inc.category][lang])}`);
  out.push(`- **${w.status}**: ${w.statuses[inc.status]}`);
  if (inc.owner) out.push(`- **${w.owner}**: ${e(inc.owner)}`);
  if (inc.roles.length) out.push(`- **${w.roles}**: ${inc.roles.map((r) => `${e(r.role)}: ${e(r.person)}`).join(', ')}`);
  out.push(`- **${w.opened}**: ${utc(inc.createdAt)}`);
  if (inc.resolvedAt) {
    out.push(`- **${w.resolved}**: ${utc(inc.resolvedAt)}`);
    out.push(`- **${w.duration}**: ${duration((Date.parse(inc.resolvedAt) - Date.parse(inc.createdAt)) / MIN, lang)}`);
  }

  out.push('', `## ${w.checklist} (${summary.checklist.done}/${summary.checklist.total})`, '');
  for (const c of inc.checklist) {
    const when = c.done && c.doneAt ? `: ${utc(c.doneAt)}${c.doneBy ? `, ${e(c.doneBy)}` : ''}` : '';
    out.push(`- [${c.done ? 'x' : ' '}] ${e(c.text)}${when}`);
  }

  out.push('', `## ${w.timeline}`, '', `| ${w.time} | ${w.event} | ${w.detail} |`, '|---|---|---|');
  for (const t of [...bundle.timeline].sort((a, b) => a.at.localeCompare(b.at))) {
    out.push(`| ${utc(t.at)} | ${w.kinds[t.kind]} | ${e(t.text) || ' '} |`);
  }

  out.push('', `## ${w.sentiment}`, '');
  if (summary.sentimentOverTime.buckets.length) {
    out.push(`| ${w.from} | ${w.negative} | ${w.neutral} | ${w.positive} |`, '|---|---:|---:|---:|');
    for (const b of summary.sentimentOverTime.buckets) out.push(`| ${utc(b.start)} | ${b.negative} | ${b.neutral} | ${b.positive} |`);
  } else {
    out.push(`_${w.none}_`);
  }

  const r = summary.responseTimes;
  out.push('', `## ${w.response}`, '');
  out.push(`- ${w.answered}: ${r.answered}`);
  out.push(`- ${w.unanswered}: ${r.unanswered}`);
  if (r.medianMinutes !== null) out.push(`- ${w.median}: ${duration(r.medianMinutes, lang)}`);
  if (r.maxMinutes !== null) out.push(`- ${w.max}: ${duration(r.maxMinutes, lang)}`);

  out.push('', `## ${w.evidence} (${bundle.comments.length})`);
  for (const c of [...bundle.comments].sort((a, b) => a.firstSeenAt.localeCompare(b.firstSeenAt))) {
    const who = `${e(c.author.name)}${c.author.handle ? ` (${e(c.author.handle)})` : ''}`;
    const label = w[c.sentiment.label];
    const link = safeUrl(c.permalink);
    out.push('', `### ${e(c.platform)} · ${who} · ${utc(c.firstSeenAt)} · ${label}`, '', `> ${e(c.text)}`);
    if (link) out.push('', `[${w.link}](${link})`);
  }

  if (bundle.clips.length) {
    out.push('', `## ${w.clips} (${bundle.clips.length})`);
    for (const k of bundle.clips) {
      const link = safeUrl(k.url);
      const meta = [k.byline ? `${w.by} ${e(k.byline)}` : '', k.publishedAt ? e(k.publishedAt) : '', `${w.captured} ${utc(k.capturedAt)}`].filter(Boolean).join(' · ');
      out.push('', `### ${e(k.title)}`, '', meta);
      if (link) out.push('', `[${w.link}](${link})`);
      if (k.excerpt) out.push('', `> ${e(k.excerpt)}`);
    }
  }
  return out.join('\n') + '\n';
}

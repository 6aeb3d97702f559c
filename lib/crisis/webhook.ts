import { z } from 'zod';
import { categoryNames, severityDefinitions, type Incident, type Lang } from './model';
import type { Alert } from './spike';

export const webhookKind = z.enum(['slack', 'teams', 'mattermost', 'generic']);
export type WebhookKind = z.infer<typeof webhookKind>;

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** https only: a webhook URL is a secret and the messages describe an incident. Plain http is for local tests. */
export const webhookUrl = z
  .string()
  .max(2_000)
  .refine(
    (raw) => {
      try {
        const u = new URL(raw);
        return u.protocol === 'https:' || (u.protocol === 'http:' && LOCAL_HOSTS.has(u.hostname));
      } catch {
        return false;
      }
    },
    { message: 'must be an https:// URL (http:// only for localhost)' },
  );

export const webhookConfig = z.object({
  kind: webhookKind,
  url: webhookUrl,
  enabled: z.boolean().default(true),
});
export type WebhookConfig = z.output<typeof webhookConfig>;

/** The match pattern to request as an optional host permission before the first delivery. */
export function originPattern(url: string): string {
  const u = new URL(url);
  return `${u.protocol}//${u.hostname}/*`;
}

/** Only what a team channel needs from an alert; evidence texts are page text, escaped per target. */
export type AlertSummary = Pick<Alert, 'at' | 'platform' | 'keyword' | 'reason'> & { evidence: { text?: string; id?: string }[] };

export type WebhookEvent =
  | { type: 'incident-opened' | 'incident-updated' | 'incident-resolved'; incident: Incident; note?: string; link?: string }
  | { type: 'spike-alert'; alert: AlertSummary; link?: string };

const headings: Record<WebhookEvent['type'], Record<Lang, string>> = {
  'incident-opened': { fr: 'Incident ouvert', en: 'Incident opened' },
  'incident-updated': { fr: 'Incident mis à jour', en: 'Incident updated' },
  'incident-resolved': { fr: 'Incident résolu', en: 'Incident resolved' },
  'spike-alert': { fr: 'Pic de commentaires négatifs', en: 'Spike in negative comments' },
};

const labels = {
  severity: { fr: 'Gravité', en: 'Severity' },
  category: { fr: 'Catégorie', en: 'Category' },
  status: { fr: 'Statut', en: 'Status' },
  owner: { fr: 'Responsable', en: 'Owner' },
  checklist: { fr: 'Plan', en: 'Checklist' },
  platform: { fr: 'Plateforme', en: 'Platform' },
  keyword: { fr: 'Mot-clé', en: 'Keyword' },
  open: { fr: 'Ouvrir', en: 'Open' },
  evidence: { fr: 'Exemples', en: 'Examples' },
};

const statusNames: Record<Incident['status'], Record<Lang, string>> = {
  open: { fr: 'ouvert', en: 'open' },
  monitoring: { fr: 'sous surveillance', en: 'monitoring' },
  resolved: { fr: 'résolu', en: 'resolved' },
};

interface Message {
  heading: string;
  title: string;
  facts: { title: string; value: string }[];
  /** Untrusted lines (page text, notes): escaped by each target. */
  lines: string[];
  link?: string;
  color: string;
}

const EVIDENCE_IN_MESSAGE = 3;
const clip = (s: string, n: number) => (s.length > n ? s.slice(0, n - 1) + '…' : s);
const safeLink = (link?: string) => (link && /^https:\/\//.test(link) ? link : undefined);

function message(event: WebhookEvent, lang: Lang): Message {
  const heading = headings[event.type][lang];
  if (event.type === 'spike-alert') {
    const a = event.alert;
    const facts = [{ title: labels.platform[lang], value: a.platform }];
    if (a.keyword) facts.push({ title: labels.keyword[lang], value: a.keyword });
    const examples = a.evidence.filter((e) => e.text).slice(-EVIDENCE_IN_MESSAGE);
    return {
      heading,
      title: a.reason,
      facts,
      lines: examples.map((e) => `“${clip(e.text!.replace(/\s+/g, ' '), 200)}”`),
      ...(safeLink(event.link) ? { link: event.link } : {}),
      color: '#d9480f',
    };
  }
  const i = event.incident;
  const done = i.checklist.filter((c) => c.done).length;
  const facts = [
    { title: labels.severity[lang], value: `${i.severity} · ${severityDefinitions[i.severity][lang].name}` },
    { title: labels.category[lang], value: categoryNames[i.category][lang] },
    { title: labels.status[lang], value: statusNames[i.status][lang] },
    { title: labels.checklist[lang], value: `${done}/${i.checklist.length}` },
  ];
  if (i.owner) facts.push({ title: labels.owner[lang], value: i.owner });
  return {
    heading,
    title: i.title,
    facts,
    lines: event.note ? [clip(event.note, 1_000)] : [],
    ...(safeLink(event.link) ? { link: event.link } : {}),
    color: i.status === 'resolved' ? '#2f9e44' : i.severity >= 3 ? '#c92a2a' : '#e8590c',
  };
}

/** Slack mrkdwn: &, < and > are the only control characters; escaping them disarms links and <!channel>. */
export const escapeSlack = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Markdown targets (Mattermost, Teams): backslash the markup, break @mentions so page text never pings a channel. */
export const escapeChatMarkdown = (s: string) =>
  s
    .replace(/[\\`*_{}[\]()#+\-.!|~>]/g, '\\$&')
    .replace(/</g, '&lt;')
    .replace(/@/g, '@\u200b');

function slack(m: Message): unknown {
  const fallback = `${m.heading}: ${m.title}`;
  const blocks: unknown[] = [
    { type: 'header', text: { type: 'plain_text', text: clip(m.heading, 150), emoji: true } },
    {
      type: 'section',
      text: { type: 'mrkdwn', text: `*${escapeSlack(clip(m.title, 300))}*` },
      fields: m.facts.map((f) => ({ type: 'mrkdwn', text: `*${escapeSlack(f.title)}*\n${escapeSlack(f.value)}` })),
    },
  ];
  if (m.lines.length) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: m.lines.map((l) => `> ${escapeSlack(l)}`).join('\n') } });
  if (m.link) blocks.push({ type: 'actions', elements: [{ type: 'button', text: { type: 'plain_text', text: 'Vigie' }, url: m.link }] });
  return { text: escapeSlack(fallback), blocks };
}

function mattermost(m: Message): unknown {
  return {
    text: `#### ${escapeChatMarkdown(m.heading)}`,
    attachments: [
      {
        fallback: `${m.heading}: ${m.title}`.replace(/@/g, '@\u200b'),
        color: m.color,
        title: escapeChatMarkdown(clip(m.title, 300)),
        ...(m.link ? { title_link: m.link } : {}),
        text: m.lines.map((l) => `> ${escapeChatMarkdown(l)}`).join('\n'),
        fields: m.facts.map((f) => ({ short: true, title: escapeChatMarkdown(f.title), value: escapeChatMarkdown(f.value) })),
      },
    ],
  };
}

/** Teams incoming webhooks (Workflows) take an Adaptive Card wrapped in a message. */
function teams(m: Message, lang: Lang): unknown {
  const body: unknown[] = [
    { type: 'TextBlock', text: escapeChatMarkdown(m.heading), weight: 'Bolder', size: 'Medium', wrap: true },
    { type: 'TextBlock', text: escapeChatMarkdown(clip(m.title, 300)), wrap: true },
    { type: 'FactSet', facts: m.facts.map((f) => ({ title: escapeChatMarkdown(f.title), value: escapeChatMarkdown(f.value) })) },
    ...m.lines.map((l) => ({ type: 'TextBlock', text: escapeChatMarkdown(l), wrap: true, isSubtle: true })),
  ];
  return {
    type: 'message',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        contentUrl: null,
        content: {
          $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
          type: 'AdaptiveCard',
          version: '1.4',
          body,
          ...(m.link ? { actions: [{ type: 'Action.OpenUrl', title: labels.open[lang], url: m.link }] } : {}),
        },
      },
    ],
  };
}

/** Generic JSON: the raw event for the receiver's own tooling, which owns its escaping. */
function generic(event: WebhookEvent): unknown {
  if (event.type === 'spike-alert') {
    const a = event.alert;
    return {
      source: 'vigie',
      version: 1,
      type: event.type,
      alert: { at: new Date(a.at).toISOString(), platform: a.platform, ...(a.keyword ? { keyword: a.keyword } : {}), reason: a.reason, evidence: a.evidence },
      ...(event.link ? { link: event.link } : {}),
    };
  }
  return { source: 'vigie', version: 1, ...event };
}

export function buildPayload(kind: WebhookKind, event: WebhookEvent, lang: Lang = 'fr'): unknown {
  if (kind === 'generic') return generic(event);
  const m = message(event, lang);
  if (kind === 'slack') return slack(m);
  if (kind === 'mattermost') return mattermost(m);
  return teams(m, lang);
}

export interface DeliveryResult {
  ok: boolean;
  status?: number;
  error?: string;
  /** From a Retry-After header in seconds (429, 503). */
  retryAfterMs?: number;
}

export const retryPolicy = z.object({
  maxAttempts: z.number().int().min(1).max(20).default(6),
  /** 30 s: the shortest delay a Chrome alarm can wait, so the background can schedule every retry. */
  baseDelayMs: z.number().int().min(0).default(30_000),
  maxDelayMs: z.number().int().min(0).default(30 * 60_000),
  /** ± this fraction, so several browsers retrying the same webhook do not hit it in step. */
  jitter: z.number().min(0).max(1).default(0.2),
});
export type RetryPolicy = z.output<typeof retryPolicy>;
export const defaultRetryPolicy: RetryPolicy = retryPolicy.parse({});

/** FNV-1a to [0, 1): the same delivery id and attempt always give the same jitter, in tests and after a restart. */
function unitHash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return (h >>> 0) / 4294967296;
}

/** 4xx other than timeout and rate limit mean the webhook is wrong or revoked: retrying will not help. */
function permanent(status: number | undefined): boolean {
  return status !== undefined && status >= 400 && status < 500 && status !== 408 && status !== 425 && status !== 429;
}

/**
 * Delay before the next attempt after `attempts` attempts, the last one ending in `last`; null when
 * there is nothing more to do (delivered, permanent failure, or out of attempts).
 */
export function nextAttempt(attempts: number, last: DeliveryResult, opts: { seed?: string; policy?: RetryPolicy } = {}): number | null {
  const policy = opts.policy ?? defaultRetryPolicy;
  if (last.ok || permanent(last.status) || attempts >= policy.maxAttempts) return null;
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempts - 1));
  const factor = 1 - policy.jitter + 2 * policy.jitter * unitHash(`${opts.seed ?? ''}:${attempts}`);
  const delay = Math.round(exponential * factor);
  return Math.min(policy.maxDelayMs, Math.max(delay, last.retryAfterMs ?? 0));
}

/** The part of fetch that deliver() uses: the background passes the real fetch, tests a local server's. */
export type FetchLike = (
  url: string,
  init: { method: 'POST'; headers: Record<string, string>; body: string; signal: AbortSignal; redirect: 'error' },
) => Promise<{ ok: boolean; status: number; headers: { get(name: string): string | null }; text(): Promise<string> }>;

/** One delivery attempt. Never throws: every failure comes back as `{ok: false, error}` for the timeline. */
export async function deliver(fetchFn: FetchLike, config: WebhookConfig, payload: unknown, opts: { timeoutMs?: number } = {}): Promise<DeliveryResult> {
  const parsed = webhookConfig.safeParse(config);
  if (!parsed.success) return { ok: false, error: `invalid webhook: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}` };
  if (!parsed.data.enabled) return { ok: false, error: 'webhook disabled' };
  const timeoutMs = opts.timeoutMs ?? 10_000;
  try {
    const res = await fetchFn(parsed.data.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(payload),
      signal: AbortSignal.timeout(timeoutMs),
      // A redirect would send the incident to a host the user never granted.
      redirect: 'error',
    });
    if (res.ok) return { ok: true, status: res.status };
    const body = await res.text().catch(() => '');
    const retryAfter = Number(res.headers.get('retry-after'));
    return {
      ok: false,
      status: res.status,
      error: `HTTP ${res.status}${body ? `: ${clip(body.trim(), 200)}` : ''}`,
      ...(Number.isFinite(retryAfter) && retryAfter > 0 ? { retryAfterMs: retryAfter * 1000 } : {}),
    };
  } catch (err) {
    const name = (err as { name?: string } | null)?.name;
    if (name === 'TimeoutError' || name === 'AbortError') return { ok: false, error: `timed out after ${timeoutMs} ms` };
    return { ok: false, error: `network error: ${err instanceof Error ? err.message : String(err)}` };
  }
}

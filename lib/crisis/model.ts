import { z } from 'zod';
import { platformId } from '../platforms/schema';
import type { Playbook } from './playbooks';
import { categoryNames, severityDefinitions } from './labels';

export const lang = z.enum(['fr', 'en']);
export type Lang = z.infer<typeof lang>;

/** An input error named by its field, so the dialog or the CLI can say what to fix. */
export class CrisisInputError extends Error {
  constructor(
    message: string,
    readonly issues: { path: string; message: string }[] = [],
  ) {
    super(message);
    this.name = 'CrisisInputError';
  }
}

/** Turns zod issues into `path: message` pairs, e.g. `steps.3.text.en: required`. */
export function namedIssues(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.') || '(root)', message: i.message }));
}

export const severity = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);
export type Severity = z.infer<typeof severity>;

export const category = z.enum(['product-safety', 'service-outage', 'reputation', 'legal', 'data-breach', 'conduct', 'other']);
export type Category = z.infer<typeof category>;

// Labels live in ./labels (no zod) so the in-page Escalate dialog can show them without bundling zod.
export { categoryNames, severityDefinitions } from './labels';

export const incidentStatus = z.enum(['open', 'monitoring', 'resolved']);
export type IncidentStatus = z.infer<typeof incidentStatus>;

const isoTime = z.iso.datetime({ offset: true });

export const checklistItem = z.object({
  id: z.string().min(1),
  text: z.string().min(1),
  done: z.boolean(),
  doneAt: isoTime.optional(),
  doneBy: z.string().optional(),
});
export type ChecklistItem = z.infer<typeof checklistItem>;

export const incident = z.object({
  id: z.string().min(1),
  title: z.string().min(1).max(300),
  severity,
  category,
  status: incidentStatus,
  owner: z.string().max(200).optional(),
  roles: z.array(z.object({ role: z.string().min(1).max(100), person: z.string().min(1).max(200) })),
  checklist: z.array(checklistItem),
  /** Same value for every escalation of one thread: see threadKeyFor. */
  threadKey: z.string().min(1),
  /** Normalised topic ("rappel produit x"), so escalations from different threads can share an incident. */
  topic: z.string().optional(),
  createdAt: isoTime,
  resolvedAt: isoTime.optional(),
  playbookId: z.string().min(1),
});
export type Incident = z.infer<typeof incident>;

export const timelineKind = z.enum([
  'created',
  'escalation',
  'comment-linked',
  'status',
  'severity',
  'checklist',
  'note',
  'clip',
  'alert',
  'webhook',
]);
export type TimelineKind = z.infer<typeof timelineKind>;

export const timelineEntry = z.object({
  /** Assigned by Dexie (++id). */
  id: z.number().int().optional(),
  incidentId: z.string().min(1),
  at: isoTime,
  kind: timelineKind,
  text: z.string().max(5_000),
  /** What the entry points at: a comment id, a checklist item id, a clip id, a URL. */
  ref: z.string().optional(),
  /** The team member who made the change, in a team workspace. */
  by: z.string().max(100).optional(),
  /** Its document in the team workspace, once shared (or when it came from there). */
  teamId: z.string().max(400).optional(),
});
export type TimelineEntry = z.infer<typeof timelineEntry>;

export const clip = z.object({
  id: z.string().min(1),
  incidentId: z.string().min(1),
  url: z.url({ protocol: /^https?$/ }),
  title: z.string().max(1_000),
  byline: z.string().max(500).optional(),
  publishedAt: z.string().max(64).optional(),
  excerpt: z.string().max(5_000),
  text: z.string().max(500_000),
  capturedAt: isoTime,
});
export type Clip = z.infer<typeof clip>;

/**
 * A platform id as the adapters name them (`x`, `facebook`...). Checked for shape only: the messaging
 * layer checks it against the adapters, and the engine stays free of the platform code.
 */
export const platformName = z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, 'a platform id such as "x" or "facebook"');

const webUrl = z.url({ protocol: /^https?$/ }).max(2_000);

/** What the Escalate dialog sends: one comment or thread, with the moderator's judgement. */
export const escalationInput = z
  .object({
    platform: platformName,
    threadUrl: webUrl.optional(),
    permalink: webUrl.optional(),
    topic: z.string().trim().min(1).max(200).optional(),
    title: z.string().trim().min(1).max(300).optional(),
    severity,
    category,
    note: z.string().max(5_000).optional(),
    /** The escalated comment's id (`platform:nativeId`), linked to the incident. */
    commentId: z.string().min(1).optional(),
    commentText: z.string().max(20_000).optional(),
    /** Who escalated: becomes the owner of a new incident. */
    by: z.string().trim().min(1).max(200).optional(),
    lang: lang.default('fr'),
  })
  .refine((e) => e.threadUrl || e.permalink || e.topic, {
    message: 'an escalation needs a thread URL, a permalink or a topic',
    path: ['threadUrl'],
  });
export type EscalationInput = z.input<typeof escalationInput>;
export type Escalation = z.output<typeof escalationInput>;

export function parseEscalation(input: unknown): Escalation {
  const parsed = escalationInput.safeParse(input);
  if (!parsed.success) {
    const issues = namedIssues(parsed.error);
    throw new CrisisInputError(`invalid escalation: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, issues);
  }
  return parsed.data;
}

/** Query parameters that only say who shared a link or how, on any site. */
const TRACKING_PARAMS = new Set(['fbclid', 'gclid', 'dclid', 'msclkid', 'mc_cid', 'mc_eid', 'igshid', 'igsh', 'mibextid']);

/**
 * Share and comment parameters of the platforms themselves. Per host, because the short ones
 * (`t`, `s`, `ref`) identify the thread on other sites (phpBB's `viewtopic.php?t=123`).
 */
const PLATFORM_PARAMS: Record<string, Set<string>> = {
  'x.com': new Set(['s', 't', 'ref_src', 'ref_url', 'src']),
  'youtube.com': new Set(['si', 't', 'feature', 'pp', 'lc', 'ab_channel']),
  'youtu.be': new Set(['si', 't', 'feature']),
  'facebook.com': new Set(['comment_id', 'reply_comment_id', '__cft__', '__tn__', 'ref', 'rdid', 'sfnsn', 'notif_id', 'notif_t']),
  'instagram.com': new Set(['img_index', 'hl']),
  'linkedin.com': new Set(['commenturn', 'replyurn', 'dashcommenturn', 'dashreplyurn', 'trk', 'rcm', 'lipi', 'trackingid']),
  'reddit.com': new Set(['context', 'share_id', 'rdt', 'ref', 'ref_source', 'utm_name']),
  'tiktok.com': new Set(['is_from_webapp', 'sender_device', 'web_id', '_r', '_t', 'share_app_id', 'share_link_id', 'u_code', 'lang']),
  'threads.net': new Set(['xmt', 'slof', 'hl']),
  'bsky.app': new Set(['ref_src']),
};

const HOST_ALIASES: Record<string, string> = {
  'twitter.com': 'x.com',
  'mobile.twitter.com': 'x.com',
  'mobile.x.com': 'x.com',
  'm.facebook.com': 'facebook.com',
  'web.facebook.com': 'facebook.com',
  'm.youtube.com': 'youtube.com',
  'old.reddit.com': 'reddit.com',
  'new.reddit.com': 'reddit.com',
  'np.reddit.com': 'reddit.com',
};

/** A comment's permalink and its thread's URL map to the same path: the thread, not the reply. */
function threadPath(host: string, parts: string[], params: URLSearchParams): string {
  if (host === 'x.com') {
    // Status ids are global; the handle in front of them changes when an account is renamed.
    const i = parts.indexOf('status');
    if (i >= 0 && parts[i + 1]) return `/i/status/${parts[i + 1]}`;
  }
  if (host === 'reddit.com') {
    const i = parts.indexOf('comments');
    if (i >= 0 && parts[i + 1]) return `/${parts.slice(0, i + 2).join('/').toLowerCase()}`;
  }
  if (host === 'instagram.com') {
    const i = parts.findIndex((p) => p === 'p' || p === 'reel');
    if (i >= 0 && parts[i + 1]) return `/p/${parts[i + 1]}`;
  }
  if (host === 'youtube.com') {
    const v = params.get('v');
    if (parts[0] === 'watch' && v) return `/watch/${v}`;
    if (parts[0] === 'shorts' && parts[1]) return `/watch/${parts[1]}`;
  }
  if (host === 'youtu.be' && parts[0]) return `/watch/${parts[0]}`;
  return '/' + parts.join('/');
}

/** `host/path?query` with the host's aliases folded, trackers, fragment and trailing slash removed. */
export function normaliseUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new CrisisInputError(`not a URL: ${JSON.stringify(raw.slice(0, 200))}`, [{ path: 'threadUrl', message: 'not a URL' }]);
  }
  const bareHost = url.hostname.toLowerCase().replace(/^www\./, '');
  const host = HOST_ALIASES[bareHost] ?? bareHost;
  const path = threadPath(host, url.pathname.split('/').filter(Boolean), url.searchParams);
  // A video's comments all live on the video, whatever the share link looked like.
  if ((host === 'youtube.com' || host === 'youtu.be') && path.startsWith('/watch/')) return `youtube.com${path}`;
  const params = [...url.searchParams.entries()]
    .filter(([k]) => {
      const name = k.toLowerCase().replace(/\[.*\]$/, '');
      return !TRACKING_PARAMS.has(name) && !name.startsWith('utm_') && !PLATFORM_PARAMS[host]?.has(name);
    })
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const query = params.length ? '?' + new URLSearchParams(params).toString() : '';
  return `${host}${path === '/' ? '' : path}${query}`;
}

export function normaliseTopic(topic: string): string {
  return topic
    .normalize('NFKC')
    .toLowerCase()
    .replace(/^[#@\s]+/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The identity of a thread: `thread:<host/path>` from its URL (or a comment's permalink),
 * else `topic:<topic>` for an escalation about a subject rather than a page.
 */
export function threadKeyFor(input: { platform: string; threadUrl?: string; permalink?: string; topic?: string }): string {
  const url = input.threadUrl ?? input.permalink;
  if (url) return `thread:${normaliseUrl(url)}`;
  if (input.topic && normaliseTopic(input.topic)) return `topic:${normaliseTopic(input.topic)}`;
  throw new CrisisInputError('an escalation needs a thread URL, a permalink or a topic', [
    { path: 'threadUrl', message: 'required when there is no topic' },
  ]);
}

export type IdFactory = () => string;
const randomId: IdFactory = () => globalThis.crypto.randomUUID();

export function defaultTitle(e: Escalation): string {
  if (e.title) return e.title;
  if (e.topic) return e.topic;
  const excerpt = e.commentText?.replace(/\s+/g, ' ').trim();
  const prefix = e.lang === 'fr' ? 'Escalade' : 'Escalation';
  if (excerpt) return `${prefix} ${e.platform}: ${excerpt.length > 80 ? excerpt.slice(0, 79) + '…' : excerpt}`;
  return `${prefix} ${e.platform}`;
}

function escalationEntries(incidentId: string, e: Escalation, at: string): TimelineEntry[] {
  const where = e.permalink ?? e.threadUrl ?? e.topic ?? '';
  const who = e.by ? ` (${e.by})` : '';
  const entries: TimelineEntry[] = [
    {
      incidentId,
      at,
      kind: 'escalation',
      text: `${e.platform}${who}, ${e.lang === 'fr' ? 'gravité' : 'severity'} ${e.severity}${e.note ? `: ${e.note}` : ''}`,
      ...(where ? { ref: where } : {}),
    },
  ];
  if (e.commentId) {
    entries.push({ incidentId, at, kind: 'comment-linked', text: e.commentText?.slice(0, 500) ?? '', ref: e.commentId });
  }
  return entries;
}

/** A new incident from an escalation, with its checklist taken from the playbook in the moderator's language. */
export function openIncident(
  input: EscalationInput,
  playbook: Playbook,
  now: Date,
  newId: IdFactory = randomId,
): { incident: Incident; timeline: TimelineEntry[] } {
  const e = parseEscalation(input);
  const id = newId();
  const at = now.toISOString();
  const incident: Incident = {
    id,
    title: defaultTitle(e),
    severity: e.severity,
    category: e.category,
    status: 'open',
    ...(e.by ? { owner: e.by } : {}),
    roles: e.by ? [{ role: playbook.roles[0]?.id ?? 'lead', person: e.by }] : [],
    checklist: playbook.steps.map((s) => ({ id: s.id, text: s.text[e.lang], done: false })),
    threadKey: threadKeyFor(e),
    ...(e.topic ? { topic: normaliseTopic(e.topic) } : {}),
    createdAt: at,
    playbookId: playbook.id,
  };
  const created: TimelineEntry = {
    incidentId: id,
    at,
    kind: 'created',
    text: `${incident.title} (${severityDefinitions[e.severity][e.lang].name}, ${categoryNames[e.category][e.lang]})`,
  };
  return { incident, timeline: [created, ...escalationEntries(id, e, at)] };
}

/**
 * Which open incident an escalation belongs to: the same thread, or the same topic.
 * Resolved incidents never take new escalations (a new flare-up is a new incident, linked by its thread key).
 * Among several matches the most severe, then the oldest, wins, so every tab makes the same choice.
 */
export function attachOrOpen(
  incidents: readonly Incident[],
  input: EscalationInput,
): { action: 'attach'; incident: Incident } | { action: 'open'; threadKey: string } {
  const e = parseEscalation(input);
  const key = threadKeyFor(e);
  const topic = e.topic ? normaliseTopic(e.topic) : undefined;
  const matches = incidents
    .filter((i) => i.status !== 'resolved' && (i.threadKey === key || (topic !== undefined && i.topic === topic)))
    .sort((a, b) => b.severity - a.severity || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  const found = matches[0];
  return found ? { action: 'attach', incident: found } : { action: 'open', threadKey: key };
}

/**
 * Adds an escalation to an existing incident: its timeline entries, and a raised severity when the
 * moderator judged it worse than the incident's current level (severity never goes down on its own).
 */
export function attachEscalation(
  target: Incident,
  input: EscalationInput,
  now: Date,
): { incident: Incident; timeline: TimelineEntry[] } {
  const e = parseEscalation(input);
  const at = now.toISOString();
  const timeline = escalationEntries(target.id, e, at);
  if (e.severity <= target.severity) return { incident: target, timeline };
  timeline.push({ incidentId: target.id, at, kind: 'severity', text: `${target.severity} → ${e.severity}` });
  return { incident: { ...target, severity: e.severity }, timeline };
}

/** One call for the background: attach to the matching open incident or open a new one. */
export function escalate(
  incidents: readonly Incident[],
  input: EscalationInput,
  playbook: Playbook,
  now: Date,
  newId: IdFactory = randomId,
): { incident: Incident; timeline: TimelineEntry[]; created: boolean } {
  const decision = attachOrOpen(incidents, input);
  if (decision.action === 'attach') return { ...attachEscalation(decision.incident, input, now), created: false };
  return { ...openIncident(input, playbook, now, newId), created: true };
}

export function setStatus(target: Incident, status: IncidentStatus, now: Date, by?: string): { incident: Incident; entry: TimelineEntry } {
  const at = now.toISOString();
  const { resolvedAt: _previous, ...rest } = target;
  const next: Incident = status === 'resolved' ? { ...rest, status, resolvedAt: at } : { ...rest, status };
  return {
    incident: next,
    entry: { incidentId: target.id, at, kind: 'status', text: `${target.status} → ${status}${by ? ` (${by})` : ''}` },
  };
}

export function setSeverity(target: Incident, level: Severity, now: Date, by?: string): { incident: Incident; entry: TimelineEntry } {
  return {
    incident: { ...target, severity: level },
    entry: { incidentId: target.id, at: now.toISOString(), kind: 'severity', text: `${target.severity} → ${level}${by ? ` (${by})` : ''}` },
  };
}

export function tickChecklist(
  target: Incident,
  itemId: string,
  done: boolean,
  now: Date,
  by?: string,
): { incident: Incident; entry: TimelineEntry } {
  const item = target.checklist.find((c) => c.id === itemId);
  if (!item) throw new CrisisInputError(`no checklist item "${itemId}" in incident ${target.id}`, [{ path: 'checklist', message: 'unknown item' }]);
  const at = now.toISOString();
  const checklist = target.checklist.map((c) => {
    if (c.id !== itemId) return c;
    const { doneAt: _a, doneBy: _b, ...base } = c;
    return done ? { ...base, done, doneAt: at, ...(by ? { doneBy: by } : {}) } : { ...base, done };
  });
  return {
    incident: { ...target, checklist },
    entry: { incidentId: target.id, at, kind: 'checklist', text: `${done ? '☑' : '☐'} ${item.text}${by ? ` (${by})` : ''}`, ref: itemId },
  };
}

/** Crisis mode: at least one incident of severity 2 or more still open or being monitored. */
export function isCrisisMode(incidents: readonly Pick<Incident, 'status' | 'severity'>[]): boolean {
  return incidents.some((i) => i.status !== 'resolved' && i.severity >= 2);
}

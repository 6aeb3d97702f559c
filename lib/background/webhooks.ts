/**
 * Team notification queue. Every message is persisted before it is sent, so a service worker that is
 * stopped mid-request, a network outage or a 500 only delays it: an alarm wakes the background for the
 * next attempt (with the backoff of lib/crisis/webhook.ts). A message that runs out of attempts, or that
 * the receiver refuses for good (4xx), stays in the list as failed until someone retries or removes it.
 */
import { z } from 'zod';
import type { Incident, Lang } from '../crisis/model';
import type { Alert } from '../crisis/spike';
import {
  buildPayload,
  defaultRetryPolicy,
  deliver,
  nextAttempt,
  type DeliveryResult,
  type FetchLike,
  type RetryPolicy,
  type WebhookConfig,
  type WebhookEvent,
} from '../crisis/webhook';
import { serial, type KeyValueStore } from './kv';

export const QUEUE_KEY = 'vigie:webhook-queue';
/** The severity and status each incident had when the team was last told, to notice raises and resolutions. */
export const NOTIFIED_KEY = 'vigie:webhook-incidents';
export const WEBHOOK_ALARM = 'vigie:webhook-retry';

export const deliveryStatus = z.enum(['pending', 'delivered', 'failed']);
export type DeliveryStatus = z.infer<typeof deliveryStatus>;

export const delivery = z.object({
  id: z.string(),
  createdAt: z.number(),
  /** The event as it was when it happened; the payload is built at each attempt for the webhook configured then. */
  event: z.custom<WebhookEvent>((v) => typeof v === 'object' && v !== null && typeof (v as { type?: unknown }).type === 'string'),
  /** One line for the options page list. */
  summary: z.string(),
  incidentId: z.string().optional(),
  status: deliveryStatus,
  attempts: z.number().int().min(0),
  nextAt: z.number().optional(),
  lastAttemptAt: z.number().optional(),
  lastStatus: z.number().optional(),
  lastError: z.string().optional(),
  deliveredAt: z.number().optional(),
});
export type Delivery = z.infer<typeof delivery>;

/** Delivered messages kept for the list; pending and failed ones are never dropped before these. */
const KEEP_DELIVERED = 20;
const MAX_QUEUE = 200;
/** A retry alarm set before each attempt, in case the worker is stopped while the request is in flight. */
const SAFETY_DELAY_MS = 60_000;

/** Reads the stored queue; a row that no longer parses is dropped rather than blocking the others. */
export function parseQueue(raw: unknown): Delivery[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((r) => {
    const parsed = delivery.safeParse(r);
    return parsed.success ? [parsed.data] : [];
  });
}

function trim(queue: Delivery[]): Delivery[] {
  const delivered = queue.filter((d) => d.status === 'delivered').sort((a, b) => b.createdAt - a.createdAt);
  const dropped = new Set(delivered.slice(KEEP_DELIVERED).map((d) => d.id));
  const kept = queue.filter((d) => !dropped.has(d.id));
  return kept.length > MAX_QUEUE ? kept.sort((a, b) => b.createdAt - a.createdAt).slice(0, MAX_QUEUE) : kept;
}

type Notified = Record<string, { severity: number; status: Incident['status'] }>;

/**
 * What the team hears about a change: an incident the background had not seen yet is news (opened),
 * a raised severity is an update, a resolution closes it. Everything else (a ticked item, a lowered
 * severity, a note) stays in the incident's timeline only.
 */
export function incidentEvent(previous: { severity: number; status: Incident['status'] } | undefined, incident: Incident, created: boolean): WebhookEvent | null {
  if (created || previous === undefined) return incident.status === 'resolved' ? null : { type: 'incident-opened', incident };
  if (incident.status === 'resolved') return previous.status === 'resolved' ? null : { type: 'incident-resolved', incident };
  if (previous.status === 'resolved') return { type: 'incident-opened', incident, note: 'reopened' };
  if (incident.severity > previous.severity) return { type: 'incident-updated', incident, note: `${previous.severity} → ${incident.severity}` };
  return null;
}

function summaryOf(event: WebhookEvent): string {
  return event.type === 'spike-alert' ? `spike-alert: ${event.alert.platform}${event.alert.keyword ? ` / ${event.alert.keyword}` : ''}` : `${event.type}: ${event.incident.title}`;
}

export interface WebhookQueueDeps {
  store: KeyValueStore;
  fetch: FetchLike;
  now(): number;
  /** The webhook configured now (null: none, nothing leaves the browser). */
  config(): Promise<WebhookConfig | null>;
  lang(): Promise<Lang>;
  /** Wakes the background at this time for the next attempt (an alarm); null clears it. */
  wakeAt(at: number | null): Promise<void>;
  /** After an attempt that ends a delivery (delivered, or failed for good). */
  onSettled?(d: Delivery): Promise<void>;
  policy?: RetryPolicy;
  timeoutMs?: number;
  newId?(): string;
}

export function createWebhookQueue(deps: WebhookQueueDeps) {
  const policy = deps.policy ?? defaultRetryPolicy;
  const newId = deps.newId ?? (() => globalThis.crypto.randomUUID());
  const locked = serial();
  const inFlight = new Set<string>();

  const load = async () => parseQueue(await deps.store.get(QUEUE_KEY));
  const save = (queue: Delivery[]) => deps.store.set(QUEUE_KEY, trim(queue));

  async function change(id: string, edit: (d: Delivery) => Delivery): Promise<Delivery | undefined> {
    return locked(async () => {
      const queue = await load();
      const i = queue.findIndex((d) => d.id === id);
      if (i < 0) return undefined;
      queue[i] = edit(queue[i]!);
      await save(queue);
      return queue[i];
    });
  }

  async function reschedule(): Promise<void> {
    const pending = (await load()).filter((d) => d.status === 'pending' && d.nextAt !== undefined);
    await deps.wakeAt(pending.length ? Math.min(...pending.map((d) => d.nextAt!)) : null);
  }

  async function attempt(d: Delivery): Promise<Delivery | undefined> {
    inFlight.add(d.id);
    try {
      const config = await deps.config();
      const result: DeliveryResult =
        config && config.enabled
          ? await deliver(deps.fetch, config, buildPayload(config.kind, d.event, await deps.lang()), { timeoutMs: deps.timeoutMs ?? 10_000 })
          : { ok: false, error: config ? 'webhook disabled' : 'no webhook configured' };
      const at = deps.now();
      const attempts = d.attempts + 1;
      // Without a webhook there is nothing to retry against: the message waits, failed, for a manual retry.
      const delay = config && config.enabled ? nextAttempt(attempts, result, { seed: d.id, policy }) : null;
      const next = await change(d.id, (cur) => {
        const { nextAt: _n, lastError: _e, lastStatus: _s, ...base } = cur;
        return {
          ...base,
          attempts,
          lastAttemptAt: at,
          ...(result.status !== undefined ? { lastStatus: result.status } : {}),
          ...(result.ok
            ? { status: 'delivered' as const, deliveredAt: at }
            : delay === null
              ? { status: 'failed' as const, lastError: result.error ?? 'failed' }
              : { status: 'pending' as const, nextAt: at + delay, lastError: result.error ?? 'failed' }),
        };
      });
      if (next && next.status !== 'pending') await deps.onSettled?.(next);
      return next;
    } finally {
      inFlight.delete(d.id);
    }
  }

  /** Sends every message whose time has come, one after the other; returns them as they ended up. */
  async function runDue(only?: string): Promise<Delivery[]> {
    const now = deps.now();
    const due = (await load()).filter((d) => d.status === 'pending' && (d.nextAt ?? 0) <= now && !inFlight.has(d.id) && (only === undefined || d.id === only));
    if (due.length) await deps.wakeAt(now + SAFETY_DELAY_MS);
    const done: Delivery[] = [];
    for (const d of due) {
      const next = await attempt(d);
      if (next) done.push(next);
    }
    await reschedule();
    return done;
  }

  async function enqueue(event: WebhookEvent, incidentId?: string): Promise<Delivery | null> {
    const config = await deps.config();
    if (!config || !config.enabled) return null;
    const d: Delivery = {
      id: newId(),
      createdAt: deps.now(),
      event,
      summary: summaryOf(event),
      ...(incidentId ? { incidentId } : {}),
      status: 'pending',
      attempts: 0,
      nextAt: deps.now(),
    };
    await locked(async () => save([...(await load()), d]));
    const [sent] = await runDue(d.id);
    return sent ?? d;
  }

  return {
    enqueue,
    runDue: () => runDue(),

    /** Tells the team about an incident change that matters (see incidentEvent); remembers what it told. */
    async notifyIncident(incident: Incident, created: boolean): Promise<Delivery | null> {
      const event = await locked(async () => {
        const notified = ((await deps.store.get(NOTIFIED_KEY)) ?? {}) as Notified;
        const previous = notified[incident.id];
        const ev = incidentEvent(previous, incident, created);
        // The highest level the team heard of; a reopened incident starts again from its current level.
        const fresh = !previous || (previous.status === 'resolved' && incident.status !== 'resolved');
        notified[incident.id] = { severity: fresh ? incident.severity : Math.max(previous.severity, incident.severity), status: incident.status };
        await deps.store.set(NOTIFIED_KEY, notified);
        return ev;
      });
      return event ? enqueue(event, incident.id) : null;
    },

    notifyAlert(alert: Alert): Promise<Delivery | null> {
      const evidence = alert.evidence.map((e) => ({ ...(e.id ? { id: e.id } : {}), ...(e.text ? { text: e.text } : {}) }));
      return enqueue({ type: 'spike-alert', alert: { at: alert.at, platform: alert.platform, ...(alert.keyword ? { keyword: alert.keyword } : {}), reason: alert.reason, evidence } });
    },

    /** A failed (or waiting) message gets a fresh round of attempts, the first one now. */
    async retry(id: string): Promise<Delivery | undefined> {
      const reset = await change(id, (d) => (d.status === 'delivered' ? d : { ...d, status: 'pending', attempts: 0, nextAt: deps.now() }));
      if (!reset || reset.status === 'delivered') return reset;
      const [sent] = await runDue(id);
      return sent ?? (await load()).find((d) => d.id === id);
    },

    async remove(id: string): Promise<void> {
      await locked(async () => save((await load()).filter((d) => d.id !== id)));
      await reschedule();
    },

    list: async () => (await load()).sort((a, b) => b.createdAt - a.createdAt),
  };
}
export type WebhookQueue = ReturnType<typeof createWebhookQueue>;

import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memoryStore } from '../../../lib/background/kv';
import { createWebhookQueue, incidentEvent, QUEUE_KEY, type Delivery } from '../../../lib/background/webhooks';
import type { Incident } from '../../../lib/crisis/model';
import { retryPolicy, type FetchLike, type WebhookConfig } from '../../../lib/crisis/webhook';

/** A webhook receiver on 127.0.0.1 answering with the statuses it is given, in order (then 200). */
let server: Server;
let url: string;
let statuses: number[];
let received: { path: string; body: unknown; contentType: string | undefined }[];
beforeEach(async () => {
  statuses = [];
  received = [];
  server = createServer((req: IncomingMessage, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      received.push({ path: req.url ?? '', body: JSON.parse(body), contentType: req.headers['content-type'] });
      const status = statuses.shift() ?? 200;
      res.writeHead(status, { 'content-type': 'text/plain' }).end(status === 200 ? 'ok' : `error ${status}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/vigie`;
});
afterEach(() => new Promise<void>((resolve) => server.close(() => resolve())));

const incident = (over: Partial<Incident> = {}): Incident => ({
  id: 'inc-1',
  title: 'Rappel des chargeurs Voltix',
  severity: 2,
  category: 'product-safety',
  status: 'open',
  roles: [],
  checklist: [{ id: 'holding', text: 'Déclaration d’attente publiée', done: false }],
  threadKey: 'topic:rappel voltix',
  createdAt: '2026-11-21T08:00:00.000Z',
  playbookId: 'default',
  ...over,
});

function setup(config: WebhookConfig | null = { kind: 'slack', url, enabled: true }) {
  let now = Date.parse('2026-11-21T09:00:00Z');
  const store = memoryStore();
  const wakes: (number | null)[] = [];
  const settled: Delivery[] = [];
  const queue = createWebhookQueue({
    store,
    fetch: fetch as unknown as FetchLike,
    now: () => now,
    config: async () => config,
    lang: async () => 'fr',
    wakeAt: async (at) => void wakes.push(at),
    onSettled: async (d) => void settled.push(d),
    policy: retryPolicy.parse({ maxAttempts: 3, baseDelayMs: 30_000, jitter: 0 }),
    timeoutMs: 2_000,
  });
  return { queue, store, wakes, settled, advance: (ms: number) => (now += ms), now: () => now };
}

describe('webhook queue against a local HTTP server', () => {
  it('delivers an opened incident at once as a Slack message, and clears the retry alarm', async () => {
    const { queue, wakes, settled } = setup();
    const d = await queue.notifyIncident(incident(), true);
    expect(d).toMatchObject({ status: 'delivered', attempts: 1, lastStatus: 200, incidentId: 'inc-1' });
    expect(received).toHaveLength(1);
    expect(received[0]!.path).toBe('/hooks/vigie');
    expect(received[0]!.contentType).toBe('application/json');
    expect(JSON.stringify(received[0]!.body)).toContain('Incident ouvert');
    expect(JSON.stringify(received[0]!.body)).toContain('Rappel des chargeurs Voltix');
    expect(wakes.at(-1)).toBeNull();
    expect(settled.map((s) => s.status)).toEqual(['delivered']);
  });

  it('keeps a 500 pending with a backoff alarm, then delivers it when the alarm fires', async () => {
    const { queue, wakes, advance, now } = setup();
    statuses = [500];
    const first = await queue.notifyIncident(incident(), true);
    expect(first).toMatchObject({ status: 'pending', attempts: 1, lastStatus: 500, lastError: 'HTTP 500: error 500' });
    expect(first!.nextAt).toBe(now() + 30_000);
    expect(wakes.at(-1)).toBe(now() + 30_000);

    // Too early: nothing is sent.
    advance(10_000);
    expect(await queue.runDue()).toEqual([]);
    expect(received).toHaveLength(1);

    advance(20_000);
    const [second] = await queue.runDue();
    expect(second).toMatchObject({ status: 'delivered', attempts: 2 });
    expect(received).toHaveLength(2);
    expect(wakes.at(-1)).toBeNull();
  });

  it('shows a delivery that ran out of attempts as failed with its last error, and a retry sends it', async () => {
    const { queue, advance, settled } = setup();
    statuses = [503, 503, 503];
    await queue.notifyIncident(incident(), true);
    advance(30_000);
    await queue.runDue();
    advance(60_000);
    await queue.runDue();
    const [failed] = await queue.list();
    expect(failed).toMatchObject({ status: 'failed', attempts: 3, lastStatus: 503, lastError: 'HTTP 503: error 503' });
    expect(settled.map((s) => s.status)).toEqual(['failed']);

    // The receiver is back: the retry button starts a new round, sent now.
    const retried = await queue.retry(failed!.id);
    expect(retried).toMatchObject({ status: 'delivered', attempts: 1 });
    expect(received).toHaveLength(4);
    expect((await queue.list())[0]!.status).toBe('delivered');
  });

  it('does not retry a refused webhook (404: wrong or revoked URL) until someone asks', async () => {
    const { queue } = setup();
    statuses = [404];
    const d = await queue.notifyIncident(incident(), true);
    expect(d).toMatchObject({ status: 'failed', attempts: 1, lastStatus: 404 });
  });

  it('reports an unreachable receiver as a network error, still pending', async () => {
    const { queue } = setup({ kind: 'generic', url: 'http://127.0.0.1:9/nothing-listens-here', enabled: true });
    const d = await queue.notifyIncident(incident(), true);
    expect(d).toMatchObject({ status: 'pending', attempts: 1 });
    expect(d!.lastError).toMatch(/^network error/);
  });

  it('sends nothing and queues nothing without a webhook, or with it switched off', async () => {
    for (const config of [null, { kind: 'slack' as const, url, enabled: false }]) {
      const { queue, store } = setup(config);
      expect(await queue.notifyIncident(incident(), true)).toBeNull();
      expect(store.data.get(QUEUE_KEY)).toBeUndefined();
    }
    expect(received).toEqual([]);
  });

  it('tells the team about a raise and a resolution, not about a lowered severity or the same state again', async () => {
    const { queue } = setup({ kind: 'generic', url, enabled: true });
    await queue.notifyIncident(incident(), true);
    await queue.notifyIncident(incident({ severity: 3 }), false);
    await queue.notifyIncident(incident({ severity: 3 }), false);
    await queue.notifyIncident(incident({ severity: 2 }), false);
    await queue.notifyIncident(incident({ severity: 2, status: 'resolved', resolvedAt: '2026-11-22T08:00:00.000Z' }), false);
    expect(received.map((r) => (r.body as { type: string }).type)).toEqual(['incident-opened', 'incident-updated', 'incident-resolved']);
    expect(received[1]!.body).toMatchObject({ note: '2 → 3', incident: { severity: 3 } });
  });

  it('survives a restart: a new queue on the same storage picks up the pending delivery', async () => {
    const first = setup();
    statuses = [500];
    await first.queue.notifyIncident(incident(), true);
    const again = createWebhookQueue({
      store: first.store,
      fetch: fetch as unknown as FetchLike,
      now: () => first.now() + 31_000,
      config: async () => ({ kind: 'slack', url, enabled: true }),
      lang: async () => 'en',
      wakeAt: async () => {},
    });
    const [d] = await again.runDue();
    expect(d).toMatchObject({ status: 'delivered', attempts: 2 });
    expect(JSON.stringify(received[1]!.body)).toContain('Incident opened');
  });

  it('sends a spike alert with its evidence', async () => {
    const { queue } = setup({ kind: 'generic', url, enabled: true });
    await queue.notifyAlert({
      at: Date.parse('2026-11-21T09:00:00Z'),
      platform: 'x',
      kind: 'negative-share',
      reason: 'negative share 70% over the last 30 min vs 15% baseline (25 comments)',
      stats: { comments: 25, negative: 18, negativeShare: 0.7, baselineNegativeShare: 0.15, risky: 0, riskyShare: 0, baselineRiskyShare: 0.02, tags: {} },
      evidence: [{ at: 1, id: 'x:1', text: 'C’est une arnaque', label: 'negative', tags: [] }],
    });
    expect(received[0]!.body).toMatchObject({ type: 'spike-alert', alert: { platform: 'x', evidence: [{ id: 'x:1', text: 'C’est une arnaque' }] } });
  });
});

describe('incidentEvent', () => {
  const cases: [string, Parameters<typeof incidentEvent>[0], Partial<Incident>, boolean, string | null][] = [
    ['created', undefined, {}, true, 'incident-opened'],
    ['first heard of (opened from a page)', undefined, {}, false, 'incident-opened'],
    ['first heard of, already resolved', undefined, { status: 'resolved' }, false, null],
    ['raised', { severity: 2, status: 'open' }, { severity: 4 }, false, 'incident-updated'],
    ['lowered', { severity: 3, status: 'open' }, { severity: 2 }, false, null],
    ['monitoring', { severity: 2, status: 'open' }, { status: 'monitoring' }, false, null],
    ['resolved', { severity: 2, status: 'monitoring' }, { status: 'resolved' }, false, 'incident-resolved'],
    ['resolved again', { severity: 2, status: 'resolved' }, { status: 'resolved' }, false, null],
    ['reopened', { severity: 2, status: 'resolved' }, { status: 'open' }, false, 'incident-opened'],
  ];
  it.each(cases)('%s', (_name, previous, over, created, expected) => {
    expect(incidentEvent(previous, incident(over), created)?.type ?? null).toBe(expected);
  });
});

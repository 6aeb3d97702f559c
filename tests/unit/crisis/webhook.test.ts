import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openIncident } from '../../../lib/crisis/model';
import { defaultPlaybook } from '../../../lib/crisis/playbooks';
import {
  buildPayload,
  deliver,
  nextAttempt,
  originPattern,
  webhookConfig,
  type DeliveryResult,
  type WebhookEvent,
} from '../../../lib/crisis/webhook';

const now = new Date('2026-11-14T14:07:00.000Z');
const hostile = '<!channel> @all [cliquez](https://evil.example/x) *gras* <script>alert(1)</script>';
const { incident } = openIncident(
  { platform: 'x', permalink: 'https://x.com/a/status/1', severity: 3, category: 'product-safety', title: `Chargeur ${hostile}`, by: 'camille' },
  defaultPlaybook,
  now,
  () => 'inc-1',
);
const opened: WebhookEvent = { type: 'incident-opened', incident, note: hostile, link: 'https://x.com/a/status/1' };
const alert: WebhookEvent = {
  type: 'spike-alert',
  alert: {
    at: now.getTime(),
    platform: 'x',
    reason: 'negative share 78% over the last 30 min vs 12% baseline (41 comments)',
    evidence: [{ id: '1', text: 'arnaque' }, { id: '2', text: hostile }],
  },
};

describe('webhook config', () => {
  it.each([
    ['https://hooks.slack.com/services/T0/B0/xyz', true],
    ['http://localhost:8080/hook', true],
    ['http://127.0.0.1:9/hook', true],
    ['http://hooks.slack.com/services/T0', false],
    ['ftp://example.com/hook', false],
    ['not a url', false],
  ])('%s → %s', (url, ok) => {
    expect(webhookConfig.safeParse({ kind: 'slack', url }).success).toBe(ok);
  });
  it('names the host permission to request', () => {
    expect(originPattern('https://hooks.slack.com/services/T0/B0/xyz')).toBe('https://hooks.slack.com/*');
  });
});

describe('payloads', () => {
  it('Slack: blocks with the facts, page text escaped so it cannot ping or link', () => {
    const p = buildPayload('slack', opened, 'fr') as { text: string; blocks: { type: string; text?: { text: string }; fields?: { text: string }[] }[] };
    expect(p.blocks[0]).toMatchObject({ type: 'header', text: { text: 'Incident ouvert' } });
    expect(p.blocks[1]!.fields!.map((f) => f.text)).toContain('*Gravité*\n3 · Grave');
    const all = JSON.stringify(p);
    expect(all).not.toContain('<!channel>');
    expect(all).not.toContain('<script>');
    expect(all).toContain('&lt;!channel&gt;');
    expect(p.blocks.at(-1)).toMatchObject({ type: 'actions', elements: [{ url: 'https://x.com/a/status/1' }] });
  });

  it('Teams: an Adaptive Card in a message, markdown escaped', () => {
    const p = buildPayload('teams', alert, 'en') as { type: string; attachments: { contentType: string; content: { type: string; body: { text?: string }[] } }[] };
    expect(p.type).toBe('message');
    expect(p.attachments[0]!.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(p.attachments[0]!.content.type).toBe('AdaptiveCard');
    const texts = p.attachments[0]!.content.body.map((b) => b.text ?? '');
    expect(texts[0]).toBe('Spike in negative comments');
    expect(texts.join('\n')).toContain('\\[cliquez\\]\\(https://evil\\.example/x\\)');
    expect(texts.join('\n')).not.toMatch(/(^|[^\\])\[cliquez\]/);
  });

  it('Mattermost: attachment with fields, @mentions broken so page text cannot notify a channel', () => {
    const p = buildPayload('mattermost', opened, 'en') as { text: string; attachments: { title: string; text: string; fields: { title: string; value: string }[] }[] };
    expect(p.text).toBe('#### Incident opened');
    expect(p.attachments[0]!.fields).toContainEqual({ short: true, title: 'Severity', value: '3 · Serious' });
    expect(JSON.stringify(p)).not.toMatch(/@all/);
    expect(p.attachments[0]!.text).toContain('@\u200ball');
  });

  it('generic JSON: the event itself, with an ISO time for alerts', () => {
    expect(buildPayload('generic', opened)).toMatchObject({ source: 'vigie', type: 'incident-opened', incident: { id: 'inc-1', severity: 3 } });
    expect(buildPayload('generic', alert)).toMatchObject({ type: 'spike-alert', alert: { at: '2026-11-14T14:07:00.000Z', platform: 'x' } });
  });
});

describe('retry policy', () => {
  const fail = (status?: number, retryAfterMs?: number): DeliveryResult => ({ ok: false, ...(status ? { status } : {}), error: 'x', ...(retryAfterMs ? { retryAfterMs } : {}) });
  it('backs off exponentially within ±20% jitter, the same for the same seed', () => {
    const delays = [1, 2, 3, 4, 5].map((a) => nextAttempt(a, fail(500), { seed: 'd1' })!);
    [30_000, 60_000, 120_000, 240_000, 480_000].forEach((base, k) => {
      expect(delays[k]).toBeGreaterThanOrEqual(base * 0.8);
      expect(delays[k]).toBeLessThanOrEqual(base * 1.2);
    });
    expect([1, 2, 3, 4, 5].map((a) => nextAttempt(a, fail(500), { seed: 'd1' }))).toEqual(delays);
    expect([1, 2, 3, 4, 5].map((a) => nextAttempt(a, fail(500), { seed: 'd2' }))).not.toEqual(delays);
  });
  it.each([
    ['delivered', 1, { ok: true, status: 200 }, null],
    ['out of attempts', 6, fail(500), null],
    ['revoked webhook (404)', 1, fail(404), null],
    ['bad payload (400)', 1, fail(400), null],
  ] as const)('stops: %s', (_, attempts, last, expected) => {
    expect(nextAttempt(attempts, last)).toBe(expected);
  });
  it('retries timeouts, network errors and rate limits, honouring Retry-After', () => {
    expect(nextAttempt(1, fail())).not.toBeNull();
    expect(nextAttempt(1, fail(429, 120_000))).toBe(120_000);
    expect(nextAttempt(10, fail(503), { policy: { maxAttempts: 20, baseDelayMs: 30_000, maxDelayMs: 600_000, jitter: 0 } })).toBe(600_000);
  });
});

describe('deliver against a local HTTP server', () => {
  let server: Server;
  let base: string;
  const received: { path: string; body: unknown; type: string | undefined }[] = [];
  let failuresLeft = 0;

  beforeAll(async () => {
    server = createServer((req: IncomingMessage, res) => {
      let raw = '';
      req.on('data', (c) => (raw += c));
      req.on('end', () => {
        if (req.url === '/slow') return; // never answers
        received.push({ path: req.url!, body: JSON.parse(raw), type: req.headers['content-type'] });
        if (req.url === '/flaky' && failuresLeft-- > 0) {
          res.writeHead(500).end('upstream exploded');
          return;
        }
        res.writeHead(200).end('ok');
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.closeAllConnections();
    server.close();
  });

  it('posts the JSON payload', async () => {
    const payload = buildPayload('slack', opened);
    const result = await deliver(fetch, { kind: 'slack', url: `${base}/ok`, enabled: true }, payload);
    expect(result).toEqual({ ok: true, status: 200 });
    expect(received.at(-1)).toEqual({ path: '/ok', body: payload, type: 'application/json' });
  });

  it('reports a 500, then succeeds on the retry the policy schedules', async () => {
    failuresLeft = 1;
    const config = { kind: 'generic' as const, url: `${base}/flaky`, enabled: true };
    const first = await deliver(fetch, config, { n: 1 });
    expect(first).toEqual({ ok: false, status: 500, error: 'HTTP 500: upstream exploded' });
    expect(nextAttempt(1, first, { seed: 'abc' })).toBeGreaterThan(0);
    expect(await deliver(fetch, config, { n: 1 })).toEqual({ ok: true, status: 200 });
  });

  it('gives up on a server that never answers, within the timeout', async () => {
    const t0 = Date.now();
    const result = await deliver(fetch, { kind: 'generic', url: `${base}/slow`, enabled: true }, {}, { timeoutMs: 300 });
    expect(result).toEqual({ ok: false, error: 'timed out after 300 ms' });
    expect(Date.now() - t0).toBeLessThan(3_000);
    expect(nextAttempt(1, result)).not.toBeNull();
  });

  it('does not send when disabled, misconfigured, or when nothing listens', async () => {
    expect(await deliver(fetch, { kind: 'slack', url: `${base}/ok`, enabled: false }, {})).toEqual({ ok: false, error: 'webhook disabled' });
    expect((await deliver(fetch, { kind: 'slack', url: 'http://example.com/hook', enabled: true }, {})).error).toMatch(/^invalid webhook: url: must be an https/);
    expect((await deliver(fetch, { kind: 'slack', url: 'http://127.0.0.1:1/hook', enabled: true }, {})).error).toMatch(/^network error/);
  });
});

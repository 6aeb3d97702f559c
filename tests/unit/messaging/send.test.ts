import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSender, INVALIDATED, MessageFailed, type SenderOptions } from '../../../lib/messaging/send';

const ping = { type: 'ui:ping' } as const;
const ok = { ok: true, data: { version: '1' } };
const refused = (code: string) => ({ ok: false, error: { code, message: `${code}!` } });

/** A background that answers each try with the next scripted outcome: an answer, undefined, or a thrown error. */
function fakeBackground(script: unknown[]) {
  const calls: unknown[] = [];
  const post: SenderOptions['post'] = async (request) => {
    calls.push(request);
    const next = script.length > 1 ? script.shift() : script[0];
    if (next instanceof Error) throw next;
    return next;
  };
  return { post, calls };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('send', () => {
  it('retries a stopped worker (no receiver, port closed, no answer, internal) with growing delays, then answers', async () => {
    const bg = fakeBackground([
      new Error('Could not establish connection. Receiving end does not exist.'),
      new Error('The message port closed before a response was received.'),
      undefined,
      refused('internal'),
      ok,
    ]);
    const onStats = vi.fn();
    const { send, stats } = createSender({ post: bg.post, baseMs: 100, random: () => 0, onStats });
    const answer = send(ping);
    // Equal jitter with random 0: waits of 50, 100, 200, 400 ms.
    await vi.advanceTimersByTimeAsync(49);
    expect(bg.calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(bg.calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(100);
    expect(bg.calls).toHaveLength(3);
    await vi.advanceTimersByTimeAsync(200);
    expect(bg.calls).toHaveLength(4);
    await vi.advanceTimersByTimeAsync(400);
    await expect(answer).resolves.toEqual({ version: '1' });
    expect(stats).toEqual({ retries: 4, failures: 0 });
    expect(onStats).toHaveBeenCalledTimes(4);
  });

  it('spreads the retries of many senders with jitter, and caps the delay', async () => {
    const bg = fakeBackground([undefined]);
    const { send } = createSender({ post: bg.post, baseMs: 1000, maxDelayMs: 2000, attempts: 4, random: () => 1 });
    const answer = send(ping).catch((e: MessageFailed) => e);
    await vi.advanceTimersByTimeAsync(999);
    expect(bg.calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(bg.calls).toHaveLength(2);
    // 2,000 then 2,000 again (capped), not 4,000.
    await vi.advanceTimersByTimeAsync(4000);
    expect(bg.calls).toHaveLength(4);
    expect(((await answer) as MessageFailed).code).toBe('no-answer');
  });

  it.each(['bad-request', 'forbidden-sender', 'forbidden', 'not-found', 'unknown-type'])('does not retry a refusal (%s)', async (code) => {
    const bg = fakeBackground([refused(code)]);
    const { send, stats } = createSender({ post: bg.post });
    await expect(send(ping)).rejects.toMatchObject({ code });
    expect(bg.calls).toHaveLength(1);
    expect(stats).toEqual({ retries: 0, failures: 0 });
  });

  it('gives up after its tries and counts one failure', async () => {
    const bg = fakeBackground([new Error('Could not establish connection. Receiving end does not exist.')]);
    const { send, stats } = createSender({ post: bg.post, attempts: 3, baseMs: 10 });
    const answer = send(ping).catch((e: MessageFailed) => e);
    await vi.advanceTimersByTimeAsync(1000);
    expect(await answer).toBeInstanceOf(MessageFailed);
    expect(bg.calls).toHaveLength(3);
    expect(stats).toEqual({ retries: 2, failures: 1 });
  });

  it('never retries once the extension context is invalidated, and says so once per call', async () => {
    const bg = fakeBackground([new Error('Extension context invalidated.')]);
    const onInvalidated = vi.fn();
    const { send } = createSender({ post: bg.post, onInvalidated });
    await expect(send(ping)).rejects.toMatchObject({ code: INVALIDATED });
    expect(bg.calls).toHaveLength(1);
    expect(onInvalidated).toHaveBeenCalledOnce();
  });

  it('holds a bounded number of requests while the background stays dead: the others fail at once', async () => {
    const bg = fakeBackground([new Error('The message port closed before a response was received.')]);
    const { send, stats } = createSender({ post: bg.post, maxWaiting: 5, attempts: 100, baseMs: 1000 });
    for (let i = 0; i < 50; i++) send(ping).catch(() => {});
    await vi.advanceTimersByTimeAsync(0);
    // 5 wait for their next try; the 45 others were refused without being held.
    expect(stats.failures).toBe(45);
    expect(bg.calls).toHaveLength(50);
    await vi.advanceTimersByTimeAsync(1000);
    expect(bg.calls).toHaveLength(55);
  });

  it('a request sent once and uncounted (the health report) is not retried and leaves the stats alone', async () => {
    const bg = fakeBackground([new Error('Could not establish connection. Receiving end does not exist.')]);
    const onStats = vi.fn();
    const { send, stats } = createSender({ post: bg.post, onStats });
    await expect(send(ping, { attempts: 1, counted: false })).rejects.toThrow('Could not establish connection');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(bg.calls).toHaveLength(1);
    expect(stats).toEqual({ retries: 0, failures: 0 });
    expect(onStats).not.toHaveBeenCalled();
  });
});


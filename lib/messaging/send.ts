import { browser } from 'wxt/browser';
import type { Answer, Request, RequestType, Response } from './protocol';

export class MessageFailed extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
  }
}

/** `attempts: 1` sends once; `counted: false` keeps the request out of the transport stats (the health report that carries them). */
export interface SendOptions {
  attempts?: number;
  counted?: boolean;
}

export type Send = <T extends RequestType>(request: Extract<Request, { type: T }>, options?: SendOptions) => Promise<Response<T>>;

/** The extension was updated or reloaded: this script's messages will never reach a background again. */
export const INVALIDATED = 'invalidated';

/**
 * Chrome stops the service worker whenever it likes; until it is started again a message finds no
 * receiver, or the worker dies before it answers (the answer is then `undefined`). Those are worth
 * another try; a refusal (`bad-request`, `forbidden`...) says the same thing every time.
 */
const TRANSIENT = /message port closed|could not establish connection|receiving end does not exist|no-answer/i;
const GONE = /extension context invalidated/i;

/** The background understood and said no: the same request gets the same answer, so nobody asks again. */
export const isRefusal = (err: unknown): boolean =>
  err instanceof MessageFailed && ['bad-request', 'forbidden-sender', 'forbidden', 'not-found', 'unknown-type'].includes(err.code);

export interface TransportStats {
  retries: number;
  failures: number;
}

export interface SenderOptions {
  /** The browser's sendMessage, a fake in tests. */
  post(request: unknown): Promise<unknown>;
  /** Tries per request, the first included. */
  attempts?: number;
  baseMs?: number;
  maxDelayMs?: number;
  /**
   * Requests waiting for their next try, at most: a background that stays dead costs a bounded
   * number of held requests (each holds at most one comments batch), not memory without limit.
   */
  maxWaiting?: number;
  random?(): number;
  /** Called when a retry or a final failure changed the counts. */
  onStats?(stats: TransportStats): void;
  onInvalidated?(): void;
}

export interface Sender {
  send: Send;
  readonly stats: TransportStats;
}

export function createSender(opts: SenderOptions): Sender {
  const attempts = opts.attempts ?? 8;
  const baseMs = opts.baseMs ?? 250;
  const maxDelayMs = opts.maxDelayMs ?? 5_000;
  const maxWaiting = opts.maxWaiting ?? 32;
  const random = opts.random ?? Math.random;
  const stats: TransportStats = { retries: 0, failures: 0 };
  let waiting = 0;

  const once = async <T extends RequestType>(request: Extract<Request, { type: T }>): Promise<Response<T>> => {
    let answer: Answer<T> | undefined;
    try {
      answer = (await opts.post(request)) as Answer<T> | undefined;
    } catch (err) {
      const message = (err as Error)?.message ?? String(err);
      if (GONE.test(message)) throw new MessageFailed(INVALIDATED, message);
      throw new MessageFailed('transport', message);
    }
    if (!answer) throw new MessageFailed('no-answer', `${request.type}: the background did not answer`);
    if (!answer.ok) throw new MessageFailed(answer.error.code, answer.error.message);
    return answer.data;
  };
  const retriable = (err: MessageFailed) => err.code === 'internal' || err.code === 'no-answer' || (err.code === 'transport' && TRANSIENT.test(err.message));

  const send = (async <T extends RequestType>(request: Extract<Request, { type: T }>, options: SendOptions = {}): Promise<Response<T>> => {
    const tries = options.attempts ?? attempts;
    const counted = options.counted ?? true;
    for (let attempt = 1; ; attempt++) {
      try {
        return await once(request);
      } catch (caught) {
        const err = caught as MessageFailed;
        if (err.code === INVALIDATED) {
          opts.onInvalidated?.();
          throw err;
        }
        if (!retriable(err)) throw err;
        if (attempt >= tries || waiting >= maxWaiting) {
          if (counted) {
            stats.failures++;
            opts.onStats?.(stats);
          }
          throw err;
        }
        if (counted) {
          stats.retries++;
          opts.onStats?.(stats);
        }
        // Half the backoff fixed, half random: the tabs that lost the same worker do not all knock again at the same instant.
        const step = Math.min(maxDelayMs, baseMs * 2 ** (attempt - 1));
        const delay = step / 2 + (random() * step) / 2;
        waiting++;
        await new Promise((resolve) => setTimeout(resolve, delay)).finally(() => waiting--);
      }
    }
  }) as Send;
  return { send, stats };
}

/** The browser's own sender, retrying; a content script makes its own with createSender to watch its stats. */
export const browserSender = (opts: Omit<SenderOptions, 'post'> = {}): Sender => 
  createSender({
    ...opts,
    post: (r) => {
      // After an update the old script's runtime has no id (or no runtime at all) before any call throws.
      if (!browser.runtime?.id) throw new Error('Extension context invalidated.');
      return browser.runtime.sendMessage(r);
    },
  });

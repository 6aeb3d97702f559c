/**
 * The background's side: check who sent a message and what it says, then run its handler.
 * Nothing in a request is trusted before it parsed, and a rejected request writes nothing.
 */
import { z } from 'zod';
import { platformForUrl } from '../platforms/registry';
import { requests, type Answer, type ErrorCode, type Request, type RequestType, type Response } from './protocol';

export interface Sender {
  id?: string;
  url?: string;
  tab?: { id?: number; url?: string };
}

export type Handlers = {
  [T in RequestType]: (request: Extract<Request, { type: T }>, sender: Sender) => Promise<Response<T>>;
};

export class HandlerError extends Error {
  constructor(readonly code: ErrorCode, message: string) {
    super(message);
  }
}

const fail = (code: ErrorCode, message: string) => ({ ok: false as const, error: { code, message } });

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => `${i.path.join('.') || '(message)'}: ${i.message}`)
    .join('; ');
}

/**
 * `extensionId` is ours; `extensionOrigin` is chrome-extension://<id>/ (or moz-extension://...).
 * Content-script messages must come from a tab of a supported platform; ui messages from our own pages.
 */
export function createDispatcher(handlers: Handlers, extensionId: string, extensionOrigin: string, opts: { ready?: () => Promise<void> } = {}) {
  return async function dispatch(raw: unknown, sender: Sender): Promise<Answer<RequestType>> {
    if (sender.id !== extensionId) return fail('forbidden-sender', 'message from another extension or a web page');
    // Platforms known only at run time (Mastodon instances the user added) must be loaded before the sender check.
    await opts.ready?.();
    const type = (raw as { type?: unknown } | null)?.type;
    if (typeof type !== 'string' || !Object.hasOwn(handlers, type)) {
      return fail('unknown-type', `unknown message type ${JSON.stringify(type ?? null).slice(0, 80)}`);
    }
    if (type.startsWith('cs:')) {
      const tabUrl = sender.tab?.url ?? sender.url;
      if (!tabUrl || !platformForUrl(tabUrl)) return fail('forbidden-sender', `${type} must come from a supported platform tab`);
    } else if (!(sender.url ?? '').startsWith(extensionOrigin)) {
      return fail('forbidden-sender', `${type} must come from an extension page`);
    }
    const parsed = requests.safeParse(raw);
    if (!parsed.success) return fail('bad-request', `${type}: ${describeIssues(parsed.error)}`);
    try {
      const handler = handlers[parsed.data.type] as (r: Request, s: Sender) => Promise<Response<RequestType>>;
      return { ok: true, data: await handler(parsed.data, sender) };
    } catch (err) {
      if (err instanceof HandlerError) return fail(err.code, err.message);
      console.error('[vigie] handler failed', type, err);
      return fail('internal', `${type} failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  };
}

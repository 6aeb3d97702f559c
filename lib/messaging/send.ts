import { browser } from 'wxt/browser';
import type { Answer, Request, RequestType, Response } from './protocol';

export class MessageFailed extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
  }
}

/** Sends a request to the background and returns its typed answer, or throws MessageFailed. */
export async function send<T extends RequestType>(request: Extract<Request, { type: T }>): Promise<Response<T>> {
  const answer = (await browser.runtime.sendMessage(request)) as Answer<T> | undefined;
  if (!answer) throw new MessageFailed('no-answer', `${request.type}: the background did not answer`);
  if (!answer.ok) throw new MessageFailed(answer.error.code, answer.error.message);
  return answer.data;
}

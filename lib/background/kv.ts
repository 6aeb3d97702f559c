/**
 * The little state the background keeps between service-worker lives (queues, detector snapshot),
 * behind an interface so the logic runs in Node tests with a Map.
 */
import { browser } from 'wxt/browser';

export interface KeyValueStore {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
}

/** browser.storage.local: survives the worker being stopped, and extension pages can watch it. */
export function localStore(): KeyValueStore {
  return {
    async get(key) {
      return (await browser.storage.local.get(key))[key];
    },
    set: (key, value) => browser.storage.local.set({ [key]: value }),
  };
}

export function memoryStore(initial: Record<string, unknown> = {}): KeyValueStore & { data: Map<string, unknown> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    async get(key) {
      return structuredClone(data.get(key));
    },
    async set(key, value) {
      data.set(key, structuredClone(value));
    },
  };
}

/** Runs async read-modify-write steps one after the other, so two events never overwrite each other's change. */
export function serial() {
  let tail: Promise<unknown> = Promise.resolve();
  return function run<T>(step: () => Promise<T>): Promise<T> {
    const next = tail.then(step, step);
    tail = next.catch(() => {});
    return next;
  };
}

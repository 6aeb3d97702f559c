/**
 * The spike detector as the background runs it: fed with the comments seen for the first time, its
 * state saved after every batch (the service worker is stopped whenever it idles) and restored on start.
 */
import { createSpikeDetector, type Alert, type SpikeConfigInput, type SpikeDetector, type SpikeEvent } from '../crisis/spike';
import type { CommentRecord } from '../db/model';
import { serial, type KeyValueStore } from './kv';

export const SNAPSHOT_KEY = 'vigie:spike-snapshot';

const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
const wordChar = /[\p{L}\p{N}_]/u;

/**
 * The tracked keywords a text mentions, as whole words or phrases, ignoring case and accents
 * ("Rappel" and "rappél" match "rappel"; "rappeler" does not). Hashtags match with or without their #.
 */
export function matchKeywords(text: string, keywords: readonly string[]): string[] {
  if (!keywords.length) return [];
  const hay = fold(text);
  return keywords.filter((k) => {
    const needle = fold(k.trim()).replace(/^#/, '');
    if (!needle) return false;
    for (let from = hay.indexOf(needle); from >= 0; from = hay.indexOf(needle, from + 1)) {
      const before = hay[from - 1];
      const after = hay[from + needle.length];
      if ((!before || !wordChar.test(before)) && (!after || !wordChar.test(after))) return true;
    }
    return false;
  });
}

export function toSpikeEvent(row: CommentRecord, keywords: readonly string[]): SpikeEvent {
  const matched = matchKeywords(row.text, keywords);
  return {
    at: row.firstSeenAt,
    platform: row.platform,
    label: row.sentiment.label,
    risks: row.risks.map((r) => ({ tag: r.tag })),
    ...(matched.length ? { keywords: matched } : {}),
    id: row.id,
    text: row.text,
  };
}

export interface SpikeWatcherDeps {
  store: KeyValueStore;
  settings(): Promise<{ spike: SpikeConfigInput; keywords: string[] }>;
  onAlert(alert: Alert): Promise<void>;
}

export function createSpikeWatcher(deps: SpikeWatcherDeps) {
  const locked = serial();
  let state: { detector: SpikeDetector; keywords: string[] } | undefined;

  /** Built from the settings and the saved snapshot; a snapshot that no longer parses starts afresh. */
  async function build(snapshot: unknown): Promise<{ detector: SpikeDetector; keywords: string[] }> {
    const { spike, keywords } = await deps.settings();
    if (snapshot !== undefined) {
      try {
        return { detector: createSpikeDetector(spike, snapshot), keywords };
      } catch (err) {
        console.warn('[vigie] spike snapshot dropped:', (err as Error).message);
      }
    }
    return { detector: createSpikeDetector(spike), keywords };
  }

  return {
    /** Pushes new comments, saves the detector's state, and raises each alert. */
    seen(rows: readonly CommentRecord[]): Promise<Alert[]> {
      return locked(async () => {
        if (!rows.length) return [];
        state ??= await build(await deps.store.get(SNAPSHOT_KEY));
        const { detector, keywords } = state;
        const alerts = [...rows].sort((a, b) => a.firstSeenAt - b.firstSeenAt).flatMap((row) => detector.push(toSpikeEvent(row, keywords)));
        await deps.store.set(SNAPSHOT_KEY, detector.snapshot());
        for (const alert of alerts) await deps.onAlert(alert);
        return alerts;
      });
    },

    /** New thresholds or keywords: the detector is rebuilt with them, keeping what it has counted. */
    settingsChanged(): Promise<void> {
      return locked(async () => {
        state = state ? await build(state.detector.snapshot()) : undefined;
      });
    },
  };
}
export type SpikeWatcher = ReturnType<typeof createSpikeWatcher>;

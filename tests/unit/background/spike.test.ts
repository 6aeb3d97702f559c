import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryStore } from '../../../lib/background/kv';
import { createSpikeWatcher, matchKeywords, SNAPSHOT_KEY } from '../../../lib/background/spike';
import { replay } from '../../../lib/cli/crisis';
import type { Alert } from '../../../lib/crisis/spike';
import { needsAttention, type CommentRecord } from '../../../lib/db/model';
import type { PlatformId } from '../../../lib/platforms/types';
import { classify } from '../../../lib/sentiment';

const fixture = join(import.meta.dirname, '..', '..', 'fixtures', 'crisis', 'calm-burst.jsonl');
const source = readFileSync(fixture, 'utf8');

/** The replay stream as the background stores comments: classified when first seen. */
function rows(): CommentRecord[] {
  return source
    .split('\n')
    .filter(Boolean)
    .map((line, i) => {
      const { at, platform, text } = JSON.parse(line) as { at: string; platform: PlatformId; text: string };
      const s = classify(text);
      const row = {
        id: `${platform}:${i}`,
        platform,
        nativeId: String(i),
        threadUrl: `https://example.test/${platform}`,
        author: { name: 'Someone' },
        text,
        lang: s.lang,
        sentiment: { label: s.label, score: s.score, confidence: s.confidence },
        risks: s.risks,
        firstSeenAt: Date.parse(at),
        lastSeenAt: Date.parse(at),
        status: 'new' as const,
      };
      return { ...row, attention: needsAttention(row) };
    })
    .sort((a, b) => a.firstSeenAt - b.firstSeenAt);
}

function watcher(store = memoryStore(), keywords: string[] = []) {
  const alerts: Alert[] = [];
  const w = createSpikeWatcher({ store, settings: async () => ({ spike: {}, keywords }), onAlert: async (a) => void alerts.push(a) });
  return { w, alerts, store };
}

async function feed(w: ReturnType<typeof watcher>['w'], list: CommentRecord[], batch = 25) {
  for (let i = 0; i < list.length; i += batch) await w.seen(list.slice(i, i + batch));
}

describe('spike watcher in the background', () => {
  it('raises exactly the alerts the replay command raises on a calm stream followed by a burst', async () => {
    const { w, alerts } = watcher();
    await feed(w, rows());
    const expected = replay(source, fixture).alerts;
    expect(expected).toHaveLength(1);
    expect(alerts.map((a) => ({ at: new Date(a.at).toISOString(), platform: a.platform }))).toEqual(expected.map((a) => ({ at: a.at, platform: a.platform })));
    expect(alerts[0]!.evidence.length).toBeGreaterThan(0);
  });

  it('saves its state after each batch and, restarted on that state, neither misses the burst nor alerts twice', async () => {
    const all = rows();
    const burstAt = replay(source, fixture).alerts[0]!.at;
    const cut = all.findIndex((r) => new Date(r.firstSeenAt).toISOString() >= burstAt) - 5;
    const first = watcher();
    await feed(first.w, all.slice(0, cut));
    expect(first.alerts).toEqual([]);
    expect(first.store.data.get(SNAPSHOT_KEY)).toMatchObject({ version: 1 });

    // The service worker was stopped: a new watcher starts from the stored snapshot.
    const second = watcher(first.store);
    await feed(second.w, all.slice(cut));
    expect(second.alerts.map((a) => new Date(a.at).toISOString())).toEqual([burstAt]);

    // And again after the alert: the cooldown and the disarmed stream came back with the snapshot.
    const third = watcher(second.store);
    await feed(third.w, all.slice(cut));
    expect(third.alerts).toEqual([]);
  });

  it('starts afresh when the stored snapshot is unreadable', async () => {
    const store = memoryStore({ [SNAPSHOT_KEY]: { version: 99, garbage: true } });
    const { w, alerts } = watcher(store);
    await feed(w, rows());
    expect(alerts).toHaveLength(1);
    expect(store.data.get(SNAPSHOT_KEY)).toMatchObject({ version: 1 });
  });

  it('follows tracked keywords as streams of their own', async () => {
    const { w, store } = watcher(memoryStore(), ['remboursement']);
    const [row] = rows();
    await w.seen([{ ...row!, text: 'Toujours pas de remboursement, honteux' }]);
    const snap = store.data.get(SNAPSHOT_KEY) as { streams: { keyword?: string }[] };
    expect(snap.streams.map((s) => s.keyword ?? null)).toEqual([null, 'remboursement']);
  });
});

describe('matchKeywords', () => {
  const cases: [string, string[], string[]][] = [
    ['Le rappel des chargeurs Voltix', ['rappel', 'voltix'], ['rappel', 'voltix']],
    ['RAPPÉL en cours', ['rappel'], ['rappel']],
    ['Il faut me rappeler', ['rappel'], []],
    ['#VoltixGate partout', ['#voltixgate'], ['#voltixgate']],
    ['voltixgate sans dièse', ['#VoltixGate'], ['#VoltixGate']],
    ['service client injoignable', ['service client'], ['service client']],
    ['servicE-client', ['service client'], []],
    ['', ['rappel'], []],
    ['rien à voir', [], []],
  ];
  it.each(cases)('%j with %j', (text, keywords, expected) => {
    expect(matchKeywords(text, keywords)).toEqual(expected);
  });
});

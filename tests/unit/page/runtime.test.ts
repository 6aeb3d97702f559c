// @vitest-environment happy-dom
import { loadFixture } from '../helpers/fixtures';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Request } from '../../../lib/messaging/protocol';
import { MessageFailed } from '../../../lib/messaging/send';
import type { NearViewFactory } from '../../../lib/page/near-view';
import { runPage, type Send } from '../../../lib/page/runtime';
import { xAdapter } from '../../../lib/platforms/x/adapter';

const load = (file: string, url: string) => loadFixture('x', file, url);

let sent: Request[];
let refuseEscalation = false;
let backgroundDown = false;
let refuseComments = false;
let answersHeld: Promise<void> | undefined;
let life: AbortController;
let navigate: () => void;
const send: Send = (async (req: Request) => {
  sent.push(req);
  if (req.type === 'cs:comments-seen') {
    if (backgroundDown) throw new MessageFailed('no-answer', 'the background did not answer');
    if (refuseComments) throw new MessageFailed('bad-request', 'comments.0.text: too long');
    await answersHeld;
    return { badges: req.comments.map((c) => ({ id: `x:${c.nativeId}`, status: 'new', sentiment: { label: c.text.includes('arnaque') ? 'negative' : 'neutral', score: 0, confidence: 0.9, lang: 'fr', risks: c.text.includes('arnaque') ? [{ tag: 'crisis', evidence: [0, 1] }] : [] } })) };
  }
  if (req.type === 'cs:set-status') return { id: req.commentId, status: req.status };
  if (req.type === 'cs:escalate') {
    if (refuseEscalation) throw new Error('escalation.severity: required');
    return { incidentId: 'inc-1', title: 'Commande en retard', severity: req.escalation.severity, created: true };
  }
  return { stored: true };
}) as Send;

const badges = () => Array.from(document.querySelectorAll<HTMLElement>('vigie-badge'));
const settle = () => vi.waitFor(() => expect(badges().every((b) => b.dataset.vigieSentiment)).toBe(true), { timeout: 3000 });

beforeEach(() => {
  sent = [];
  refuseEscalation = false;
  backgroundDown = false;
  refuseComments = false;
  answersHeld = undefined;
  document.querySelectorAll('vigie-escalate-dialog').forEach((d) => d.remove());
  life = new AbortController();
  load('thread.html', 'https://x.com/vigie_demo/status/1850000000000000001');
  runPage({ adapter: xAdapter, document, signal: life.signal, onLocationChange: (cb) => (navigate = cb), send, lang: 'fr', settleMs: 100, voiceEnabled: () => true });
});
afterEach(() => life.abort());

/** The page's runtime started again on the same page, the background's answers held until the returned function is called. */
function restartWithAnswersHeld(): () => void {
  life.abort();
  for (const b of badges()) b.remove();
  let release!: () => void;
  answersHeld = new Promise((r) => (release = r));
  sent = [];
  life = new AbortController();
  runPage({ adapter: xAdapter, document, signal: life.signal, onLocationChange: (cb) => (navigate = cb), send, lang: 'fr', settleMs: 100, voiceEnabled: () => true });
  return release;
}

describe('page runtime', () => {
  it('badges every comment once, in its action bar, with the sentiment the background answered', async () => {
    await vi.waitFor(() => expect(badges()).toHaveLength(5));
    await settle();
    for (const b of badges()) expect(b.parentElement?.getAttribute('role')).toBe('group');
    const marie = badges().find((b) => b.dataset.vigieComment === 'x:1850000000000000002')!;
    expect(marie.dataset.vigieSentiment).toBe('negative');
    expect(marie.shadowRoot!.querySelector('[data-risk="crisis"]')?.textContent).toBe('crise');
    const seen = sent.filter((r) => r.type === 'cs:comments-seen');
    expect(seen.flatMap((r) => (r.type === 'cs:comments-seen' ? r.comments : [])).length).toBe(5);
  });

  it('badges each comment once when the page hands its node over again before the answer comes back', async () => {
    const release = restartWithAnswersHeld();
    const seenCount = () => sent.flatMap((r) => (r.type === 'cs:comments-seen' ? r.comments : [])).length;
    await vi.waitFor(() => expect(seenCount()).toBe(5));
    // A re-render moves a waiting comment's node: the observer hands it over again.
    const tweet = document.querySelector('article[data-testid="tweet"]')!;
    tweet.parentElement!.append(tweet);
    await new Promise((r) => setTimeout(r, 300));
    release();
    await vi.waitFor(() => expect(badges()).toHaveLength(5));
    await settle();
    await new Promise((r) => setTimeout(r, 100));
    expect(badges()).toHaveLength(5);
    expect(seenCount()).toBe(5);
  });

  const restartDown = () => {
    life.abort();
    backgroundDown = true;
    for (const b of badges()) b.remove();
    sent = [];
    life = new AbortController();
    runPage({ adapter: xAdapter, document, signal: life.signal, onLocationChange: (cb) => (navigate = cb), send, lang: 'fr', settleMs: 100, voiceEnabled: () => true });
  };
  const seenCount = () => sent.filter((r) => r.type === 'cs:comments-seen').length;
  const pill = (b: HTMLElement) => b.shadowRoot!.querySelector<HTMLElement>('.pill')!;

  it('says quietly on each comment that its answer is late, and gets it on its own once the background is back', async () => {
    restartDown();
    await vi.waitFor(() => expect(badges()).toHaveLength(5));
    await vi.waitFor(() => expect(badges().every((b) => b.dataset.vigieRetrying === 'true')).toBe(true));
    for (const b of badges()) {
      expect(b.dataset.vigieSentiment).toBeUndefined();
      expect(pill(b).textContent).toBe('Analyse en attente');
      expect(pill(b).title).toContain('the background did not answer');
    }
    backgroundDown = false;
    // No click, no reload: the page's own retry (2 s after the first failure).
    await vi.waitFor(() => expect(badges().every((b) => b.dataset.vigieSentiment)).toBe(true), { timeout: 4000 });
    expect(badges()).toHaveLength(5);
    expect(badges().some((b) => b.dataset.vigieRetrying)).toBe(false);
    expect(badges().find((b) => b.dataset.vigieComment === 'x:1850000000000000002')!.dataset.vigieSentiment).toBe('negative');
  });

  it('asks again at once when a waiting badge is clicked, and keeps waiting while the background stays down', async () => {
    restartDown();
    await vi.waitFor(() => expect(badges().length === 5 && badges().every((b) => b.dataset.vigieRetrying)).toBe(true));
    const before = seenCount();
    pill(badges()[0]!).click();
    await vi.waitFor(() => expect(seenCount()).toBe(before + 1));
    await vi.waitFor(() => expect(badges().every((b) => b.dataset.vigieRetrying)).toBe(true));
    backgroundDown = false;
    pill(badges()[0]!).dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
    await vi.waitFor(() => expect(badges().every((b) => b.dataset.vigieSentiment)).toBe(true), { timeout: 1000 });
  });

  it('does not ask again when the background refused the batch: the badge says why', async () => {
    restartDown();
    backgroundDown = false;
    refuseComments = true;
    await vi.waitFor(() => expect(badges().length === 5 && badges().every((b) => b.shadowRoot!.querySelector('[role="status"]'))).toBe(true));
    const before = seenCount();
    expect(badges()[0]!.shadowRoot!.querySelector('[role="status"]')!.textContent).toBe('Analyse impossible: comments.0.text: too long');
    expect(badges().some((b) => b.dataset.vigieRetrying)).toBe(false);
    await new Promise((r) => setTimeout(r, 2500));
    expect(seenCount()).toBe(before);
  });

  it('stops asking once the page runtime is stopped (the extension was updated)', async () => {
    restartDown();
    await vi.waitFor(() => expect(badges().length === 5 && badges().every((b) => b.dataset.vigieRetrying)).toBe(true));
    life.abort();
    const before = sent.length;
    await new Promise((r) => setTimeout(r, 2500));
    expect(sent.length).toBe(before);
  });

  it('stops re-reading a node that is no comment (a promoted post) once it stayed unreadable for 10 s', async () => {
    await vi.waitFor(() => expect(badges()).toHaveLength(5));
    const promoted = document.querySelector('[data-testid="placementTracking"]')!.closest('article')!;
    const extract = vi.spyOn(xAdapter, 'extract');
    const reads = () => extract.mock.calls.filter(([el]) => el === promoted).length;
    const mutate = async () => {
      document.body.append(document.createElement('div'));
      await new Promise((r) => setTimeout(r, 150));
    };
    await mutate();
    await mutate();
    expect(reads()).toBeGreaterThanOrEqual(2);
    const later = performance.now() + 11_000;
    vi.spyOn(performance, 'now').mockImplementation(() => later);
    await mutate();
    const settled = reads();
    await mutate();
    await mutate();
    expect(reads()).toBe(settled);
    vi.restoreAllMocks();
  });

  it('reads markup in a comment as text, and sends a comment longer than the protocol allows cut, not refused', async () => {
    await vi.waitFor(() => expect(badges()).toHaveLength(5));
    const sentText = (id: string) => sent.flatMap((r) => (r.type === 'cs:comments-seen' ? r.comments : [])).find((c) => c.nativeId === id)?.text;
    expect(sentText('1850000000000000005')).toMatch(/^<script>window.__pwned = true<\/script><img src=x onerror=/);
    expect(document.querySelector('[data-testid="tweetText"] script, [data-testid="tweetText"] img[src="x"]')).toBeNull();
    // A 30,000-character comment appears (infinite scroll): it is sent cut to 20,000.
    const copy = document.querySelector('article[data-testid="tweet"]')!.cloneNode(true) as Element;
    copy.querySelector('vigie-badge')?.remove();
    copy.querySelector('a[href*="/status/"]')!.setAttribute('href', '/long_01/status/1850000000000000099');
    copy.querySelector('[data-testid="tweetText"]')!.textContent = 'é'.repeat(30_000);
    document.querySelector('article[data-testid="tweet"]')!.parentElement!.append(copy);
    await vi.waitFor(() => expect(sentText('1850000000000000099')).toBeDefined());
    expect(sentText('1850000000000000099')).toBe('é'.repeat(20_000));
    // An id and a parent longer than the protocol allows (a long handle in a Bluesky key): cut alike, the batch not refused.
    const long = copy.cloneNode(true) as Element;
    long.querySelector('a[href*="/status/"]')!.setAttribute('href', `/long_02/status/1850000000000000098${'7'.repeat(250)}`);
    document.querySelector('article[data-testid="tweet"]')!.parentElement!.append(long);
    const cutId = `1850000000000000098${'7'.repeat(250)}`.slice(0, 200);
    await vi.waitFor(() => expect(sentText(cutId)).toBeDefined());
    await vi.waitFor(() => expect(badges().some((b) => b.dataset.vigieComment === `x:${cutId}`)).toBe(true));
  });

  it('badges comments added later (infinite scroll) without re-sending the old ones', async () => {
    await vi.waitFor(() => expect(badges()).toHaveLength(5));
    const list = document.querySelector('article')!.closest('[data-testid="cellInnerDiv"]')!.parentElement!;
    const copy = list.querySelector('[data-testid="cellInnerDiv"]:nth-of-type(3)')!.cloneNode(true) as Element;
    copy.querySelector('vigie-badge')?.remove();
    copy.querySelector('a[href*="/status/"]')!.setAttribute('href', '/jlmartin/status/1850000000000000099');
    list.append(copy);
    await vi.waitFor(() => expect(badges()).toHaveLength(6));
    const ids = sent.flatMap((r) => (r.type === 'cs:comments-seen' ? r.comments.map((c) => c.nativeId) : []));
    expect(ids.filter((id) => id === '1850000000000000099')).toHaveLength(1);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('while a batch is out, sends the comments read meanwhile together, once it is answered', async () => {
    const release = restartWithAnswersHeld();
    const batches = () => sent.flatMap((r) => (r.type === 'cs:comments-seen' ? [r.comments.map((c) => c.nativeId)] : []));
    await vi.waitFor(() => expect(batches()).toHaveLength(1));
    const list = document.querySelector('article')!.closest('[data-testid="cellInnerDiv"]')!.parentElement!;
    for (const id of ['1850000000000000097', '1850000000000000098', '1850000000000000099']) {
      const copy = list.querySelector('[data-testid="cellInnerDiv"]:nth-of-type(3)')!.cloneNode(true) as Element;
      copy.querySelector('a[href*="/status/"]')!.setAttribute('href', `/jlmartin/status/${id}`);
      list.append(copy);
      // Each in a batch of the page's own, read in a slice of its own.
      await new Promise((r) => setTimeout(r, 120));
    }
    expect(batches()).toHaveLength(1);
    release();
    await vi.waitFor(() => expect(badges()).toHaveLength(8));
    expect(batches()).toHaveLength(2);
    expect(batches()[1]).toEqual(['1850000000000000097', '1850000000000000098', '1850000000000000099']);
  });

  it('a batch whose answer does not come holds the next one back for 2 s at most', async () => {
    restartWithAnswersHeld();
    const batches = () => sent.flatMap((r) => (r.type === 'cs:comments-seen' ? [r.comments.map((c) => c.nativeId)] : []));
    await vi.waitFor(() => expect(batches()).toHaveLength(1));
    const list = document.querySelector('article')!.closest('[data-testid="cellInnerDiv"]')!.parentElement!;
    const copy = list.querySelector('[data-testid="cellInnerDiv"]:nth-of-type(3)')!.cloneNode(true) as Element;
    copy.querySelector('a[href*="/status/"]')!.setAttribute('href', '/jlmartin/status/1850000000000000097');
    list.append(copy);
    await new Promise((r) => setTimeout(r, 1000));
    expect(batches()).toHaveLength(1);
    await vi.waitFor(() => expect(batches()).toEqual([expect.any(Array), ['1850000000000000097']]), { timeout: 2500 });
  }, 10_000);

  const openDialog = async (id: string) => {
    await vi.waitFor(() => expect(badges()).toHaveLength(5));
    await settle();
    const badge = badges().find((b) => b.dataset.vigieComment === id)!;
    badge.shadowRoot!.querySelector<HTMLButtonElement>('[data-action="escalate"]')!.click();
    const dialog = document.querySelector('vigie-escalate-dialog')!.shadowRoot!;
    return { badge, dialog };
  };

  it('escalate, flag only: the dialog sends the flag and the badge shows it', async () => {
    const { badge, dialog } = await openDialog('x:1850000000000000002');
    expect(dialog.querySelector('.quote')?.textContent).toContain('C’est une arnaque');
    dialog.querySelector<HTMLButtonElement>('[data-action="flag-only"]')!.click();
    await vi.waitFor(() => expect(badge.dataset.vigieStatus).toBe('flagged'));
    expect(sent).toContainEqual({ type: 'cs:set-status', commentId: 'x:1850000000000000002', status: 'flagged' });
    expect(document.querySelector('vigie-escalate-dialog')).toBeNull();
  });

  it('escalate to an incident: severity, category and note reach the background with the comment', async () => {
    const { badge, dialog } = await openDialog('x:1850000000000000002');
    dialog.querySelector<HTMLInputElement>('#sev-3')!.click();
    dialog.querySelector<HTMLTextAreaElement>('#note')!.value = 'Plusieurs clients, même commande';
    dialog.querySelector<HTMLButtonElement>('[data-action="escalate-submit"]')!.click();
    await vi.waitFor(() => expect(badge.dataset.vigieIncident).toBe('inc-1'));
    const request = sent.find((r) => r.type === 'cs:escalate');
    expect(request).toMatchObject({
      comment: { nativeId: '1850000000000000002' },
      escalation: { platform: 'x', severity: 3, category: 'reputation', note: 'Plusieurs clients, même commande', commentId: 'x:1850000000000000002', permalink: 'https://x.com/marie_dpt/status/1850000000000000002' },
    });
    expect(badge.shadowRoot!.querySelector('.incident')?.textContent).toBe('Incident : Commande en retard');
  });

  it('keeps the dialog open with what was typed and says why when the send fails; sending again works', async () => {
    refuseEscalation = true;
    const { dialog } = await openDialog('x:1850000000000000003');
    dialog.querySelector<HTMLTextAreaElement>('#note')!.value = 'Trois clients ce matin';
    dialog.querySelector<HTMLButtonElement>('[data-action="escalate-submit"]')!.click();
    await vi.waitFor(() => expect(dialog.querySelector('[role="alert"]')?.textContent).toBe('Envoi impossible : escalation.severity: required. Vos choix sont conservés, réessayez.'));
    expect(document.querySelector('vigie-escalate-dialog')).not.toBeNull();
    expect(dialog.querySelector<HTMLTextAreaElement>('#note')!.value).toBe('Trois clients ce matin');
    refuseEscalation = false;
    dialog.querySelector<HTMLButtonElement>('[data-action="escalate-submit"]')!.click();
    await vi.waitFor(() => expect(document.querySelector('vigie-escalate-dialog')).toBeNull());
    const last = sent.filter((r) => r.type === 'cs:escalate').at(-1);
    expect(last?.type === 'cs:escalate' && last.escalation.note).toBe('Trois clients ce matin');
  });

  it('follows in-app navigation: the new thread is badged', async () => {
    await vi.waitFor(() => expect(badges()).toHaveLength(5));
    load('thread-reply.html', 'https://x.com/marie_dpt/status/1850000000000000002');
    navigate();
    await vi.waitFor(() => expect(badges()).toHaveLength(3));
    const ids = badges().map((b) => b.dataset.vigieComment);
    expect(ids).toContain('x:1850000000000000008');
  });

  it('reports the adapter health once the page settled', async () => {
    await vi.waitFor(() => expect(sent.some((r) => r.type === 'cs:health')).toBe(true));
    const health = sent.find((r) => r.type === 'cs:health');
    expect(health).toMatchObject({ report: { platform: 'x', comments: 6, problems: [] } });
  });

  it('reports a page that should have comments but shows none', async () => {
    life.abort();
    sent = [];
    life = new AbortController();
    document.body.innerHTML = '<main role="main"><div>Markup changed</div></main>';
    runPage({ adapter: xAdapter, document, signal: life.signal, onLocationChange: () => {}, send, lang: 'fr', settleMs: 50, voiceEnabled: () => true });
    await vi.waitFor(() => expect(sent.some((r) => r.type === 'cs:health')).toBe(true));
    expect(sent.find((r) => r.type === 'cs:health')).toMatchObject({ report: { comments: 0, problems: [{ code: 'no-comments' }] } });
  });
});

describe('page runtime health', () => {
  it('reports the sender’s retries and failures with the page’s health, each only once', async () => {
    life.abort();
    sent = [];
    life = new AbortController();
    const transport = { retries: 3, failures: 1 };
    const page = runPage({ adapter: xAdapter, document, signal: life.signal, onLocationChange: (cb) => (navigate = cb), send, lang: 'fr', settleMs: 100, voiceEnabled: () => true, transport });
    const reports = () => sent.flatMap((r) => (r.type === 'cs:health' ? [r.report.transport] : []));
    await vi.waitFor(() => expect(reports()).toEqual([{ retries: 3, failures: 1 }]));
    transport.retries = 7;
    page.transportChanged();
    page.transportChanged();
    await vi.waitFor(() => expect(reports()).toHaveLength(2), { timeout: 6000 });
    expect(reports()[1]).toEqual({ retries: 4, failures: 0 });
  }, 10_000);
});

describe('page runtime, comments far from the screen', () => {
  /** A near-view driven by the test: nothing comes near until `bring` says so. */
  let watched: Set<Element>;
  let unwatched: Element[];
  /** `arrived`: near when their answer landed, rather than brought near by a scroll. */
  let bring: (els: Element[], arrived?: boolean) => void;
  const nearView: NearViewFactory = (onNear) => {
    bring = (els, arrived = false) => {
      els.forEach((el) => watched.delete(el));
      onNear(els, arrived);
    };
    return { watch: (els) => els.forEach((el) => watched.add(el)), unwatch: (el) => (watched.delete(el), unwatched.push(el)) };
  };
  const tweets = () => Array.from(document.querySelectorAll('article[data-testid="tweet"]'));
  const restart = (buildAhead = 0, arrivalAhead = 0) => {
    life.abort();
    for (const b of badges()) b.remove();
    sent = [];
    watched = new Set();
    unwatched = [];
    life = new AbortController();
    return runPage({ adapter: xAdapter, document, signal: life.signal, onLocationChange: (cb) => (navigate = cb), send, lang: 'fr', settleMs: 100, voiceEnabled: () => true, nearView, buildAhead, arrivalAhead });
  };
  const seen = () => sent.flatMap((r) => (r.type === 'cs:comments-seen' ? r.comments.map((c) => c.nativeId) : []));
  const badgeIdOf = (tweet: Element) => `x:${xAdapter.extract(tweet)!.nativeId}`;

  it('sends every comment at once, and builds a badge only when its comment comes near, with the answer kept for it', async () => {
    restart();
    await vi.waitFor(() => expect(watched.size).toBe(5));
    expect(seen()).toHaveLength(5);
    expect(badges()).toHaveLength(0);
    const [first, second] = tweets();
    bring([first!, second!]);
    expect(badges().map((b) => b.dataset.vigieComment)).toEqual(['x:1850000000000000001', 'x:1850000000000000002']);
    expect(badges()[1]!.dataset.vigieSentiment).toBe('negative');
    bring(tweets().slice(2));
    expect(badges()).toHaveLength(5);
    // Brought near again (scrolled past twice), a comment keeps its one badge, and nothing is sent again.
    bring([first!]);
    await new Promise((r) => setTimeout(r, 100));
    expect(badges()).toHaveLength(5);
    expect(seen()).toHaveLength(5);
  });

  it('builds the held comments on either side of a near one with it, as many as asked each way, and no longer watches them', async () => {
    restart(1);
    await vi.waitFor(() => expect(watched.size).toBe(5));
    const all = tweets().filter((t) => xAdapter.extract(t));
    bring([all[3]!]);
    // The near one with the held one above and the held one below, in the order they were read.
    expect(badges().map((b) => b.dataset.vigieComment)).toEqual(all.slice(2, 5).map(badgeIdOf));
    expect(unwatched).toEqual([all[2], all[4]]);
    // Scrolling up: the one above comes with the near one.
    bring([all[1]!]);
    expect(badges().map((b) => b.dataset.vigieComment)).toEqual(all.map(badgeIdOf));
    expect(watched.size).toBe(0);
  });

  it('builds fewer held comments around those already near when their answer lands than around one a scroll brings near', async () => {
    restart(2, 0);
    await vi.waitFor(() => expect(watched.size).toBe(5));
    const all = tweets().filter((t) => xAdapter.extract(t));
    bring([all[1]!], true);
    expect(badges().map((b) => b.dataset.vigieComment)).toEqual([badgeIdOf(all[1]!)]);
    expect(unwatched).toEqual([]);
    bring([all[4]!]);
    expect(badges().map((b) => b.dataset.vigieComment)).toEqual(all.slice(1, 5).map(badgeIdOf));

    restart(2, 1);
    await vi.waitFor(() => expect(watched.size).toBe(5));
    bring([all[2]!], true);
    expect(badges().map((b) => b.dataset.vigieComment)).toEqual(all.slice(1, 4).map(badgeIdOf));
  });

  it('forgets a far comment the page removed (a virtualised timeline), and shows a teammate’s claim on a badge built later', async () => {
    const page = restart();
    await vi.waitFor(() => expect(watched.size).toBe(5));
    const [gone, , , , last] = tweets();
    // Removed with nothing added (a thread collapsed): still forgotten.
    gone!.remove();
    await vi.waitFor(() => expect(unwatched).toEqual([gone]));
    const id = badgeIdOf(last!);
    page.showTeam([{ id, team: { claimed: { name: 'Léa', mine: false, at: Date.now(), until: Date.now() + 60_000 } } }]);
    bring([last!]);
    expect(badges()).toHaveLength(1);
    expect(badges()[0]!.shadowRoot!.textContent).toContain('Léa');
  });

  it('asks again for a far comment whose batch failed, and its badge, built later, shows the answer', async () => {
    backgroundDown = true;
    restart();
    await vi.waitFor(() => expect(watched.size).toBe(5));
    const first = sent.length;
    backgroundDown = false;
    // The page's own retry, 2 s after the failure, though no badge of these comments is built yet.
    await vi.waitFor(() => expect(sent.filter((r) => r.type === 'cs:comments-seen').length).toBeGreaterThan(first), { timeout: 4000 });
    await new Promise((r) => setTimeout(r, 50));
    bring(tweets());
    expect(badges()).toHaveLength(5);
    expect(badges().every((b) => b.dataset.vigieSentiment && !b.dataset.vigieRetrying)).toBe(true);
  }, 10_000);
});

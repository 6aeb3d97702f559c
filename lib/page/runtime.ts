/**
 * The page runtime every platform's content script runs with its adapter: find comments as they
 * appear, send them to the background, badge them with the answer, report the adapter's health.
 * All per-page state lives in a session that dies (observer, timers, queues) on SPA navigation.
 */
import { translate, type UiLang } from '../i18n';
import { INVALIDATED, isRefusal, type Send, type TransportStats } from '../messaging/send';
import { COMMENT_LIMITS, COMMENTS_PER_MESSAGE } from '../platforms/comment-limits';
import { commentKey, type ExtractedComment, type PlatformAdapter } from '../platforms/types';
import type { HealthProblem } from '../db/model';
import { createBadge, type Answer, type BadgeView } from './badge';
import type { TeamStateMessage } from '../messaging/protocol';
import { claimable } from '../team/claimable';
import type { TeamView } from '../team/view';
import { attachComposer, type ComposerDeps, type ComposerHandle } from './composer';
import { openEscalateDialog } from './escalate-dialog';
import { createIdleQueue } from './idle';
import { everywhere, type NearView, type NearViewFactory } from './near-view';
import { observeAdded } from './observer';

export type { Send };

export interface RuntimeOptions {
  adapter: PlatformAdapter;
  document: Document;
  /** Dies when the content script is invalidated (extension reload or update). */
  signal: AbortSignal;
  /** Calls back on every in-page navigation (history API, back and forward). */
  onLocationChange(callback: () => void): void;
  send: Send;
  lang: UiLang;
  /** How long after a navigation the page is judged for health; short in tests. */
  settleMs?: number;
  /** False when the user switched the voice check off for this platform. */
  voiceEnabled(): boolean;
  /** The sender's retries and failures since the script started, reported with the page's health. */
  transport?: TransportStats;
  /** When a comment's badge is built: as it comes near the screen (near-view.ts); at once by default. */
  nearView?: NearViewFactory;
  /** How many held comments on either side of one a scroll brought near are built with it (BUILD_AHEAD by default). */
  buildAhead?: number;
  /** The same for one near the screen when its answer landed (ARRIVAL_AHEAD by default). */
  arrivalAhead?: number;
}

export interface PageController {
  /** Opens the template picker for the reply box that has focus, or the last one used. */
  openPicker(): boolean;
  /** A teammate (or this user in another tab) acted on these comments: their badges follow. */
  showTeam(views: TeamStateMessage['views']): void;
  /** The sender retried or gave up: the health view hears of it (a background that keeps dying). */
  transportChanged(): void;
}

/**
 * A run of badges costs the page one reflow of everything below it, whatever its length. Scrolling
 * a 2,000-comment page to its end at 1,000 px a frame, Chromium's paint-property update (PrePaint)
 * took 7.0 s with the few badges each frame brought near, 1.1 s with runs of 100, and the whole
 * scroll 13.2 s against 6.8 s (4.9 s without the extension). Each way: a scroll up is a scroll too.
 * Not on arrival: comments near the screen when their answer lands are built with a few on either
 * side, so that a page that loads a thousand comments builds the few dozen the user can reach, not
 * two hundred more, while a short thread's next comments, in a pane that Firefox's observer cannot
 * look past (no scrollMargin), are there when it is scrolled.
 */
const BUILD_AHEAD = 100;
/**
 * Batches out longer than this no longer hold the next one back: an answer that never comes, or a
 * sender in its backoff while the background restarts (up to 18 s), would hold every comment read after.
 */
const HOLD_MAX_MS = 2_000;
const ARRIVAL_AHEAD = 10;
const MAX_INCOMPLETE = 500;
/** Long enough for a comment's content to load; an ad or a deleted post stops costing a read on every mutation. */
const GIVE_UP_MS = 10_000;
/** After the sender gave up on a batch, the page tries again on its own, less and less often. */
const RETRY_FIRST_MS = 2_000;
const RETRY_MAX_MS = 30_000;
/** Retries and failures are reported this long after the last one, not once per retry. */
const HEALTH_DEBOUNCE_MS = 5_000;

interface Session {
  signal: AbortSignal;
  /** Comment elements already handled, with the id they had, so each node is processed once. */
  done: WeakMap<Element, string>;
  views: Map<string, BadgeView[]>;
  /** Comment elements read and sent, badged when the background's answer comes back. */
  waiting: Map<string, Element[]>;
  /** Comment elements answered but still far from the screen, with what their badge will show. */
  held: Map<string, Held>;
  near: NearView;
  comments: Map<string, ExtractedComment>;
  /** Comment nodes whose content had not rendered yet: retried on the next mutations. */
  incomplete: Set<Element>;
  /** When each unreadable node was first tried: one still unreadable after GIVE_UP_MS is no comment (an ad, a deleted post). */
  firstTried: WeakMap<Element, number>;
  outbox: ExtractedComment[];
  /** Batches sent and not yet answered: the outbox fills meanwhile and goes as one batch after them. */
  sending: number;
  /** When the last batch went, and the timer that sends what waits once they have been out too long. */
  sentAt: number;
  holdTimer?: ReturnType<typeof setTimeout>;
  composers: ComposerHandle[];
  lastComposer?: ComposerHandle;
  /** Extraction threw: the adapter no longer understands this markup. */
  failures: number;
  /** The team state last shown for each comment, in a team workspace. */
  team: Map<string, TeamView>;
  /** Comments whose batch failed even after the sender's retries: sent again by the retry timer or a click. */
  failed: Map<string, ExtractedComment>;
  retryTimer?: ReturnType<typeof setTimeout>;
  retryMs: number;
  healthTimer?: ReturnType<typeof setTimeout>;
}

type Failure = { message: string; refused: boolean };

interface Held {
  els: Element[];
  answer?: Answer;
  failure?: Failure;
}

/** What the health view was last told of the sender, so each report carries only what is new. */
interface Reported {
  retries: number;
  failures: number;
}

export function runPage(opts: RuntimeOptions): PageController {
  let current: AbortController | undefined;
  let session: Session | undefined;
  const reported: Reported = { retries: 0, failures: 0 };
  const start = () => {
    current?.abort();
    current = new AbortController();
    const signal = AbortSignal.any([opts.signal, current.signal]);
    session = startSession(opts, signal, reported);
  };
  opts.onLocationChange(start);
  start();
  return {
    openPicker() {
      const composers = session?.composers ?? [];
      const active = opts.document.activeElement;
      const target = composers.find((c) => c.editor === active || c.editor.contains(active)) ?? session?.lastComposer ?? composers[0];
      target?.openPicker();
      return Boolean(target);
    },
    showTeam(views) {
      for (const { id, team } of views) if (session) showTeam(session, id, team);
    },
    transportChanged() {
      const s = session;
      if (!s || s.signal.aborted || s.healthTimer) return;
      s.healthTimer = setTimeout(() => {
        s.healthTimer = undefined;
        reportHealth(opts, s, reported);
      }, HEALTH_DEBOUNCE_MS);
    },
  };
}

function startSession(opts: RuntimeOptions, signal: AbortSignal, reported: Reported): Session {
  const { adapter, document: doc } = opts;
  const session: Session = { signal, done: new WeakMap(), views: new Map(), waiting: new Map(), held: new Map(), near: (opts.nearView ?? everywhere)((els, arrived) => build(opts, session, els, arrived), signal), comments: new Map(), incomplete: new Set(), firstTried: new WeakMap(), outbox: [], sending: 0, sentAt: 0, failures: 0, composers: [], team: new Map(), failed: new Map(), retryMs: RETRY_FIRST_MS };
  // The batch of badges from one slice goes to the background at the end of that slice.
  const queue = createIdleQueue<Element>((el) => processComment(opts, session, el), signal, () => flush(opts, session));

  let triggers: ReturnType<ComposerDeps['triggers']> | undefined;
  const account = () => {
    const handle = adapter.currentAccount?.(doc);
    return handle ? { account: handle } : {};
  };
  const composerDeps: ComposerDeps = {
    adapter,
    document: doc,
    send: opts.send,
    lang: opts.lang,
    signal,
    voiceEnabled: opts.voiceEnabled,
    account,
    answering: (editor) => answering(adapter, session, doc, editor),
    // Outside a team workspace nothing is known of any comment's team: no scan of the page's comments.
    startedReply: (editor) => {
      if (session.team.size === 0) return;
      const id = answering(adapter, session, doc, editor);
      const view = id ? session.team.get(id) : undefined;
      if (id && view && claimable(view) && !view.claimed) claim(opts, session, id, false);
    },
    // A failed fetch is forgotten, so the next trigger typed asks again instead of never expanding.
    triggers: () =>
      (triggers ??= opts.send({ type: 'cs:triggers', platform: adapter.id, ...account() }).then(
        (a) => a.triggers,
        () => ((triggers = undefined), []),
      )),
  };
  const attached = new WeakSet<Element>();
  const attachComposers = (root: ParentNode) => {
    for (const editor of adapter.findComposers(root)) {
      if (attached.has(editor)) continue;
      attached.add(editor);
      const handle = attachComposer(composerDeps, editor as HTMLElement);
      session.composers = [...session.composers.filter((c) => c.editor.isConnected), handle];
      editor.addEventListener('focus', () => (session.lastComposer = handle), { signal });
    }
  };

  queue.push(adapter.findComments(doc));
  attachComposers(doc);
  observeAdded(doc.body, signal, (roots) => {
    if (roots === 'rescan') {
      attachComposers(doc);
      return queue.push(adapter.findComments(doc));
    }
    for (const root of roots) {
      queue.push(adapter.findComments(root));
      attachComposers(root);
    }
    if (session.incomplete.size) {
      const retry = Array.from(session.incomplete).filter((el) => el.isConnected);
      session.incomplete.clear();
      queue.push(retry);
    }
  }, () => forgetRemoved(session));

  session.healthTimer = setTimeout(() => {
    session.healthTimer = undefined;
    reportHealth(opts, session, reported);
  }, opts.settleMs ?? 4000);
  signal.addEventListener('abort', () => {
    clearTimeout(session.healthTimer);
    clearTimeout(session.retryTimer);
    clearTimeout(session.holdTimer);
  });
  return session;
}

/**
 * The comment a reply box answers. Inside a comment (nested reply boxes) or a dialog that quotes one
 * (X's reply modal), the comment there. Between comments (a thread's inline box under its
 * post), the comment just before it. After the whole thread (Facebook, Bluesky), the thread's root:
 * the reply box answers the post, not the last reply, and when the post itself is not a comment we
 * know (a Facebook post), nobody; the template then shows a marker rather than greet the wrong person.
 */
function answering(adapter: PlatformAdapter, session: Session, doc: Document, editor: Element): string | undefined {
  const named = adapter.answeredComment?.(editor);
  if (named) return session.done.get(named);
  const dialog = editor.closest('[role="dialog"]');
  const inDialog = dialog ? precedingComment(adapter, session, dialog, editor) : undefined;
  if (inDialog?.contained || inDialog?.before) return session.done.get((inDialog.contained ?? inDialog.before)!);
  const { contained, before, after, preceding } = precedingComment(adapter, session, doc, editor);
  if (contained) return session.done.get(contained);
  const id = before && session.done.get(before);
  if (!id || after) return id;
  // Comments on a video or a post Vigie does not read (TikTok, YouTube) have no parent: after several
  // such threads the box answers the post, not the last commenter.
  const root = rootOf(session, id);
  return root !== undefined && preceding.every((el) => rootOf(session, session.done.get(el)!) === root) ? root : undefined;
}

/** The key of a comment's thread root, or undefined when the root is not a comment read on this page (or not known). */
function rootOf(session: Session, id: string): string | undefined {
  let comment = session.comments.get(id);
  for (let hops = 0; comment?.parentId && hops < 20; hops++) {
    const parent = session.comments.get(commentKey({ platform: comment.platform, nativeId: comment.parentId }));
    if (!parent) return undefined;
    comment = parent;
  }
  return comment && !comment.parentUnknown ? commentKey(comment) : undefined;
}

/**
 * The comment a reply box answers: the innermost read comment that holds it (a box nested in a
 * reply's thread answers that reply, not the top-level comment around it), else the last read one
 * before it.
 */
function precedingComment(adapter: PlatformAdapter, session: Session, root: ParentNode, editor: Element) {
  let contained: Element | undefined;
  let after = false;
  const preceding: Element[] = [];
  for (const c of adapter.findComments(root)) {
    const pos = editor.compareDocumentPosition(c);
    if (pos & Node.DOCUMENT_POSITION_CONTAINS) {
      if (session.done.has(c) && (!contained || contained.contains(c))) contained = c;
    } else if (pos & Node.DOCUMENT_POSITION_PRECEDING) {
      if (session.done.has(c)) preceding.push(c);
    } else if (pos & Node.DOCUMENT_POSITION_FOLLOWING) after = true;
  }
  return { contained, before: preceding.at(-1), after, preceding };
}

function processComment(opts: RuntimeOptions, session: Session, el: Element): void {
  const known = session.done.get(el);
  if (known && (session.waiting.get(known)?.includes(el) || session.held.get(known)?.els.includes(el) || session.views.get(known)?.some((v) => v.host.isConnected && el.contains(v.host)))) return;
  let comment: ExtractedComment | null;
  try {
    comment = opts.adapter.extract(el);
  } catch (err) {
    session.failures++;
    console.warn('[vigie] could not read a comment', err);
    return;
  }
  if (!comment) {
    const now = performance.now();
    const since = session.firstTried.get(el) ?? now;
    session.firstTried.set(el, since);
    if (now - since < GIVE_UP_MS && session.incomplete.size < MAX_INCOMPLETE) session.incomplete.add(el);
    return;
  }
  comment = bounded(comment);
  const id = commentKey(comment);
  session.done.set(el, id);
  const waiting = session.waiting.get(id);
  if (waiting) waiting.push(el);
  else session.waiting.set(id, [el]);
  session.comments.set(id, comment);
  session.outbox.push(comment);
}

/**
 * Answers a comment (or says its failure: `answer` undefined, `failure` said, retried unless refused):
 * its badges update, and its elements that were waiting are returned, to be badged as they come near
 * the screen. A badge is built once, with its answer: a thousand comments cost a thousand badges, not
 * a thousand more updates.
 */
function answered(opts: RuntimeOptions, session: Session, id: string, answer: Answer | undefined, failure?: Failure): Element[] {
  // Most answered comments have no badge yet: nothing to update, nor to keep.
  const built = session.views.get(id);
  if (built) {
    const views = built.filter((v) => v.host.isConnected);
    for (const view of views) {
      if (answer) view.showResult(answer.sentiment, answer.status);
      if (answer?.team) view.showTeam(answer.team);
      if (failure) showFailure(opts, view, failure);
    }
    if (views.length) session.views.set(id, views);
    else session.views.delete(id);
  }
  if (answer?.team) session.team.set(id, answer.team);
  // One the page removed before its answer came is no longer the page's: forgetRemoved has already run for it.
  const waiting = (session.waiting.get(id) ?? []).filter((el) => el.isConnected);
  session.waiting.delete(id);
  const held = session.held.get(id);
  if (held) {
    held.answer = answer ?? held.answer;
    held.failure = failure;
    held.els.push(...waiting);
  } else if (waiting.length) session.held.set(id, { els: waiting, answer, failure });
  return waiting;
}

/**
 * Builds the badges of answered comments that came near the screen, in one batch of DOM writes, with,
 * when a scroll brought them, those of the held comments on either side of them (BUILD_AHEAD each
 * way) in the order they were read: the page's order, but for comments a page inserts above others
 * later. A scroll down finds the ones above built already and builds ahead below; a scroll up, the reverse.
 */
function build(opts: RuntimeOptions, session: Session, near: Element[], arrived: boolean): void {
  if (session.signal.aborted || near.length === 0) return;
  const retry = () => retryFailed(opts, session);
  const els = new Set(near);
  const nearIds = new Set(near.map((el) => session.done.get(el)));
  const limit = arrived ? (opts.arrivalAhead ?? ARRIVAL_AHEAD) : (opts.buildAhead ?? BUILD_AHEAD);
  const order = limit > 0 ? [...session.held.keys()] : [];
  const first = order.findIndex((id) => nearIds.has(id));
  if (first >= 0) {
    const last = order.findLastIndex((id) => nearIds.has(id));
    for (const id of order.slice(Math.max(0, first - limit), last + 1 + limit)) {
      if (nearIds.has(id)) continue;
      for (const el of session.held.get(id)!.els) {
        els.add(el);
        session.near.unwatch(el);
      }
    }
  }
  for (const el of els) {
    const id = session.done.get(el);
    const held = id === undefined ? undefined : session.held.get(id);
    if (!id || !held?.els.includes(el)) continue;
    held.els = held.els.filter((e) => e !== el);
    if (!held.els.length) session.held.delete(id);
    if (!el.isConnected) continue;
    const view = createBadge(opts.document, opts.lang, id, { escalate: () => escalate(opts, session, id), claim: (release) => claim(opts, session, id, release), retry }, held.answer);
    if (held.failure) showFailure(opts, view, held.failure);
    const team = session.team.get(id);
    if (team && team !== held.answer?.team) view.showTeam(team);
    opts.adapter.anchorFor(el).append(view.host);
    const views = session.views.get(id) ?? [];
    views.push(view);
    session.views.set(id, views);
  }
  // The new badges pushed the page down: the reply boxes' bars follow without waiting for a scroll.
  for (const c of session.composers) c.reposition();
}

/** A comment the page removed before it came near (a virtualised timeline) is no longer watched. */
function forgetRemoved(session: Session): void {
  for (const [id, held] of session.held) {
    if (held.els.every((el) => el.isConnected)) continue;
    for (const el of held.els) if (!el.isConnected) session.near.unwatch(el);
    held.els = held.els.filter((el) => el.isConnected);
    if (!held.els.length) session.held.delete(id);
  }
}

function showFailure(opts: RuntimeOptions, view: BadgeView, failure: Failure): void {
  if (failure.refused) view.showError(`${translate(opts.lang, 'sentiment.failed')}: ${failure.message}`);
  else view.showRetrying(failure.message);
}

const cut = (s: string | undefined, n: number) => (s && s.length > n ? s.slice(0, n) : s);

/** Page content is unbounded; the protocol is not. A 1 MB comment is stored cut, not refused. */
function bounded(c: ExtractedComment): ExtractedComment {
  const L = COMMENT_LIMITS;
  const fits = (s: string | undefined, n: number) => s === undefined || s.length <= n;
  // Nearly every comment fits: it goes as it is, without a copy.
  if (fits(c.text, L.text) && fits(c.author.name, L.name) && fits(c.author.handle, L.name) && fits(c.permalink, L.link) && fits(c.nativeId, L.id) && fits(c.parentId, L.id) && fits(c.publishedAt, L.date)) return c;
  // Ids are cut the same way wherever they appear, so a cut parent id still names its cut comment.
  return {
    ...c,
    nativeId: cut(c.nativeId, L.id)!,
    text: cut(c.text, L.text)!,
    author: { name: cut(c.author.name, L.name)!, ...(c.author.handle ? { handle: cut(c.author.handle, L.name) } : {}) },
    ...(c.permalink && c.permalink.length > L.link ? { permalink: undefined } : {}),
    ...(c.parentId ? { parentId: cut(c.parentId, L.id) } : {}),
    ...(c.publishedAt && c.publishedAt.length > L.date ? { publishedAt: undefined } : {}),
  };
}

/**
 * Sends what was read, unless batches are still out: then it goes as one batch once they are
 * answered. Each message has a cost of its own to the page, and an infinite scroll reads fifty
 * comments every frame or two.
 */
function flush(opts: RuntimeOptions, session: Session): void {
  if (session.signal.aborted || session.outbox.length === 0) return;
  const heldFor = performance.now() - session.sentAt;
  if (session.sending > 0 && heldFor < HOLD_MAX_MS) {
    session.holdTimer ??= setTimeout(() => {
      session.holdTimer = undefined;
      flush(opts, session);
    }, HOLD_MAX_MS - heldFor);
    return;
  }
  clearTimeout(session.holdTimer);
  session.holdTimer = undefined;
  session.sentAt = performance.now();
  const batch = session.outbox.splice(0);
  for (let i = 0; i < batch.length; i += COMMENTS_PER_MESSAGE) {
    const comments = batch.slice(i, i + COMMENTS_PER_MESSAGE);
    session.sending++;
    opts
      .send({ type: 'cs:comments-seen', threadUrl: opts.document.location.href, comments })
      .then(({ badges }) => {
        if (session.signal.aborted) return;
        session.retryMs = RETRY_FIRST_MS;
        const near: Element[] = [];
        for (const b of badges) {
          session.failed.delete(b.id);
          near.push(...answered(opts, session, b.id, b));
        }
        session.near.watch(near);
      })
      .catch((err: Error & { code?: string }) => {
        // An updated extension: the update note replaces every badge's future, nothing to retry.
        if (session.signal.aborted || err.code === INVALIDATED) return;
        const refused = isRefusal(err);
        const near: Element[] = [];
        for (const c of comments) {
          const id = commentKey(c);
          if (!refused) session.failed.set(id, c);
          near.push(...answered(opts, session, id, undefined, { message: err.message, refused }));
        }
        session.near.watch(near);
        if (!refused) scheduleRetry(opts, session);
      })
      .finally(() => {
        session.sending--;
        flush(opts, session);
      });
  }
}

function scheduleRetry(opts: RuntimeOptions, session: Session): void {
  if (session.retryTimer || session.signal.aborted) return;
  session.retryTimer = setTimeout(() => retryFailed(opts, session), session.retryMs);
  session.retryMs = Math.min(RETRY_MAX_MS, session.retryMs * 2);
}

/** Sends the failed comments again (the background stores a comment seen twice once). */
function retryFailed(opts: RuntimeOptions, session: Session): void {
  clearTimeout(session.retryTimer);
  session.retryTimer = undefined;
  if (session.signal.aborted || session.failed.size === 0) return;
  const shown = (id: string) => (session.views.get(id) ?? []).some((v) => v.host.isConnected) || (session.held.get(id)?.els ?? []).some((el) => el.isConnected);
  const again = [...session.failed.values()].filter((c) => shown(commentKey(c)));
  session.failed.clear();
  for (const c of again) {
    const id = commentKey(c);
    for (const view of session.views.get(id) ?? []) view.showPending();
  }
  session.outbox.push(...again);
  flush(opts, session);
}

function escalate(opts: RuntimeOptions, session: Session, id: string): void {
  const comment = session.comments.get(id);
  if (!comment) return;
  const views = () => session.views.get(id) ?? [];
  const failed = (err: Error) => {
    views().forEach((v) => v.showError(translate(opts.lang, 'badge.escalateFailed', { reason: err.message })));
    throw err;
  };
  openEscalateDialog(opts.document, opts.lang, comment.text, {
    async flagOnly() {
      const answer = await opts.send({ type: 'cs:set-status', commentId: id, status: 'flagged' }).catch(failed);
      views().forEach((v) => v.showStatus(answer.status));
    },
    async escalate(choice) {
      const answer = await opts
        .send({
          type: 'cs:escalate',
          comment,
          escalation: {
            platform: comment.platform,
            threadUrl: opts.document.location.href,
            ...(comment.permalink ? { permalink: comment.permalink } : {}),
            ...choice,
            commentId: id,
            commentText: comment.text,
            lang: opts.lang,
          },
        })
        .catch(failed);
      views().forEach((v) => v.showIncident(answer.incidentId, answer.title));
    },
  });
}

/** Only comments this page read are kept: the background tells every tab about every comment it syncs. */
function showTeam(session: Session, id: string, team: TeamView): void {
  if (!session.comments.has(id)) return;
  session.team.set(id, team);
  for (const view of session.views.get(id) ?? []) if (view.host.isConnected) view.showTeam(team);
}

function claim(opts: RuntimeOptions, session: Session, id: string, release: boolean): void {
  const views = () => session.views.get(id) ?? [];
  opts
    .send({ type: 'cs:team-claim', commentId: id, release })
    .then(({ team }) => {
      showTeam(session, id, team);
      // Someone else was first: say it where the user is about to type.
      if (!release && team.claimed && !team.claimed.mine) views().forEach((v) => v.showError(translate(opts.lang, 'team.lost', { name: team.claimed!.name })));
    })
    .catch((err: Error) => views().forEach((v) => v.showError(translate(opts.lang, 'team.claimFailed', { reason: err.message }))));
}

function reportHealth(opts: RuntimeOptions, session: Session, reported: Reported): void {
  const { adapter, document: doc } = opts;
  const url = new URL(doc.location.href);
  const comments = adapter.findComments(doc).length;
  const composers = adapter.findComposers(doc).length;
  const problems: HealthProblem[] = [];
  if (adapter.expectsComments(url) && comments === 0) problems.push({ code: 'no-comments' });
  if (comments > 0 && session.comments.size === 0) problems.push({ code: 'unreadable', found: comments });
  if (session.failures) problems.push({ code: 'read-failed', count: session.failures });
  const now = { retries: opts.transport?.retries ?? 0, failures: opts.transport?.failures ?? 0 };
  const transport = { retries: now.retries - reported.retries, failures: now.failures - reported.failures };
  opts
    // Sent once and left out of the counts it carries: a report retried while the background is down
    // would count itself, and each of its failures would schedule another report.
    .send({ type: 'cs:health', report: { platform: adapter.id, url: url.href, comments, composers, problems, transport } }, { attempts: 1, counted: false })
    .then(() => {
      reported.retries += transport.retries;
      reported.failures += transport.failures;
    })
    .catch((err: Error) => console.warn('[vigie] health report failed', err.message));
}

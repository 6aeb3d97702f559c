/**
 * When a comment comes within reach of the screen. A badge costs its element, a shadow root, styles
 * and the layout they change: a page that loads a thousand comments builds the ones the user can
 * reach soon, and the others as they scroll near. Reading and storing them is not deferred: the
 * counts, the queue and the spike detector see every comment the page loaded.
 */
export interface NearView {
  watch(els: Element[]): void;
  unwatch(el: Element): void;
}

/**
 * `onNear` gets, once a look at the scroll found no fling, the watched elements near the screen (those
 * that arrived near, then the others, a call each); each is then forgotten.
 * `arrived`: they were already near when first watched (answers landing on what the screen shows),
 * rather than brought near later by a scroll.
 */
export type NearViewFactory = (onNear: (els: Element[], arrived: boolean) => void, signal: AbortSignal) => NearView;

/**
 * One screen above and below the viewport, and as much around the edges of scrolling panels
 * (Instagram's and Facebook's comment panes): a badge is built before its comment shows. Browsers
 * that do not know scrollMargin (it is recent) see such comments badged as they scroll into view.
 */
const REACH = '100% 0px';

/** Faster than this, in screens a second, nothing on the screen can be read: badges wait for the scroll to slow. */
const FLING_SCREENS_PER_S = 4;
/** How long the page's scroll is watched before the badges of comments that came near are built: enough to tell a fling. */
const LOOK_MS = 50;

/**
 * Whether the page moved faster than anyone reads. A fling to the end of a 2,000-comment page
 * passes every comment within reach of the screen for a frame or two; building their badges then is
 * work no one sees, done while the page most needs its frames.
 */
export function isFling(movedPx: number, ms: number, screenPx: number): boolean {
  return screenPx > 0 && ms > 0 && (Math.abs(movedPx) / screenPx) * (1000 / ms) > FLING_SCREENS_PER_S;
}

export const nearViewport: NearViewFactory = (onNear, signal) => {
  // An observed element's first notification comes whether it is near or not: it tells an arrival.
  const unseen = new WeakSet<Element>();
  /** Near, not yet handed over, with whether they arrived near: watched while they wait, so that one a fling took past is dropped. */
  const pending = new Map<Element, boolean>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let looking = false;
  // The page's scroll is never read from scrollY: wherever script reads it (a scroll event, a timer,
  // even an observer's callback, which another task may follow with DOM changes), it first lays out
  // what the page changed since, an infinite scroll's new rows: 15-20 ms of a 2,000-tweet scroll read
  // in scroll events, 24 ms of the React page's 145 at the end of each look in a timer, 340 ms in
  // `clock`'s callback. An observer's entry holds the position the rendering step computed, for free:
  // `clock` is given the root element to report on when a look starts and when it ends, and its box's
  // top is minus the page's scroll. A pane's own scroll is not watched; its comments are built as they come.
  let look: { y: number; at: number } | undefined;
  const tick = (entries: IntersectionObserverEntry[]) => {
    clock.disconnect();
    const e = entries[entries.length - 1]!;
    const now = { y: -e.boundingClientRect.top, at: e.time };
    const from = look;
    look = now;
    if (!from || isFling(now.y - from.y, now.at - from.at, e.rootBounds?.height ?? innerHeight)) {
      timer = setTimeout(() => clock.observe(document.documentElement), LOOK_MS);
      return;
    }
    look = undefined;
    looking = false;
    handOver();
  };
  const clock = new IntersectionObserver(tick);
  const startLook = () => {
    looking = true;
    clock.observe(document.documentElement);
  };
  const handOver = () => {
    const arrived: Element[] = [];
    const came: Element[] = [];
    for (const [el, first] of pending) {
      io.unobserve(el);
      (first ? arrived : came).push(el);
    }
    pending.clear();
    if (arrived.length) onNear(arrived, true);
    if (came.length) onNear(came, false);
  };
  const io = new IntersectionObserver(
    (entries) => {
      for (const e of entries) {
        const first = unseen.delete(e.target);
        if (!e.isIntersecting) pending.delete(e.target);
        else if (!pending.has(e.target)) pending.set(e.target, first);
      }
      if (pending.size && !looking) startLook();
    },
    { rootMargin: REACH, scrollMargin: REACH } as IntersectionObserverInit,
  );
  signal.addEventListener('abort', () => {
    io.disconnect();
    clock.disconnect();
    clearTimeout(timer);
  });
  return {
    watch: (els) => {
      for (const el of els) {
        unseen.add(el);
        io.observe(el);
      }
    },
    unwatch: (el) => {
      unseen.delete(el);
      pending.delete(el);
      io.unobserve(el);
    },
  };
};

/** Every comment near at once: for documents that are not laid out (the unit tests' DOM). */
export const everywhere: NearViewFactory = (onNear) => ({ watch: (els) => onNear(els, true), unwatch: () => {} });

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
 * `onNear` gets, in one batch per frame, the watched elements that came near; each is then forgotten.
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
/** How long after the last fast step a scroll counts as slowed. */
const SETTLE_MS = 120;
/** A step this long after the previous one starts a scroll: it is timed as one frame's. */
const NEW_SCROLL_MS = 100;
const FRAME_MS = 1000 / 60;

/**
 * Whether the page or a panel of it is being flung faster than anyone reads: told each scroll step,
 * it says how long until the scroll counts as slowed. A fling to the end of a 2,000-comment page
 * passes every comment within reach of the screen for a frame or two; building their badges then is
 * work no one sees, done while the page most needs its frames.
 */
export function flingClock(now: () => number) {
  const last = new WeakMap<object, { pos: number; at: number }>();
  let fastUntil = -Infinity;
  return {
    /** `source` (the document or a scrolling panel) scrolled to `pos` px; `screen`: its height. */
    scrolled(source: object, pos: number, screen: number): void {
      const at = now();
      const prev = last.get(source);
      last.set(source, { pos, at });
      if (!prev || at <= prev.at || screen <= 0) return;
      const ms = at - prev.at > NEW_SCROLL_MS ? FRAME_MS : at - prev.at;
      const screensPerS = (Math.abs(pos - prev.pos) / screen) * (1000 / ms);
      if (screensPerS > FLING_SCREENS_PER_S) fastUntil = at + SETTLE_MS;
    },
    /** Milliseconds until the scroll counts as slowed: 0 when nothing is being flung. */
    waitMs: (): number => Math.max(0, fastUntil - now()),
  };
}

export const nearViewport: NearViewFactory = (onNear, signal) => {
  const fling = flingClock(() => performance.now());
  // Reading a scroll position lays the page out when it changed since the last frame (an infinite
  // scroll's new rows): positions are read after the frame, when that is done, or in the observer's
  // callback, which comes after layout too, never in the scroll event.
  const scrolled = new Set<Document | Element>();
  let measuring = false;
  let placed = false;
  const measure = () => {
    measuring = false;
    if (!placed) scrolled.add(document);
    placed = true;
    for (const t of scrolled) {
      if (t === document) fling.scrolled(document, scrollY, innerHeight);
      else fling.scrolled(t, (t as Element).scrollTop, (t as Element).clientHeight);
    }
    scrolled.clear();
  };
  addEventListener(
    'scroll',
    (e) => {
      // The page's own scroll is the document's; a panel's is the element's.
      const t = e.target as Element;
      scrolled.add(t !== (document as unknown) && t.nodeType === 1 ? t : document);
      if (measuring) return;
      measuring = true;
      requestAnimationFrame(() => setTimeout(measure, 0));
    },
    { capture: true, passive: true, signal },
  );
  // An observed element's first notification comes whether it is near or not: it tells an arrival.
  const unseen = new WeakSet<Element>();
  /** Near, not yet handed over (a fling is on), with whether they arrived near: watched while they wait, so that one the fling took past is dropped. */
  const pending = new Map<Element, boolean>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const handOver = () => {
    timer = undefined;
    if (scrolled.size) measure();
    const wait = fling.waitMs();
    if (wait > 0) {
      timer = setTimeout(handOver, wait);
      return;
    }
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
      // The first callback places the page, so that a fling's first step is measured from there.
      if (!placed || scrolled.size) measure();
      for (const e of entries) {
        const first = unseen.delete(e.target);
        if (!e.isIntersecting) pending.delete(e.target);
        else if (!pending.has(e.target)) pending.set(e.target, first);
      }
      if (pending.size && !timer) handOver();
    },
    { rootMargin: REACH, scrollMargin: REACH } as IntersectionObserverInit,
  );
  signal.addEventListener('abort', () => {
    io.disconnect();
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

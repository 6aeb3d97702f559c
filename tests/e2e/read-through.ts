/**
 * Reads a page through as someone going down it, run in the page (Playwright's and Puppeteer's
 * evaluate alike): a screen at a time, two frames on each, stopping where the screen shows no badge
 * yet, as badges wait for a fast scroll to slow (lib/page/near-view.ts) and a stop brings the runs
 * built ahead of it; then back to the top. Returns the badges with a sentiment.
 */
export async function readThrough(): Promise<number> {
  const frames = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  const badgeOnScreen = () =>
    Array.from(document.querySelectorAll('vigie-badge')).some((b) => {
      const r = b.getBoundingClientRect();
      return r.bottom > 0 && r.top < innerHeight;
    });
  // A screen with no comment at all (a page's header or footer) keeps no one longer than this.
  const stop = async () => {
    const until = performance.now() + 800;
    while (!badgeOnScreen() && performance.now() < until) await frames();
  };
  for (let y = 0; ; y += innerHeight) {
    scrollTo(0, y);
    await frames();
    await stop();
    if (y + innerHeight >= document.documentElement.scrollHeight) break;
  }
  scrollTo(0, 0);
  await frames();
  await stop();
  return document.querySelectorAll('vigie-badge[data-vigie-sentiment]').length;
}

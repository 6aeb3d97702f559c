/**
 * Clips the article of a tab into an incident: extraction runs in the page (entrypoints/clipper.ts),
 * the clip is checked and stored here. Used by the context menu (background) and the popup.
 * The tab must be reachable: activeTab grants it on a context-menu click and when the popup opens.
 */
import { browser } from 'wxt/browser';
import { z } from 'zod';
import { clip as clipSchema, type Clip } from '../crisis/model';
import { addClip } from '../db/incidents';
import type { VigieDb } from '../db/schema';
import type { ExtractionResult } from './article';

export class ClipError extends Error {
  constructor(
    readonly reason: 'not-web' | 'no-access' | 'no-article' | 'bad-result',
    message: string,
  ) {
    super(message);
    this.name = 'ClipError';
  }
}

const extraction = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    article: z.object({
      title: z.string(),
      byline: z.string().nullable(),
      publishedTime: z.string().nullable(),
      excerpt: z.string().nullable(),
      textContent: z.string(),
      url: z.string(),
    }),
  }),
  z.object({ ok: z.literal(false), reason: z.literal('no-article') }),
]);

const cut = (s: string, n: number) => (s.length > n ? s.slice(0, n - 1) + '…' : s);

/** A clip from what the page returned: the limits of the clip schema applied, then checked by it. */
export function clipFromExtraction(raw: unknown, incidentId: string, now: Date, id: string = globalThis.crypto.randomUUID()): Clip {
  const parsed = extraction.safeParse(raw);
  if (!parsed.success) throw new ClipError('bad-result', `the page returned an unexpected result: ${parsed.error.issues[0]?.message ?? ''}`);
  const result = parsed.data as ExtractionResult;
  if (!result.ok) throw new ClipError('no-article', 'no article found on this page');
  const a = result.article;
  const candidate = {
    id,
    incidentId,
    url: a.url,
    title: cut(a.title, 1_000),
    ...(a.byline ? { byline: cut(a.byline, 500) } : {}),
    ...(a.publishedTime ? { publishedAt: a.publishedTime.slice(0, 64) } : {}),
    excerpt: cut(a.excerpt ?? a.textContent.slice(0, 300), 5_000),
    text: cut(a.textContent, 500_000),
    capturedAt: now.toISOString(),
  };
  const checked = clipSchema.safeParse(candidate);
  if (!checked.success) throw new ClipError('not-web', `this page cannot be clipped: ${checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return checked.data;
}

export async function extractFromTab(tabId: number): Promise<unknown> {
  try {
    const [frame] = await browser.scripting.executeScript({ target: { tabId }, files: ['/clipper.js'] });
    return frame?.result;
  } catch (err) {
    throw new ClipError('no-access', `cannot read this tab: ${(err as Error).message}`);
  }
}

export async function clipTab(db: VigieDb, tab: { id?: number; url?: string }, incidentId: string, now: Date): Promise<Clip> {
  if (tab.id === undefined || (tab.url !== undefined && !/^https?:/.test(tab.url))) throw new ClipError('not-web', 'only web pages can be clipped');
  const clip = clipFromExtraction(await extractFromTab(tab.id), incidentId, now);
  await addClip(db, clip);
  return clip;
}

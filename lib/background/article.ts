/**
 * Article extraction, run inside the page by entrypoints/clipper.ts (the service worker has no DOM).
 * Readability works on a clone, so the page the user is reading is left untouched.
 */
import { Readability } from '@mozilla/readability';

export interface ExtractedArticle {
  title: string;
  byline: string | null;
  publishedTime: string | null;
  excerpt: string | null;
  textContent: string;
  url: string;
}

export type ExtractionResult = { ok: true; article: ExtractedArticle } | { ok: false; reason: 'no-article' };

/** Whitespace runs of the page's markup collapsed, paragraphs kept apart. */
const tidy = (s: string | null | undefined) =>
  (s ?? '')
    .replace(/[ \t\f\v\u00a0]+/g, ' ')
    .replace(/ *\n[\s]*\n\s*/g, '\n\n')
    .replace(/ *\n */g, '\n')
    .trim();

const MIN_ARTICLE_CHARS = 140;

const orNull = (s: string | null | undefined) => (tidy(s) ? tidy(s) : null);

export function extractArticle(doc: Document, url: string): ExtractionResult {
  const parsed = new Readability(doc.cloneNode(true) as Document, { charThreshold: 200 }).parse();
  const text = tidy(parsed?.textContent);
  // Readability returns whatever text it found; a few words (a menu, a login wall) are not an article.
  if (!parsed || text.length < MIN_ARTICLE_CHARS) return { ok: false, reason: 'no-article' };
  return {
    ok: true,
    article: {
      title: tidy(parsed.title) || tidy(doc.title) || url,
      byline: orNull(parsed.byline),
      publishedTime: orNull(parsed.publishedTime),
      excerpt: orNull(parsed.excerpt),
      textContent: text,
      url,
    },
  };
}

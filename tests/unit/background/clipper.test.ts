import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../lib/background/article';
import { ClipError, clipFromExtraction } from '../../../lib/background/clipper';
import { clipMenuItems, incidentOfMenuItem } from '../../../lib/background/menus';

const ARTICLE_URL = 'https://news.example.fr/economie/2026/11/21/rappel-chargeurs-voltix';
const html = readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'news', 'article.html'), 'utf8');

function page(markup: string) {
  const window = new Window({ url: ARTICLE_URL });
  window.document.write(markup);
  return window.document as unknown as Document;
}

describe('article extraction (runs in the page)', () => {
  it('finds the title, byline, date, excerpt and body of a news article, without the navigation and ads', () => {
    const doc = page(html);
    const result = extractArticle(doc, ARTICLE_URL);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const a = result.article;
    expect(a.title).toContain('Rappel massif des chargeurs Voltix');
    expect(a.byline).toContain('Claire Martin');
    expect(a.publishedTime).toBe('2026-11-21T08:30:00+01:00');
    expect(a.excerpt).toContain('120 000 chargeurs');
    expect(a.textContent).toContain('action collective');
    expect(a.textContent).not.toContain('Publicité');
    expect(a.textContent).not.toContain('Mentions légales');
    // Markup written as text in the article stays text.
    expect(a.textContent).toContain('<img src=x onerror="window.__pwned=1">');
    expect(a.url).toBe(ARTICLE_URL);
    // The page itself is untouched (Readability works on a clone).
    expect(doc.querySelector('aside.ad')).not.toBeNull();
  });

  it('says so when a page has no article', () => {
    expect(extractArticle(page('<!doctype html><title>Empty</title><body><nav><a href="/">Home</a></nav></body>'), 'https://example.fr/')).toEqual({ ok: false, reason: 'no-article' });
  });
});

describe('clipFromExtraction', () => {
  const now = new Date('2026-11-21T10:00:00Z');
  const good = { ok: true, article: { title: 'T', byline: null, publishedTime: null, excerpt: null, textContent: 'Body '.repeat(100), url: ARTICLE_URL } };

  it('keeps the URL and capture time, and falls back to the start of the text for a missing excerpt', () => {
    const clip = clipFromExtraction(good, 'inc-1', now, 'clip-1');
    expect(clip).toMatchObject({ id: 'clip-1', incidentId: 'inc-1', url: ARTICLE_URL, title: 'T', capturedAt: '2026-11-21T10:00:00.000Z' });
    expect(clip.excerpt.length).toBeLessThanOrEqual(300);
    expect(clip).not.toHaveProperty('byline');
  });

  it('cuts oversized fields to the clip limits instead of losing the clip', () => {
    const big = { ok: true, article: { ...good.article, title: 'x'.repeat(5_000), byline: 'b'.repeat(900), textContent: 'y'.repeat(600_000) } };
    const clip = clipFromExtraction(big, 'inc-1', now);
    expect(clip.title.length).toBe(1_000);
    expect(clip.byline!.length).toBe(500);
    expect(clip.text.length).toBe(500_000);
  });

  const refused: [string, unknown, ClipError['reason']][] = [
    ['no article', { ok: false, reason: 'no-article' }, 'no-article'],
    ['nothing returned (script blocked)', undefined, 'bad-result'],
    ['a page that forged a result', { ok: true, article: { title: 1 } }, 'bad-result'],
    ['a non-web URL', { ...good, article: { ...good.article, url: 'file:///etc/passwd' } }, 'not-web'],
  ];
  it.each(refused)('refuses %s', (_name, raw, reason) => {
    expect(() => clipFromExtraction(raw, 'inc-1', now)).toThrow(expect.objectContaining({ reason }));
  });
});

describe('clip context menu', () => {
  it('offers one entry per incident under "Clip into incident", and a disabled line when there is none', () => {
    const items = clipMenuItems([{ id: 'a', title: 'Rappel Voltix', severity: 3 }, { id: 'b', title: 'Livraison', severity: 1 }], 'en');
    expect(items).toEqual([
      { id: 'vigie-clip', title: 'Clip into incident' },
      { id: 'vigie-clip:a', parentId: 'vigie-clip', title: '3 · Rappel Voltix' },
      { id: 'vigie-clip:b', parentId: 'vigie-clip', title: '1 · Livraison' },
    ]);
    expect(clipMenuItems([], 'fr')[1]).toMatchObject({ enabled: false, title: 'Aucun incident en cours' });
    expect(items.slice(1).map((i) => incidentOfMenuItem(i.id))).toEqual(['a', 'b']);
    expect(incidentOfMenuItem('vigie-clip')).toBeNull();
    expect(incidentOfMenuItem('vigie-clip:none')).toBeNull();
    expect(incidentOfMenuItem('open-template-picker')).toBeNull();
  });
});

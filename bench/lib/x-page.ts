/**
 * Large X (x.com) timelines for the browser bench, built from the tweet markup of
 * tests/fixtures/x/thread.html: each tweet keeps the real markup, with a unique status id and a
 * French comment text, so the real X adapter reads it as it reads the live site.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const fixture = readFileSync(join(import.meta.dirname, '..', '..', 'tests', 'fixtures', 'x', 'thread.html'), 'utf8');
const CELL = '      <div data-testid="cellInnerDiv"';
const LIST_END = '            </div>\n          </div>\n        </section>';

const parts = fixture.split(new RegExp(`(?=${CELL})`));
const head = parts[0]!;
const last = parts.at(-1)!;
const tail = last.slice(last.indexOf(LIST_END)).replace(/<script[^>]*><\/script>\s*/g, '');
parts[parts.length - 1] = last.slice(0, last.indexOf(LIST_END));
/** Ordinary tweets only: not the reply box, not the sponsored one, not the 10,000-character stress case. */
const templates = parts.slice(1).filter((c) => c.includes('data-testid="tweet"') && !c.includes('placementTracking') && c.length < 8000);
if (templates.length < 3) throw new Error(`tests/fixtures/x/thread.html: expected several tweet cells, found ${templates.length}`);

const texts = [
  'Trois semaines que j’attends ma commande, aucune réponse du service client. C’est une arnaque 😡',
  'Super accueil en boutique hier, merci à toute l’équipe !',
  'Quelqu’un sait si la collection d’hiver existe en taille 44 ?',
  'Livraison en avance et colis impeccable, je recommande 👍',
  'Le site plante encore au moment du paiement, c’est la troisième fois…',
  'Vous comptez rembourser quand ? Je vais finir par porter plainte.',
  'Les nouveaux modèles sont magnifiques, bravo',
  'Bof, la qualité a baissé depuis l’an dernier.',
  'Merci pour la réponse rapide, problème réglé.',
  'Toujours pas de nouvelles de mon SAV, inadmissible',
  'Est-ce que la boutique de Lyon est ouverte dimanche ?',
  'J’adore, je viens d’en commander deux de plus ❤️',
];
const suffixes = ['', ' Vraiment.', ' Franchement.', ' Merci d’avance.', ' Dites-moi vite.', ' 🙂', ' !!'];

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The markup of tweet number `i` (0-based), status id 1860000000000000000 + i. */
export function tweetCell(i: number): string {
  const template = templates[i % templates.length]!;
  const id = (1860000000000000000n + BigInt(i)).toString();
  const text = texts[i % texts.length]! + suffixes[Math.floor(i / texts.length) % suffixes.length]!;
  return template
    .replace(/185000000000000000\d/g, id)
    .replace(/(data-testid="tweetText">)[\s\S]*?(<\/div>)/, (_, open: string, close: string) => `${open}<span class="css-1jxf684 r-bcqeeo r-1ttztb7 r-qvutc0 r-poiln3">${escapeHtml(text)}</span>${close}`);
}

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, k) => tweetCell(from + k));

/** A timeline with `count` tweets numbered from `first`, all in the document from the start. */
export function staticTimeline(count: number, first = 0): string {
  return head + range(first, first + count).join('') + tail;
}

/**
 * A timeline that starts with `batch` tweets and appends the next `batch` whenever the reader comes
 * within two screens of the end, as X's infinite scroll does, up to `count`. The page's own
 * script is the same with and without the extension.
 */
export function infiniteTimeline(count: number, batch: number, first = 0): string {
  const pending = JSON.stringify(range(first + batch, first + count)).replace(/</g, '\\u003c');
  const script = `<script>
(() => {
  const pending = ${pending};
  const list = document.querySelector('[data-spa-root] > div');
  window.__benchRemaining = pending.length;
  let loading = false;
  const more = () => {
    loading = false;
    if (!pending.length || innerHeight + scrollY < document.documentElement.scrollHeight - 2 * innerHeight) return;
    list.insertAdjacentHTML('beforeend', pending.splice(0, ${batch}).join(''));
    window.__benchRemaining = pending.length;
  };
  addEventListener('scroll', () => { if (!loading) { loading = true; requestAnimationFrame(more); } }, { passive: true });
})();
</script>`;
  return head + range(first, first + batch).join('') + tail.replace('</body>', `${script}\n</body>`);
}

/**
 * The same infinite timeline rendered by React 18 (tests/fixtures/editors/src/react-timeline.tsx), as
 * X renders its own: the page pays for building and committing each tweet, as the live site does.
 */
export function reactTimeline(count: number, batch: number, first = 0): string {
  const config = JSON.stringify({ cells: range(first, first + count), batch }).replace(/</g, '\\u003c');
  const scripts = `<script>window.__benchTimeline = ${config};</script>\n<script src="/__fixture__/react-timeline.js"></script>`;
  return head + tail.replace('</body>', `${scripts}\n</body>`);
}

/**
 * A page report a user can send when an adapter reads nothing: the page's structure as the adapter
 * meets it, with nothing of what people wrote. Kept: tag names, open shadow roots (as declarative
 * templates, as a browser saves them), the attributes that describe markup (test ids, roles,
 * classes...). Masked: every text and every other attribute value, by a placeholder of the same length
 * and script; values that identify things (ids, handles, links) are replaced consistently within one
 * report, so that a reply still points at its parent and two comments never share an id. Dropped:
 * scripts, styles, frames, form values, HTML comments, Vigie's own UI.
 *
 * The result is an HTML file `vigie scan` reads like a saved page (its "saved from" mark carries the
 * masked URL), so a report becomes a fixture and a failing test.
 */

/** Attributes that describe markup, not people: kept as they are. */
export const KEPT_ATTRIBUTES = new Set([
  'class', 'role', 'data-testid', 'data-e2e', 'slot', 'dir', 'type', 'contenteditable', 'tabindex', 'datetime', 'hidden',
  'data-lexical-editor', 'data-word-wrap', 'data-focusable', 'aria-hidden', 'aria-expanded', 'aria-pressed', 'aria-level',
  'aria-posinset', 'aria-setsize', 'aria-haspopup', 'aria-multiline', 'aria-checked', 'aria-selected', 'aria-current',
  'shadowrootmode', 'lang', 'translate', 'spellcheck', 'draggable', 'width', 'height', 'depth', 'data-depth', 'data-type',
]);
/** Attributes holding a link: the path keeps its route words, everything else is masked. */
const LINKS = new Set(['href', 'permalink', 'data-permalink', 'content-href', 'action']);
/** Elements whose content is code, media or a frame: never in a report. */
const DROPPED = new Set(['script', 'style', 'noscript', 'iframe', 'frame', 'object', 'embed', 'link', 'meta', 'base', 'template', 'canvas', 'video', 'audio', 'source', 'track']);
const VOID = new Set(['area', 'br', 'col', 'hr', 'img', 'input', 'wbr']);
/** Path words that name a route, not a person or a post (the platforms' routes.ts). */
const ROUTE_WORDS = new Set([
  'status', 'statuses', 'post', 'posts', 'comments', 'comment', 'r', 'u', 'user', 'video', 'watch', 'shorts', 'p', 'reel', 'reels', 'profile', 'feed',
  'home', 'notifications', 'search', 'hashtag', 'tags', 'groups', 'photo', 'photos', 'live', 'i', 'web', 'explore', 'permalink', 'story', 'stories',
  'channel', 'c', 'community', 'in', 'company', 'activity', 'update', 'urn', 'li', 'thread', 'threads', 'lists', 'list', 'hashtags', 'deck', 'mod', 'queue',
]);

/** Kept attributes that end with a person: X's UserAvatar-Container-<handle>, Bluesky's feedItem-by-<handle>. */
const NAMED_TEST_ID = /^(.*?(?:-by-|Container-))(.+)$/;

const SCRIPTS: [RegExp, string][] = [
  [/\p{Script=Latin}/u, 'x'],
  [/\p{Script=Arabic}/u, 'ب'],
  [/\p{Script=Cyrillic}/u, 'ж'],
  [/\p{Script=Greek}/u, 'λ'],
  [/\p{Script=Hebrew}/u, 'א'],
  [/\p{Script=Han}/u, '字'],
  [/\p{Script=Hiragana}/u, 'あ'],
  [/\p{Script=Katakana}/u, 'ア'],
  [/\p{Script=Hangul}/u, '한'],
  [/\p{Script=Devanagari}/u, 'क'],
  [/\p{Script=Thai}/u, 'ก'],
];

/** One character of text as a placeholder of its kind: letters by script (case kept), digits, emoji, the rest as is. */
function maskChar(ch: string): string {
  if (/\p{Nd}/u.test(ch)) return '0';
  if (/\p{Extended_Pictographic}/u.test(ch)) return '◯';
  if (/\p{L}/u.test(ch)) {
    const found = SCRIPTS.find(([re]) => re.test(ch))?.[1] ?? 'x';
    return found === 'x' && ch !== ch.toLowerCase() ? 'X' : found;
  }
  if (/\p{M}|[\u200b-\u200f\u202a-\u202e\u2066-\u2069]/u.test(ch)) return '';
  return ch;
}

export function maskText(text: string): string {
  let out = '';
  for (const ch of text) out += maskChar(ch);
  return out;
}

/**
 * Same value, same stand-in, within one report; different values, different stand-ins (a collision
 * needs two values hashing alike over every character). Letters and digits keep their kind and case,
 * so an id still looks like an id to the adapter reading it.
 */
export function createPseudonyms(seed: number): (value: string) => string {
  const seen = new Map<string, string>();
  return (value) => {
    const known = seen.get(value);
    if (known !== undefined) return known;
    let h = seed >>> 0;
    for (let i = 0; i < value.length; i++) h = Math.imul(h ^ value.charCodeAt(i), 0x01000193) >>> 0;
    const next = () => {
      h ^= h << 13;
      h ^= h >>> 17;
      h ^= h << 5;
      return (h >>> 0) / 2 ** 32;
    };
    let out = '';
    for (const ch of value) {
      if (/[0-9]/.test(ch)) out += String(Math.floor(next() * 10));
      else if (/[a-z]/.test(ch)) out += String.fromCharCode(97 + Math.floor(next() * 26));
      else if (/[A-Z]/.test(ch)) out += String.fromCharCode(65 + Math.floor(next() * 26));
      else if (/\p{L}|\p{N}/u.test(ch)) out += maskChar(ch);
      else out += ch;
    }
    seen.set(value, out);
    return out;
  };
}

/** A link with its origin and route words kept, every other path segment pseudonymized, no query but YouTube's video id, no fragment. */
export function maskUrl(href: string, base: string, alias: (v: string) => string): string {
  let url: URL;
  try {
    url = new URL(href, base);
  } catch {
    return alias(href);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return '';
  const path = url.pathname
    .split('/')
    .map((seg) => (seg === '' || ROUTE_WORDS.has(seg.toLowerCase()) ? seg : alias(decodeURIComponentSafe(seg))))
    .join('/');
  const v = url.searchParams.get('v');
  return `${url.origin}${path}${v ? `?v=${alias(v)}` : ''}`;
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttr = (s: string) => escapeText(s).replace(/"/g, '&quot;');

interface Masking {
  base: string;
  alias: (value: string) => string;
  /** The platform's own interface words ("Sponsorisé"), kept when a text is exactly one of them. */
  labels: ReadonlySet<string>;
}

function keptValue(name: string, value: string, m: Masking): string {
  if (name !== 'data-testid') return value;
  const named = NAMED_TEST_ID.exec(value);
  return named ? named[1] + m.alias(named[2]!) : value;
}

function serialize(node: Node, m: Masking, out: string[]): void {
  if (node.nodeType === 3) {
    const text = node.nodeValue ?? '';
    out.push(escapeText(m.labels.has(text.trim()) ? text : maskText(text)));
    return;
  }
  if (node.nodeType !== 1) return;
  const el = node as Element;
  const tag = el.localName;
  if (DROPPED.has(tag) || tag.startsWith('vigie-')) return;
  out.push(`<${tag}`);
  for (const { name, value } of Array.from(el.attributes)) {
    if (name.startsWith('on') || name === 'style' || name === 'src' || name === 'srcset' || name === 'value') continue;
    const kept = KEPT_ATTRIBUTES.has(name)
      ? keptValue(name, value, m)
      : LINKS.has(name)
        ? maskUrl(value, m.base, m.alias)
        : name === 'alt' || name.startsWith('aria-') || name === 'title' || name === 'placeholder'
          ? maskText(value)
          : m.alias(value);
    out.push(` ${name}="${escapeAttr(kept)}"`);
  }
  out.push('>');
  if (VOID.has(tag)) return;
  const shadow = (el as HTMLElement).shadowRoot;
  if (shadow) {
    out.push('<template shadowrootmode="open">');
    for (const child of Array.from(shadow.childNodes)) serialize(child, m, out);
    out.push('</template>');
  }
  for (const child of Array.from(el.childNodes)) serialize(child, m, out);
  out.push(`</${tag}>`);
}

export interface PageReportInfo {
  platform: string;
  extensionVersion: string;
  /** What the adapter found on the page at its last health report, and the problems it reported. */
  found: { comments: number; composers: number; problems: string[] };
}

export interface PageReport {
  /** The masked page URL, as `vigie scan` will read it. */
  url: string;
  html: string;
}

/** The report of `doc`, a new pseudonym key each time (random unless given, for tests). */
export function pageReport(doc: Document, info: PageReportInfo, labels: ReadonlySet<string> = new Set(), seed = crypto.getRandomValues(new Uint32Array(1))[0]!): PageReport {
  const m: Masking = { base: doc.location.href, alias: createPseudonyms(seed), labels };
  const url = maskUrl(m.base, m.base, m.alias);
  const out: string[] = [];
  serialize(doc.documentElement, m, out);
  const meta = JSON.stringify({ format: 'vigie-page-report', version: 1, ...info, url }).replace(/--/g, '- -');
  // The mark Chrome writes on a saved page: `vigie scan` takes the page's URL from it.
  const html = `<!DOCTYPE html>\n<!-- saved from url=(${String(url.length).padStart(4, '0')})${url} -->\n<!-- ${meta} -->\n${out.join('')}\n`;
  return { url, html };
}

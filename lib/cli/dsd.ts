/**
 * Declarative shadow DOM for the command line. A browser's parser turns `<template shadowrootmode>`
 * into its parent's shadow root (HTML standard, "in body" insertion mode, start tag "template"):
 * the template is never in the tree, its content is the shadow tree. happy-dom 21's parser has no
 * such step, so a saved page that carries its shadow roots (Lit SSR, a page serialized with
 * getHTML({serializableShadowRoots})) keeps them as inert <template> children of their hosts, and
 * an adapter that reads structure (firstElementChild, children, nth-child) sees an element the
 * browser does not have. This runs the same step on the parsed tree, in tree order.
 */

const HTML_NS = 'http://www.w3.org/1999/xhtml';

/** The elements attachShadow takes besides custom elements (DOM standard, "valid shadow host name"). */
const HOST_NAMES = new Set(['article', 'aside', 'blockquote', 'body', 'div', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'main', 'nav', 'p', 'section', 'span']);

/** Hyphenated names the HTML standard reserves: not custom element names. */
const RESERVED = new Set(['annotation-xml', 'color-profile', 'font-face', 'font-face-src', 'font-face-uri', 'font-face-format', 'font-face-name', 'missing-glyph']);
const PCEN = '[-._0-9a-z\\u00B7\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u037D\\u037F-\\u1FFF\\u200C\\u200D\\u203F\\u2040\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD\\u{10000}-\\u{EFFFF}]';
/** HTML standard, "valid custom element name" (PCENChar grammar). */
const CUSTOM_NAME = new RegExp(`^[a-z]${PCEN}*-${PCEN}*$`, 'u');

export const isValidShadowHost = (el: Element) => el.namespaceURI === HTML_NS && (HOST_NAMES.has(el.localName) || (CUSTOM_NAME.test(el.localName) && !RESERVED.has(el.localName)));

const ELEMENT_NODE = 1;
/** An enumerated attribute: ASCII case-insensitive, anything else is the "none" state. */
const modeOf = (template: Element) => {
  const mode = template.getAttribute('shadowrootmode')?.replace(/[A-Z]/g, (c) => c.toLowerCase());
  return mode === 'open' || mode === 'closed' ? mode : undefined;
};

/**
 * Attaches every declarative shadow root under root as the browser's parser would have; returns how
 * many. A template whose mode is neither open nor closed, whose parent is no valid shadow host, or
 * whose host already has a shadow root (a second template) stays the template the parser left.
 * The trees a template leaves are walked in their turn: the shadow root it became, or the contents
 * of a template that stays one (Chromium 156 attaches shadow roots declared in there too).
 */
export function attachDeclarativeShadowRoots(root: ParentNode): number {
  // Closed roots are invisible through host.shadowRoot: the hosts are remembered here.
  const hosts = new WeakSet<Element>();
  let attached = 0;

  const attach = (template: HTMLTemplateElement): ShadowRoot | undefined => {
    const host = template.parentNode as Element | null;
    const mode = modeOf(template);
    if (!mode || host?.nodeType !== ELEMENT_NODE || !isValidShadowHost(host) || hosts.has(host) || host.shadowRoot) return undefined;
    let shadow: ShadowRoot;
    try {
      shadow = host.attachShadow({
        mode,
        clonable: template.hasAttribute('shadowrootclonable'),
        serializable: template.hasAttribute('shadowrootserializable'),
        delegatesFocus: template.hasAttribute('shadowrootdelegatesfocus'),
        // happy-dom 21 reads this option as delegateFocus (Element.attachShadow): both are given.
        delegateFocus: template.hasAttribute('shadowrootdelegatesfocus'),
      } as ShadowRootInit);
    } catch {
      // The standard's parser keeps the template when attaching throws.
      return undefined;
    }
    hosts.add(host);
    shadow.append(template.content);
    template.remove();
    attached++;
    return shadow;
  };

  const walk = (scope: ParentNode) => {
    // A static list in tree order, which does not enter template contents.
    for (const template of Array.from(scope.querySelectorAll('template')) as HTMLTemplateElement[]) {
      if (template.namespaceURI !== HTML_NS) continue;
      walk(attach(template) ?? template.content);
    }
  };
  walk(root);
  return attached;
}

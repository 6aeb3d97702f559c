import type { ExtractedComment, PlatformId } from './schema';

export type { ExtractedComment, PlatformId } from './schema';

export const platformIds: readonly PlatformId[] = ['x', 'facebook', 'instagram', 'linkedin', 'youtube', 'tiktok', 'reddit', 'threads', 'bluesky', 'mastodon'];

export const platformNames: Record<PlatformId, string> = {
  x: 'X',
  facebook: 'Facebook',
  instagram: 'Instagram',
  linkedin: 'LinkedIn',
  youtube: 'YouTube',
  tiktok: 'TikTok',
  reddit: 'Reddit',
  threads: 'Threads',
  bluesky: 'Bluesky',
  mastodon: 'Mastodon',
};

export type WriteMode = 'insert' | 'replace';

/**
 * How a platform's editor takes text. 'paste': a synthetic paste only (Draft.js's React tree throws
 * on execCommand). 'paste-or-type': paste, then execCommand('insertText') where the editor ignores
 * the paste (Lexical, Quill, ProseMirror, plain contenteditable). 'value': a React-controlled
 * textarea, through the native value setter and an input event.
 */
export type EditorInput = 'paste' | 'paste-or-type' | 'value';

export interface PlatformAdapter {
  id: PlatformId;
  matches(url: URL): boolean;
  /** Posts and comments under root, root itself included when it is one. */
  findComments(root: ParentNode): Element[];
  /** null: not a comment after all (an ad, a placeholder, a deleted reply). */
  extract(el: Element): ExtractedComment | null;
  /** Reply boxes under root: the editable element itself. */
  findComposers(root: ParentNode): Element[];
  readComposer(el: Element): string;
  /** How the editor takes text; fixes and ;trigger expansions use the same path as writeComposer. */
  input: EditorInput;
  /** Puts text into the platform's own editor so that its model holds it; false when the editor refused. */
  writeComposer(el: Element, text: string, mode: WriteMode): Promise<boolean>;
  /** Where the badge and buttons go for a comment element. */
  anchorFor(el: Element): Element;
  /** True when this page is expected to show comments (a timeline or thread), for self-diagnosis. */
  expectsComments(url: URL): boolean;
  /** The comment a reply box answers when the page says so apart from where the box stands (Mastodon's reply indicator). */
  answeredComment?(editor: Element): Element | undefined;
  /** The handle of the account logged in on this page, when the platform shows it: it selects the brand. */
  currentAccount?(doc: Document): string | undefined;
}

export const commentKey = (c: Pick<ExtractedComment, 'platform' | 'nativeId'>) => `${c.platform}:${c.nativeId}`;

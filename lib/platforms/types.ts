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
  /** Puts text into the platform's own editor so that its model holds it; false when the editor refused. */
  writeComposer(el: Element, text: string, mode: WriteMode): Promise<boolean>;
  /** Where the badge and buttons go for a comment element. */
  anchorFor(el: Element): Element;
  /** True when this page is expected to show comments (a timeline or thread), for self-diagnosis. */
  expectsComments(url: URL): boolean;
  /** The handle of the account logged in on this page, when the platform shows it: it selects the brand. */
  currentAccount?(doc: Document): string | undefined;
}

export const commentKey = (c: Pick<ExtractedComment, 'platform' | 'nativeId'>) => `${c.platform}:${c.nativeId}`;

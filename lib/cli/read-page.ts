import type { ExtractedComment, PlatformAdapter } from '../platforms/types';

/**
 * What `vigie scan` reports of a page: every comment the adapter reads, how many of the nodes it
 * found it could not read, and its reply boxes. Plain DOM, so that the e2e test runs this same
 * function in the browser on the page the command line reads from a file.
 */
export function readPage(adapter: PlatformAdapter, doc: Document): { comments: ExtractedComment[]; composers: number; skipped: number } {
  const comments: ExtractedComment[] = [];
  let skipped = 0;
  for (const el of adapter.findComments(doc)) {
    const c = adapter.extract(el);
    if (c) comments.push(c);
    else skipped++;
  }
  return { comments, composers: adapter.findComposers(doc).length, skipped };
}

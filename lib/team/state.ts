/**
 * The team connection as every extension context sees it, mirrored in browser.storage.local (its
 * change events reach the popup, the options page and the content scripts): no password here; the
 * background keeps that in the extension's IndexedDB (lib/team/service.ts).
 */
import { z } from 'zod';
import { role } from './docs';

export const TEAM_KEY = 'vigie:team';

export const teamState = z.enum(['connecting', 'connected', 'offline', 'refused', 'outdated']);

export const teamMirror = z.object({
  server: z.string(),
  workspace: z.string(),
  user: z.string(),
  state: teamState,
  since: z.number(),
  message: z.string().optional(),
  role: role.optional(),
});
export type TeamMirror = z.infer<typeof teamMirror>;

export const credentials = z.object({
  server: z.string(),
  workspace: z.string(),
  user: z.string(),
  password: z.string(),
});

/** Only http on this machine (a local test server); anything else must be https. */
export function serverProblem(server: string): string | undefined {
  let url: URL;
  try {
    url = new URL(server);
  } catch {
    return `${server} is not a URL`;
  }
  if (url.protocol === 'https:') return undefined;
  if (url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) return undefined;
  return `the team server must use https (http only on 127.0.0.1 or localhost): ${url.origin}`;
}

/** The host permission asked for when the user connects: that server's host only (match patterns take no port). */
export function serverOriginPattern(server: string): string {
  const url = new URL(server);
  return `${url.protocol}//${url.hostname}/*`;
}

/** Who may do what, as the UI mirrors it; the server's validate_doc_update decides. */
export const can = {
  claim: (r: string | undefined) => r === 'lead' || r === 'cm' || r === 'trainee',
  answer: (r: string | undefined) => r === 'lead' || r === 'cm' || r === 'trainee',
  aside: (r: string | undefined) => r === 'lead' || r === 'cm' || r === 'trainee',
  flag: (r: string | undefined) => r !== undefined,
  publish: (r: string | undefined) => r === 'lead' || r === 'cm',
  lock: (r: string | undefined) => r === 'lead',
};

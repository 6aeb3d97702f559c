/**
 * The documents a team workspace shares through its CouchDB database, declared once. Each one has a
 * type, a schema version, its author (`by`, the CouchDB user who wrote it: the server's
 * validate_doc_update refuses any other) and its time (`at`, ms). What never appears here stays on
 * the device: comments merely seen, sentiment, tallies, personal settings, credentials.
 *
 * Ids are deterministic where two people may create the same thing, so the server keeps the first
 * (`claim:<commentKey>`: a second PUT without the first's revision is a 409), and random where they
 * never collide (timeline entries).
 */
import { z } from 'zod';
import { extractedComment } from '../platforms/schema';

export const DOC_VERSION = 1 as const;

export const roles = ['lead', 'cm', 'moderator', 'trainee'] as const;
export const role = z.enum(roles);
export type Role = z.infer<typeof role>;

/** CouchDB user names: what the invitation carries and `by` holds. */
export const memberName = z
  .string()
  .min(1)
  .max(60)
  .regex(/^[a-z0-9][a-z0-9._-]*$/, 'a member name uses lower-case letters, digits, ".", "_" and "-"');

const commentKeyText = z.string().min(3).max(300);

const base = {
  _id: z.string().min(1).max(400),
  _rev: z.string().max(200).optional(),
  /** A withdrawal (a released claim, a removed flag) keeps its body: who withdrew it, and when. */
  _deleted: z.literal(true).optional(),
  v: z.literal(DOC_VERSION),
  by: memberName,
  at: z.number().int().min(0),
};

/** What teammates need to find and answer a comment they have not seen themselves. */
export const sharedComment = extractedComment.extend({
  text: z.string().max(2_000),
  threadUrl: z.string().max(2_000),
});
export type SharedComment = z.infer<typeof sharedComment>;

const onComment = { commentId: commentKeyText, comment: sharedComment };

export const memberDoc = z.object({
  ...base,
  type: z.literal('member'),
  name: memberName,
  displayName: z.string().min(1).max(100),
  role,
  active: z.boolean(),
});

export const flagDoc = z.object({ ...base, type: z.literal('flag'), ...onComment, reason: z.string().max(500).optional() });

/** Someone is answering: others see it and do not answer too. It frees itself at expiresAt. */
export const claimDoc = z.object({ ...base, type: z.literal('claim'), ...onComment, expiresAt: z.number().int().min(0) });

export const answerDoc = z.object({ ...base, type: z.literal('answer'), ...onComment, templateId: z.string().max(100).optional() });

/** Set aside: read, no answer needed (spam, a joke). Never a deletion on the platform. */
export const asideDoc = z.object({ ...base, type: z.literal('aside'), ...onComment });

/** A template, voice pack or playbook as a lead (or a community manager) published it. */
const published = {
  ...base,
  /** Only a lead may change a locked document, or lock and unlock it. */
  locked: z.boolean().default(false),
};

/** The template's own fields are checked by lib/templates/model on arrival; here only its envelope. */
export const templateDoc = z.object({ ...published, type: z.literal('template'), template: z.record(z.string(), z.unknown()) });

export const voicePackDoc = z.object({
  ...published,
  type: z.literal('voicePack'),
  pack: z.record(z.string(), z.unknown()),
  /** Rule ids nobody but a lead may pause or ignore. */
  lockedRules: z.array(z.string().max(200)).max(500).default([]),
});

/**
 * An incident is shared as several documents so that people working on it at once never conflict:
 * the incident itself (title, severity, status, roles; newest wins), one tick per checklist item,
 * one immutable document per timeline entry, one link per comment, one per clipped article.
 * Their contents are checked by lib/crisis/model on arrival.
 */
const incidentId = z.string().min(1).max(100);
export const incidentDoc = z.object({ ...base, type: z.literal('incident'), incident: z.record(z.string(), z.unknown()) });
export const tickDoc = z.object({ ...base, type: z.literal('tick'), incidentId, itemId: z.string().min(1).max(100), done: z.boolean() });
export const timelineDoc = z.object({ ...base, type: z.literal('timeline'), incidentId, entry: z.record(z.string(), z.unknown()) });
export const linkDoc = z.object({ ...base, type: z.literal('link'), incidentId, ...onComment });
export const clipDoc = z.object({ ...base, type: z.literal('clip'), incidentId, clip: z.record(z.string(), z.unknown()) });

/** Brands and the response targets are the lead's: the same for the whole team. */
export const brandDoc = z.object({ ...base, type: z.literal('brand'), brand: z.record(z.string(), z.unknown()) });
export const targetsDoc = z.object({ ...base, type: z.literal('targets'), targets: z.record(z.string(), z.unknown()) });
/** The crisis playbook: leads and community managers edit it, for everyone. */
export const playbookDoc = z.object({ ...base, type: z.literal('playbook'), playbook: z.record(z.string(), z.unknown()) });

export const teamDoc = z.discriminatedUnion('type', [
  memberDoc,
  flagDoc,
  claimDoc,
  answerDoc,
  asideDoc,
  templateDoc,
  voicePackDoc,
  incidentDoc,
  tickDoc,
  timelineDoc,
  linkDoc,
  clipDoc,
  brandDoc,
  targetsDoc,
  playbookDoc,
]);
export type TeamDoc = z.infer<typeof teamDoc>;
export type TeamDocType = TeamDoc['type'];
export type DocOf<T extends TeamDocType> = Extract<TeamDoc, { type: T }>;
export const docTypes = teamDoc.options.map((o) => o.shape.type.value) as TeamDocType[];

/** Comment actions: one document per comment and kind, and the first to reach the server holds it. */
export const commentDocTypes = ['flag', 'claim', 'answer', 'aside'] as const satisfies readonly TeamDocType[];
export type CommentDocType = (typeof commentDocTypes)[number];
export const isCommentDoc = (doc: TeamDoc): doc is DocOf<CommentDocType> => (commentDocTypes as readonly string[]).includes(doc.type);

export const docId = {
  member: (name: string) => `member:${name}`,
  comment: (type: CommentDocType, commentId: string) => `${type}:${commentId}`,
  template: (id: string) => `template:${id}`,
  voicePack: (id: string) => `voicePack:${id}`,
  incident: (id: string) => `incident:${id}`,
  tick: (incidentId: string, itemId: string) => `tick:${incidentId}:${itemId}`,
  timeline: (incidentId: string, uid: string) => `timeline:${incidentId}:${uid}`,
  link: (incidentId: string, commentId: string) => `link:${incidentId}:${commentId}`,
  clip: (id: string) => `clip:${id}`,
  brand: (id: string) => `brand:${id}`,
  targets: 'targets:response',
  playbook: 'playbook:team',
};

/** How long a claim holds when its holder goes quiet (closed the tab, went home). */
export const CLAIM_MINUTES = 15;
/** How far ahead of the server's clock a member's may run before the server refuses the write's time. */
export const CLOCK_SKEW_MINUTES = 5;

export const DESIGN_ID = '_design/vigie';
/** Bumped when the documents or the rules change in a way an older extension would get wrong. */
export const DESIGN_VERSION = 2;

/** Role names in CouchDB's _users: one per workspace database, so a person can be lead here and trainee there. */
export const couchRole = (db: string, r: Role) => `${db}.${r}`;

/** What a lead hands a new member (printed by `vigie team add-member`, pasted in the options page). */
export const invitation = z.object({
  kind: z.literal('vigie-team-invitation'),
  v: z.literal(1),
  server: z.string().url().max(500),
  workspace: z.string().min(1).max(200),
  user: memberName,
  role,
});
export type Invitation = z.infer<typeof invitation>;

/** CouchDB database names: lower-case, start with a letter (https://docs.couchdb.org/en/stable/api/database/common.html). */
export const workspaceName = z
  .string()
  .regex(/^[a-z][a-z0-9_$()+/-]{0,200}$/, 'a workspace is a CouchDB database name: lower-case letters, digits and _$()+-/, starting with a letter');

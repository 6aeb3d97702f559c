/**
 * Every message between the content scripts, the extension pages and the background, declared once.
 * Names say the direction: `cs:` from a content script (an untrusted page's neighbour), `ui:` from an
 * extension page. The background parses each request with these schemas before any handler runs.
 */
import { z } from 'zod';
import { escalationInput } from '../crisis/model';
import { commentStatus, healthRecord } from '../db/model';
import { COMMENTS_PER_MESSAGE } from '../platforms/comment-limits';
import { extractedComment, platformId } from '../platforms/schema';
import { sentimentResult } from '../sentiment/types';
import { teamMirror } from '../team/state';
import { teamView } from '../team/view';

const url = z.string().max(2_000);

export const requests = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('cs:comments-seen'),
    threadUrl: url,
    comments: z.array(extractedComment).max(COMMENTS_PER_MESSAGE),
  }),
  z.object({
    type: z.literal('cs:set-status'),
    commentId: z.string().max(300),
    status: commentStatus,
  }),
  z.object({
    type: z.literal('cs:health'),
    report: healthRecord.omit({ checkedAt: true, retries: true, failures: true }).extend({
      /** Retries and failures since this page's previous report, added to the platform's counts. */
      transport: z.object({ retries: z.number().int().nonnegative().max(1_000_000), failures: z.number().int().nonnegative().max(1_000_000) }).optional(),
    }),
  }),
  z.object({
    type: z.literal('cs:escalate'),
    /** The comment as the page shows it, stored first if the background has not seen it yet. */
    comment: extractedComment.optional(),
    escalation: escalationInput,
  }),
  z.object({
    type: z.literal('cs:templates-suggest'),
    /** The logged-in account on the page, which selects the brand. */
    account: z.string().max(200).optional(),
    platform: platformId,
    query: z.string().max(200),
    /** The comment being answered, when the composer belongs to one: its language and mood rank the templates. */
    commentId: z.string().max(300).optional(),
  }),
  z.object({
    type: z.literal('cs:template-render'),
    /** The logged-in account on the page, which selects the brand. */
    account: z.string().max(200).optional(),
    templateId: z.string().max(200),
    platform: platformId,
    commentId: z.string().max(300).optional(),
    lang: z.string().max(10).optional(),
    fields: z.record(z.string().max(100), z.string().max(2_000)),
  }),
  z.object({
    type: z.literal('cs:template-used'),
    templateId: z.string().max(200),
    commentId: z.string().max(300).optional(),
  }),
  z.object({
    type: z.literal('cs:triggers'),
    /** The logged-in account on the page, which selects the brand. */
    account: z.string().max(200).optional(),
    platform: platformId,
  }),
  z.object({
    type: z.literal('cs:voice-check'),
    /** The logged-in account on the page, which selects the brand. */
    account: z.string().max(200).optional(),
    platform: platformId,
    text: z.string().max(20_000),
    /** "Ignore here" keys the user chose in this composer. */
    ignoredHere: z.array(z.string().max(500)).max(200),
  }),
  z.object({
    type: z.literal('cs:voice-ignore'),
    /** The logged-in account on the page, which selects the brand. */
    account: z.string().max(200).optional(),
    platform: platformId,
    ruleId: z.string().max(200),
    match: z.string().max(500),
  }),
  z.object({
    type: z.literal('cs:team-claim'),
    commentId: z.string().max(300),
    /** Withdraw the claim: someone else may answer. */
    release: z.boolean().default(false),
  }),
  z.object({
    type: z.literal('ui:ping'),
  }),
  z.object({
    /** The voice panel's "try" box: a reply checked by the reply boxes' engine, dictionaries and tagger included. */
    type: z.literal('ui:voice-try'),
    /** null: no brand, the shared packs only. */
    brandId: z.string().max(200).nullable(),
    lang: z.string().max(10),
    platform: platformId.optional(),
    crisis: z.boolean(),
    text: z.string().max(20_000),
  }),
  z.object({
    type: z.literal('ui:comment-action'),
    commentId: z.string().max(300),
    action: z.enum(['flagged', 'replied', 'ignored', 'claim', 'release']),
  }),
  z.object({
    type: z.literal('ui:team-connect'),
    /** The JSON text printed by `vigie team add-member`. */
    invitation: z.string().max(4_000),
    password: z.string().min(1).max(500),
  }),
  z.object({
    type: z.literal('ui:team-leave'),
  }),
  z.object({
    type: z.literal('ui:team-audit'),
  }),
  z.object({
    type: z.literal('ui:team-publish'),
    kind: z.enum(['template', 'voicePack', 'brand', 'responseTargets', 'playbook']),
    /** The template, pack or brand; unused for the response targets and the playbook. */
    id: z.string().max(200),
    /** A removed brand: the team removes it too. */
    withdraw: z.boolean().optional(),
    /** Leads only (the server refuses anyone else): lock the document, and for a pack the rules nobody may ignore. */
    locked: z.boolean().optional(),
    lockedRules: z.array(z.string().max(200)).max(500).optional(),
  }),
  z.object({
    type: z.literal('ui:settings-changed'),
    key: z.string().max(40),
  }),
  z.object({
    type: z.literal('ui:incident-changed'),
    incidentId: z.string().max(100),
  }),
  z.object({
    type: z.literal('ui:webhook-retry'),
    deliveryId: z.string().max(100),
  }),
]);
export type Request = z.infer<typeof requests>;
export type RequestType = Request['type'];

const badge = z.object({
  id: z.string(),
  status: commentStatus,
  sentiment: sentimentResult,
  /** Present in a team workspace: who flagged, who is answering, who answered. */
  team: teamView.optional(),
});

const templateSummary = z.object({
  id: z.string(),
  name: z.string(),
  folder: z.string(),
  langs: z.array(z.string()),
  trigger: z.string().optional(),
  preview: z.string(),
  fields: z.array(z.object({ key: z.string(), label: z.string(), kind: z.enum(['text', 'choice', 'date']), default: z.string().optional(), choices: z.array(z.string()).optional() })),
  reasons: z.array(z.string()),
});
export type TemplateSummary = z.infer<typeof templateSummary>;

const finding = z.object({
  ruleId: z.string(),
  severity: z.enum(['error', 'warning', 'suggestion']),
  message: z.string(),
  explanation: z.string(),
  start: z.number(),
  end: z.number(),
  match: z.string(),
  fixes: z.array(z.string()),
  /** A lead locked the rule: no "ignore" is offered. */
  locked: z.boolean().default(false),
});
export type VoiceFinding = z.infer<typeof finding>;

export const responses = {
  'cs:comments-seen': z.object({ badges: z.array(badge) }),
  'cs:set-status': z.object({ id: z.string(), status: commentStatus, team: teamView.optional() }),
  'cs:health': z.object({ stored: z.boolean() }),
  'cs:escalate': z.object({ incidentId: z.string(), title: z.string(), severity: z.number(), created: z.boolean() }),
  'cs:templates-suggest': z.object({ templates: z.array(templateSummary), crisisMode: z.boolean() }),
  'cs:template-render': z.object({
    text: z.string(),
    missing: z.array(z.string()),
    lang: z.string(),
    length: z.object({ ok: z.boolean(), length: z.number(), limit: z.number() }),
  }),
  'cs:template-used': z.object({ usageCount: z.number() }),
  'cs:triggers': z.object({ triggers: z.array(z.object({ trigger: z.string(), templateId: z.string(), hasFields: z.boolean() })) }),
  'cs:voice-check': z.object({ findings: z.array(finding), summary: z.object({ error: z.number(), warning: z.number(), suggestion: z.number() }), mode: z.enum(['trainee', 'expert']) }),
  'cs:voice-ignore': z.object({ ignored: z.number() }),
  'cs:team-claim': z.object({ team: teamView }),
  'ui:ping': z.object({ version: z.string() }),
  'ui:voice-try': z.object({ findings: z.array(finding) }),
  'ui:comment-action': z.object({ id: z.string(), status: commentStatus, team: teamView.optional() }),
  'ui:team-connect': teamMirror,
  'ui:team-leave': z.object({ left: z.boolean() }),
  'ui:team-audit': z.object({ csv: z.string() }),
  'ui:team-publish': z.object({ queued: z.boolean() }),
  'ui:settings-changed': z.object({ published: z.boolean() }),
  'ui:incident-changed': z.object({ published: z.boolean() }),
  'ui:webhook-retry': z.object({ status: z.enum(['pending', 'delivered', 'failed']), attempts: z.number(), lastError: z.string().optional() }),
} satisfies Record<RequestType, z.ZodType>;

export type Response<T extends RequestType> = z.infer<(typeof responses)[T]>;
export type Badge = z.infer<typeof badge>;

/** From the background to the content scripts: comments whose team state changed. Not parsed there (no zod in content scripts); sent by our background only. */
export interface TeamStateMessage {
  type: 'bg:team-state';
  views: { id: string; team: z.infer<typeof teamView> }[];
}

/**
 * From the background to a tab after an install or an update (lib/background/inject.ts): a live
 * content script of this extension answers PingAnswer at once; an orphaned one cannot hear it.
 */
export interface PingMessage {
  type: 'bg:ping';
}
export interface PingAnswer {
  alive: true;
}

/** `forbidden`: the request is well formed and from us, but a lead's lock or the member's role does not allow it. */
export const errorCode = z.enum(['bad-request', 'unknown-type', 'forbidden-sender', 'forbidden', 'not-found', 'internal']);
export type ErrorCode = z.infer<typeof errorCode>;

export const messageError = z.object({ code: errorCode, message: z.string() });
export type MessageError = z.infer<typeof messageError>;

export type Answer<T extends RequestType> = { ok: true; data: Response<T> } | { ok: false; error: MessageError };

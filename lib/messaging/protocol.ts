/**
 * Every message between the content scripts, the extension pages and the background, declared once.
 * Names say the direction: `cs:` from a content script (an untrusted page's neighbour), `ui:` from an
 * extension page. The background parses each request with these schemas before any handler runs.
 */
import { z } from 'zod';
import { escalationInput } from '../crisis/model';
import { commentStatus, healthRecord } from '../db/model';
import { extractedComment } from '../platforms/schema';
import { sentimentResult } from '../sentiment/types';

const url = z.string().max(2_000);

export const requests = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('cs:comments-seen'),
    threadUrl: url,
    comments: z.array(extractedComment).max(500),
  }),
  z.object({
    type: z.literal('cs:set-status'),
    commentId: z.string().max(300),
    status: commentStatus,
  }),
  z.object({
    type: z.literal('cs:health'),
    report: healthRecord.omit({ checkedAt: true }),
  }),
  z.object({
    type: z.literal('cs:escalate'),
    /** The comment as the page shows it, stored first if the background has not seen it yet. */
    comment: extractedComment.optional(),
    escalation: escalationInput,
  }),
  z.object({
    type: z.literal('ui:ping'),
  }),
  z.object({
    type: z.literal('ui:settings-changed'),
    key: z.string().max(40),
  }),
  z.object({
    type: z.literal('ui:incident-changed'),
    incidentId: z.string().max(100),
  }),
]);
export type Request = z.infer<typeof requests>;
export type RequestType = Request['type'];

const badge = z.object({
  id: z.string(),
  status: commentStatus,
  sentiment: sentimentResult,
});

export const responses = {
  'cs:comments-seen': z.object({ badges: z.array(badge) }),
  'cs:set-status': z.object({ id: z.string(), status: commentStatus }),
  'cs:health': z.object({ stored: z.boolean() }),
  'cs:escalate': z.object({ incidentId: z.string(), title: z.string(), severity: z.number(), created: z.boolean() }),
  'ui:ping': z.object({ version: z.string() }),
  'ui:settings-changed': z.object({ published: z.boolean() }),
  'ui:incident-changed': z.object({ published: z.boolean() }),
} satisfies Record<RequestType, z.ZodType>;

export type Response<T extends RequestType> = z.infer<(typeof responses)[T]>;
export type Badge = z.infer<typeof badge>;

export const errorCode = z.enum(['bad-request', 'unknown-type', 'forbidden-sender', 'not-found', 'internal']);
export type ErrorCode = z.infer<typeof errorCode>;

export const messageError = z.object({ code: errorCode, message: z.string() });
export type MessageError = z.infer<typeof messageError>;

export type Answer<T extends RequestType> = { ok: true; data: Response<T> } | { ok: false; error: MessageError };

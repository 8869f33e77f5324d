import { z } from 'zod';
import { ALERT_MSG_TYPES, ALERT_STATUSES, type Alert, type AlertProgress } from '../../../domain/alerts/alerts.js';
import { capCertainty, capSeverity, capUrgency, type CapError } from '../../../domain/alerts/cap.js';
import { ALERT_CATEGORIES } from '../../../domain/subscribers/subscribers.js';

/*
 * How the API shows alerts. The zod schemas are the OpenAPI document's source and the tests check real
 * responses against them. Progress is counts only: no number ever leaves through it.
 */

const timestamp = z.iso.datetime();
const alertTextJsonSchema = z.object({ headline: z.string(), description: z.string(), instruction: z.string(), sms: z.string() });

export const alertJsonSchema = z.object({
  id: z.uuid(),
  identifier: z.string(),
  sender: z.string(),
  msgType: z.enum(ALERT_MSG_TYPES),
  references: z.uuid().nullable(),
  category: z.enum(ALERT_CATEGORIES),
  severity: capSeverity,
  urgency: capUrgency,
  certainty: capCertainty,
  countries: z.array(z.string()),
  adminAreas: z.array(z.string()),
  hubIds: z.array(z.uuid()),
  effectiveAt: timestamp,
  expiresAt: timestamp,
  originalLanguage: z.string(),
  texts: z.record(z.string(), alertTextJsonSchema),
  status: z.enum(ALERT_STATUSES),
  source: z.enum(['web', 'api', 'cap']),
  createdBy: z.uuid().nullable(),
  approvedBy: z.uuid().nullable(),
  decidedAt: timestamp.nullable(),
  decisionNote: z.string().nullable(),
  createdAt: timestamp,
});

const counts = z.object(Object.fromEntries(['queued', 'sending', 'uncertain', 'sent', 'delivered', 'failed', 'skipped'].map((k) => [k, z.int().min(0)])));

export const alertProgressJsonSchema = z.object({
  dispatch: z.enum(['none', 'subscribers', 'coordinators', 'done']),
  total: z.int().min(0),
  counts,
  failures: z.array(z.object({ reason: z.string(), count: z.int().min(0) })),
});

export const capErrorJsonSchema = z.object({
  path: z.string(),
  code: z.string(),
  message: z.string(),
  detail: z.string(),
  line: z.int().optional(),
  column: z.int().optional(),
});

/** A refused CAP file: the usual error body plus every reason, each with its path and code. */
export const capRefusalJsonSchema = z.object({
  error: z.object({ code: z.literal('invalid'), message: z.string(), fields: z.record(z.string(), z.string()), errors: z.array(capErrorJsonSchema) }),
});

export function alertJson(a: Alert): z.input<typeof alertJsonSchema> {
  return {
    ...a,
    effectiveAt: a.effectiveAt.toISOString(),
    expiresAt: a.expiresAt.toISOString(),
    decidedAt: a.decidedAt?.toISOString() ?? null,
    createdAt: a.createdAt.toISOString(),
  };
}

export const alertProgressJson = (p: AlertProgress): z.input<typeof alertProgressJsonSchema> => p;

export function capErrorJson(e: CapError, message: string): z.input<typeof capErrorJsonSchema> {
  return { path: e.path, code: e.code, message, detail: e.detail, ...(e.line !== undefined ? { line: e.line } : {}), ...(e.column !== undefined ? { column: e.column } : {}) };
}

import { z } from 'zod';
import { countryCode, languageTag, oneOf, requiredText, setOf, text, uuid } from '../shared/fields.js';
import { ALERT_CATEGORIES, isAdminAreaKey, type AlertCategory } from '../subscribers/subscribers.js';
import { capCertainty, capSeverity, capUrgency, type CapCertainty, type CapSeverity, type CapUrgency } from './cap.js';

export const ALERT_STATUSES = ['pending', 'approved', 'rejected'] as const;
export const ALERT_MSG_TYPES = ['Alert', 'Update', 'Cancel'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];
export type AlertMsgType = (typeof ALERT_MSG_TYPES)[number];

/** A text message longer than this is refused: 3 segments in GSM 03.38 (3 × 153), 7 in UCS-2 (7 × 67 = 469). */
export const MAX_SMS_CHARS = 459;

const alertText = z.object({
  headline: requiredText(160),
  description: requiredText(4000),
  instruction: text(2000).default(''),
  sms: requiredText(MAX_SMS_CHARS),
});
export type AlertText = z.output<typeof alertText>;

const dateTime = z.coerce.date({ error: 'validation.date' }).refine((d) => !Number.isNaN(d.getTime()), { error: 'validation.date' });

const alertFields = {
  category: oneOf(ALERT_CATEGORIES),
  severity: capSeverity,
  urgency: capUrgency,
  certainty: capCertainty,
  countries: setOf(countryCode, { max: 60 }),
  adminAreas: setOf(z.string({ error: 'validation.invalid_type' }).refine(isAdminAreaKey, { error: 'validation.admin_area' }), { max: 500 }),
  hubIds: setOf(uuid, { max: 500 }),
  effectiveAt: dateTime,
  expiresAt: dateTime,
  originalLanguage: languageTag,
  texts: z.record(languageTag, alertText, { error: 'validation.invalid_type' }),
};

/** An alert as written in the form, the API or read from a CAP file. */
export const alertInputSchema = z
  .object(alertFields)
  .superRefine((a, ctx) => {
    if (a.countries.length + a.adminAreas.length + a.hubIds.length === 0) ctx.addIssue({ code: 'custom', path: ['countries'], message: 'validation.area_required' });
    if (a.expiresAt.getTime() <= a.effectiveAt.getTime()) ctx.addIssue({ code: 'custom', path: ['expiresAt'], message: 'validation.expires_before_effective' });
    if (!a.texts[a.originalLanguage]) ctx.addIssue({ code: 'custom', path: ['texts'], message: 'validation.original_text_required' });
  });
export type AlertInput = z.output<typeof alertInputSchema>;

/** An Update changes what an approved alert says; a Cancel withdraws it. Both reach the same people. */
export const alertChangeSchema = z.object({
  msgType: z.enum(['Update', 'Cancel'], { error: 'validation.invalid_choice' }),
  alert: alertInputSchema,
});

export const alertDecisionSchema = z.object({
  decision: z.enum(['approve', 'reject'], { error: 'validation.invalid_choice' }),
  note: text(1000).default(''),
});

export type Alert = {
  id: string;
  identifier: string;
  sender: string;
  msgType: AlertMsgType;
  references: string | null;
  category: AlertCategory;
  severity: CapSeverity;
  urgency: CapUrgency;
  certainty: CapCertainty;
  countries: string[];
  adminAreas: string[];
  hubIds: string[];
  effectiveAt: Date;
  expiresAt: Date;
  originalLanguage: string;
  status: AlertStatus;
  source: 'web' | 'api' | 'cap';
  createdBy: string | null;
  approvedBy: string | null;
  decidedAt: Date | null;
  decisionNote: string | null;
  createdAt: Date;
  texts: Record<string, AlertText>;
};

/** How far an alert's messages got, per status of the outbox. */
export type AlertProgress = {
  dispatch: 'none' | 'subscribers' | 'coordinators' | 'done';
  total: number;
  counts: Record<'queued' | 'sending' | 'uncertain' | 'sent' | 'delivered' | 'failed' | 'skipped', number>;
  failures: { reason: string; count: number }[];
};

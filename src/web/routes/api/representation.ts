import { z } from 'zod';
import { EXCHANGE_STATUSES, type Exchange } from '../../../domain/exchanges/exchanges.js';
import type { Hub } from '../../../domain/hubs/hubs.js';
import type { PeerRecommendation, PracticeRecommendation } from '../../../domain/matching/matching.service.js';
import { hubRecord, practiceRecord } from '../../../domain/opendata/export.service.js';
import { hubRecordSchema, practiceRecordSchema } from '../../../domain/opendata/format.js';
import type { practiceHistory } from '../../../domain/practices/practices.service.js';
import type { Practice } from '../../../domain/practices/practices.js';
import { REVIEW_ACTIONS, type ReviewAction } from '../../../domain/practices/workflow.js';

/*
 * How the API shows practices and hubs: the open-data record (so anything read here can be imported
 * elsewhere) plus what only a live node knows. The zod schemas are the OpenAPI document's source and
 * the tests check real responses against them, so the document cannot drift from the code.
 */

const timestamp = z.iso.datetime();

export const practiceJsonSchema = z.intersection(
  practiceRecordSchema,
  z.object({ version: z.int().min(1), createdAt: timestamp, updatedAt: timestamp }),
);

export const hubContactSchema = z.object({ name: z.string(), email: z.string(), phone: z.string() });

export const hubJsonSchema = z.intersection(
  hubRecordSchema,
  z.object({ contact: hubContactSchema.nullable(), createdAt: timestamp, updatedAt: timestamp }),
);

export function pageSchemaOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), page: z.int().min(1), perPage: z.int().min(1), total: z.int().min(0) });
}

export const historyJsonSchema = z.object({
  id: z.uuid(),
  reviews: z.array(z.object({ action: z.enum(REVIEW_ACTIONS), comment: z.string(), userName: z.string().nullable(), createdAt: timestamp })),
  versions: z.array(
    z.object({
      version: z.int().min(1),
      changes: z.array(z.object({ field: z.string(), lang: z.string().optional(), before: z.unknown(), after: z.unknown() })),
      userName: z.string().nullable(),
      createdAt: timestamp,
    }),
  ),
});

/** A recommendation's reasons are data ({ code, …details }); the pages turn them into words. */
const reasonSchema = z.object({ code: z.string() }).catchall(z.unknown());

export const recommendationsJsonSchema = z.object({
  practices: z.array(z.object({ practice: practiceJsonSchema, score: z.number(), reasons: z.array(reasonSchema) })),
  peers: z.array(z.object({ hub: hubJsonSchema, score: z.number(), reasons: z.array(reasonSchema) })),
});

export const exchangeJsonSchema = z.object({
  id: z.uuid(),
  fromHubId: z.uuid(),
  toHubId: z.uuid(),
  practiceId: z.uuid().nullable(),
  status: z.enum(EXCHANGE_STATUSES),
  createdAt: timestamp,
  respondedAt: timestamp.nullable(),
  messages: z.array(z.object({ id: z.uuid(), hubId: z.uuid(), userName: z.string().nullable(), body: z.string(), createdAt: timestamp })),
});

export const apiErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.record(z.string(), z.string()).optional(),
    requestId: z.string().optional(),
  }),
});

export function practiceJson(p: Practice): z.input<typeof practiceJsonSchema> {
  return { ...practiceRecord(p), version: p.version, createdAt: p.createdAt.toISOString(), updatedAt: p.updatedAt.toISOString() };
}

/** `contact` is null unless the service left it in (signed-in callers). */
export function hubJson(h: Hub): z.input<typeof hubJsonSchema> {
  return { ...hubRecord(h), contact: h.contact, createdAt: h.createdAt.toISOString(), updatedAt: h.updatedAt.toISOString() };
}

export function historyJson(h: Awaited<ReturnType<typeof practiceHistory>>): z.input<typeof historyJsonSchema> {
  return {
    id: h.practice.id,
    // The column is plain text, but only the service writes it, always with a ReviewAction.
    reviews: h.reviews.map((r) => ({ ...r, action: r.action as ReviewAction, createdAt: r.createdAt.toISOString() })),
    versions: h.versions.map((v) => ({ ...v, createdAt: v.createdAt.toISOString() })),
  };
}

export function pageJson<T, R>(page: { items: T[]; page: number; perPage: number; total: number }, toJson: (item: T) => R) {
  return { items: page.items.map(toJson), page: page.page, perPage: page.perPage, total: page.total };
}

export function recommendationsJson(practices: PracticeRecommendation[], peers: PeerRecommendation[]): z.input<typeof recommendationsJsonSchema> {
  return {
    practices: practices.map((r) => ({ practice: practiceJson(r.practice), score: r.score, reasons: r.reasons })),
    peers: peers.map((r) => ({ hub: hubJson(r.hub), score: r.score, reasons: r.reasons })),
  };
}

export function exchangeJson(e: Exchange): z.input<typeof exchangeJsonSchema> {
  return {
    ...e,
    createdAt: e.createdAt.toISOString(),
    respondedAt: e.respondedAt?.toISOString() ?? null,
    messages: e.messages.map((m) => ({ ...m, createdAt: m.createdAt.toISOString() })),
  };
}

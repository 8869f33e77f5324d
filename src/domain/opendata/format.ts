import { z } from 'zod';
import { hubProfileSchema, hubTextSchema } from '../hubs/hubs.js';
import { practiceFactsSchema, practiceStatusSchema, practiceTextSchema } from '../practices/practices.js';
import { languageTag, uuid } from '../shared/fields.js';

/**
 * The open-data exchange format (version 1): what `passerelle export` writes and `passerelle import`
 * reads. Contacts are personal data and never part of it. Texts are keyed by BCP 47 tag and must
 * include the original language.
 */
export const FORMAT_NAME = 'passerelle-open-data';
export const FORMAT_VERSION = 1;

function textsOf<T extends z.ZodType>(item: T) {
  return z.record(z.string(), item, { error: 'validation.invalid_type' }).transform((rec, ctx) => {
    const out: Record<string, z.output<T>> = {};
    for (const [raw, value] of Object.entries(rec)) {
      const tag = languageTag.safeParse(raw);
      if (!tag.success) {
        ctx.addIssue({ code: 'custom', message: 'validation.language', path: [raw] });
        return z.NEVER;
      }
      out[tag.data] = value as z.output<T>;
    }
    return out;
  });
}

function withOriginal<T extends { originalLanguage: string; texts: Record<string, unknown> }>(r: T, ctx: z.RefinementCtx) {
  if (!r.texts[r.originalLanguage]) {
    ctx.addIssue({ code: 'custom', message: 'validation.original_text_missing', path: ['texts'] });
  }
}

export const hubRecordSchema = hubProfileSchema
  .omit({ contactName: true, contactEmail: true, contactPhone: true })
  .extend({
    id: uuid,
    originalLanguage: languageTag,
    texts: textsOf(hubTextSchema),
    isDemo: z.boolean().default(false),
  })
  .superRefine(withOriginal);

export const practiceRecordSchema = practiceFactsSchema
  .extend({
    id: uuid,
    status: practiceStatusSchema.default('published'),
    originalLanguage: languageTag,
    texts: textsOf(practiceTextSchema),
    publishedAt: z.iso.datetime({ offset: true, error: 'validation.datetime' }).nullable().default(null),
    isDemo: z.boolean().default(false),
  })
  .superRefine(withOriginal);

/** The envelope is checked first; records are checked one by one so one bad record skips only itself. */
export const envelopeSchema = z.object({
  format: z.literal(FORMAT_NAME, { error: 'import.bad_format' }),
  version: z.literal(FORMAT_VERSION, { error: 'import.bad_version' }),
  exportedAt: z.string().optional(),
  hubs: z.array(z.unknown()).default([]),
  practices: z.array(z.unknown()).default([]),
});

export type HubRecord = z.output<typeof hubRecordSchema>;
export type PracticeRecord = z.output<typeof practiceRecordSchema>;
export type OpenDataFile = {
  format: typeof FORMAT_NAME;
  version: typeof FORMAT_VERSION;
  exportedAt: string;
  hubs: z.input<typeof hubRecordSchema>[];
  practices: z.input<typeof practiceRecordSchema>[];
};

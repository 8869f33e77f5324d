import { z } from 'zod';
import { AMENDMENT_STATUSES, DOCUMENT_KINDS, DOCUMENT_STATUSES, type PlanDocument } from '../../../domain/action-plan/action-plan.js';

/*
 * How the API shows a process's declaration and action plan: documents, sections with their current text
 * (per language, the latest version only) and version number, action items and amendments with their votes.
 * Who proposed or decided is shown by display name, as on the pages. The full history is on the pages.
 */

const counts = z.object({ for: z.int().min(0), against: z.int().min(0), abstain: z.int().min(0) });

export const planJsonSchema = z.object({
  documents: z.array(z.object({
    id: z.uuid(), kind: z.enum(DOCUMENT_KINDS), status: z.enum(DOCUMENT_STATUSES), originalLanguage: z.string(), consultationId: z.uuid().nullable(),
    texts: z.record(z.string(), z.object({ title: z.string(), preamble: z.string() })),
    adoptedAt: z.iso.datetime().nullable(), adoptedBy: z.string().nullable(),
    sections: z.array(z.object({
      id: z.uuid(), position: z.int().min(1), owner: z.object({ id: z.uuid(), name: z.string() }).nullable(),
      sourceStatementIds: z.array(z.uuid()), version: z.int().min(1).describe('The current (latest) version number.'),
      texts: z.record(z.string(), z.string()).describe('The current version’s text per language.'),
      actionItems: z.array(z.object({ id: z.uuid(), code: z.string(), weight: z.int().min(1), texts: z.record(z.string(), z.object({ title: z.string() })) })),
      amendments: z.array(z.object({
        id: z.uuid(), baseVersion: z.int().min(1), lang: z.string(), text: z.string(), rationale: z.string(), status: z.enum(AMENDMENT_STATUSES),
        proposedAt: z.iso.datetime(), decidedAt: z.iso.datetime().nullable(), decidedHow: z.enum(['owner', 'vote']).nullable(),
        votes: counts.describe('Live counts while proposed; the counts at decision time afterwards.'),
      })),
    })),
  })).describe('Oldest first.'),
});

export function planJson(docs: PlanDocument[]): z.input<typeof planJsonSchema> {
  return {
    documents: docs.map((d) => ({
      id: d.id, kind: d.kind, status: d.status, originalLanguage: d.originalLanguage, consultationId: d.consultationId, texts: d.texts,
      adoptedAt: d.adoptedAt?.toISOString() ?? null, adoptedBy: d.adoptedByName,
      sections: d.sections.map((s) => ({
        id: s.id, position: s.position, owner: s.owner, sourceStatementIds: s.sourceStatementIds, version: s.version, texts: s.texts,
        actionItems: s.actionItems.map(({ sectionId: _s, ...i }) => i),
        amendments: s.amendments.map((a) => ({
          id: a.id, baseVersion: a.baseVersion, lang: a.lang, text: a.text, rationale: a.rationale, status: a.status,
          proposedAt: a.proposedAt.toISOString(), decidedAt: a.decidedAt?.toISOString() ?? null, decidedHow: a.decidedHow, votes: a.votes,
        })),
      })),
    })),
  };
}

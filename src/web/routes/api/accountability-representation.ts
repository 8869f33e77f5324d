import { z } from 'zod';
import { CHANGE_KINDS, COMMITMENT_STATUSES, PROGRESS_SOURCES, type Accountability } from '../../../domain/accountability/accountability.js';
import { DOCUMENT_TYPES } from '../../../domain/accountability/document.js';

/*
 * How the API shows a process's accountability, computed on read: action-plan items with their progress
 * (0–1, null when no commitment measures them), the plan's progress, commitments with every update and its
 * evidence, which are overdue, their changes with the reasons given (withdrawn commitments included, marked,
 * and left out of the roll-up), and the hubs' stories (the audio by its page address). An update's document is
 * described (name, type, size, SHA-256) and downloaded from its `url`; like the update, it is public. Who
 * reported an update or made a change is not published; the organisation is.
 */

const ratio = z.number().min(0).max(1);
const day = z.iso.date();

export const accountabilityJsonSchema = z.object({
  today: day.describe('The day overdue is judged on.'),
  plan: z.object({ progress: ratio.nullable(), counted: z.int().min(0), unmeasured: z.int().min(0) }),
  items: z.array(z.object({
    id: z.uuid(), code: z.string(), weight: z.int().min(1), texts: z.record(z.string(), z.object({ title: z.string() })),
    progress: ratio.nullable().describe('Weighted over the item’s commitments; null when none measures it.'), commitments: z.int().min(0), overdue: z.boolean(),
  })),
  commitments: z.array(z.object({
    id: z.uuid(), organisation: z.object({ id: z.uuid(), name: z.string(), sector: z.string() }), partners: z.array(z.string()),
    originalLanguage: z.string(), texts: z.record(z.string(), z.object({ title: z.string(), indicator: z.string() })),
    baseline: z.number(), target: z.number(), unit: z.string(), deadline: day,
    items: z.array(z.object({ id: z.uuid(), weight: z.int().min(1) })),
    status: z.enum(COMMITMENT_STATUSES).describe('A withdrawn commitment takes no progress and is left out of the items’ and the plan’s progress.'),
    latest: z.number().nullable(), progress: ratio, overdue: z.boolean(),
    changes: z.array(z.object({
      kind: z.enum(CHANGE_KINDS), at: z.iso.datetime(), reason: z.string(),
      before: z.record(z.string(), z.unknown()).describe('Only the fields that changed: title, indicator, partners, baseline, target, unit, deadline, items ([{ itemId, weight }]), status.'),
      after: z.record(z.string(), z.unknown()),
    })).describe('Revisions and the withdrawal, oldest first.'),
    updates: z.array(z.object({
      id: z.uuid(), reportedOn: day, value: z.number(), note: z.string(), evidenceUrl: z.string().nullable(),
      evidencePractice: z.object({ id: z.uuid(), title: z.string() }).nullable(), source: z.enum(PROGRESS_SOURCES),
      document: z.object({
        name: z.string(), type: z.enum(DOCUMENT_TYPES).describe('Read from the file’s first bytes when it was sent.'), size: z.int().min(1).describe('In bytes.'),
        sha256: z.string().regex(/^[0-9a-f]{64}$/).describe('Hex SHA-256 of the bytes, to check a copy.'), url: z.string().describe('Absolute path of the download.'),
      }).nullable().describe('A document given as evidence, or null.'),
    })).describe('Oldest first by the day reported.'),
  })),
  stories: z.array(z.object({
    id: z.uuid(), hub: z.object({ id: z.uuid(), name: z.string() }), lang: z.string(), title: z.string(), text: z.string(),
    audio: z.object({ type: z.string(), href: z.string() }).nullable(), items: z.array(z.uuid()), practices: z.array(z.uuid()), createdAt: z.iso.datetime(),
  })).describe('Newest first.'),
});

export function accountabilityJson(processId: string, a: Accountability): z.input<typeof accountabilityJsonSchema> {
  return {
    today: a.today, plan: a.plan,
    items: a.items.map((i) => ({ id: i.id, code: i.code, weight: i.weight, texts: i.texts, progress: i.progress, commitments: i.commitments, overdue: i.isOverdue })),
    commitments: a.commitments.map((c) => ({
      id: c.id, organisation: c.organisation, partners: c.partners, originalLanguage: c.originalLanguage, texts: c.texts, baseline: c.baseline, target: c.target,
      unit: c.unit, deadline: c.deadline, items: c.links.map((l) => ({ id: l.itemId, weight: l.weight })), status: c.status, latest: c.latest, progress: c.progress, overdue: c.isOverdue,
      changes: c.changes.map((ch) => ({ kind: ch.kind, at: ch.at.toISOString(), reason: ch.reason, before: ch.before, after: ch.after })),
      updates: c.updates.map((u) => ({
        id: u.id, reportedOn: u.reportedOn, value: u.value, note: u.note, evidenceUrl: u.evidenceUrl, source: u.source,
        evidencePractice: u.evidencePractice && { id: u.evidencePractice.id, title: u.evidencePractice.title },
        document: u.document && { ...u.document, url: `/processes/${processId}/accountability/updates/${u.id}/document` },
      })),
    })),
    stories: a.stories.map((s) => ({
      id: s.id, hub: { id: s.hub.id, name: s.hub.name }, lang: s.lang, title: s.title, text: s.text, items: s.items, practices: s.practices.map((p) => p.id),
      audio: s.audioType ? { type: s.audioType, href: `/processes/${processId}/accountability/stories/${s.id}/audio` } : null, createdAt: s.createdAt.toISOString(),
    })),
  };
}

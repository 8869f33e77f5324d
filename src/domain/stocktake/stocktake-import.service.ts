import type { Db } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';
import type { Actor } from '../accounts/accounts.js';
import { DomainError, notFound } from '../errors.js';
import { assertInPhase, getProcess } from '../process/process.service.js';
import type { IatiError } from './iati.js';
import { mapIatiActivity, type MappedActivity, type MappingNote } from './iati-map.js';
import { parseIatiActivities } from './iati-parse.js';
import { summariseImport, type ImportResult, type ImportSummary } from './iati-summary.js';
import { IATI_UPLOAD_MAX_BYTES, type ActivityRow, type StocktakeText } from './stocktake.js';
import { organisationFor } from './stocktake.service.js';
import * as repo from './stocktake.repo.js';

type Deps = { db: Db; clock: Clock };

/** What an import did to each activity it wrote; skipped ones are in `summary.skippedActivities`. */
export type ImportedActivity = { index: number; identifier: string; id: string; title: string; outcome: 'created' | 'updated'; notes: MappingNote[] };
export type IatiImportReport = { version: string; summary: ImportSummary; activities: ImportedActivity[] };
export type IatiImport = {
  id: number; processId: string; organisationId: string; organisationName: string; fileName: string;
  total: number; created: number; updated: number; skipped: number; byName: string | null; at: Date; report: IatiImportReport;
};

export type IatiImportOutcome = { ok: true; import: IatiImport } | { ok: false; errors: IatiError[] };

/** Texts per language that has a title; the description goes with its language when there is one. */
function textsOf(m: MappedActivity): { original: string; texts: Record<string, StocktakeText> } {
  const texts: Record<string, StocktakeText> = {};
  for (const [lang, title] of Object.entries(m.title)) texts[lang] = { title, description: m.description[lang] ?? '', communities: '' };
  return { original: Object.keys(texts)[0]!, texts };
}

function rowOf(processId: string, organisationId: string, m: MappedActivity, lang: string): ActivityRow {
  const { original, texts } = textsOf(m);
  return {
    processId, organisationId, source: 'iati', iatiIdentifier: m.iatiIdentifier, countries: m.countries, adminAreas: [], regions: m.regions, hubIds: [],
    targetGroups: [], themes: m.themes, sdgs: m.sdgs, wsis: [], budgetAmount: m.budget ? m.budget.amount.toFixed(2) : null, budgetCurrency: m.budget?.currency ?? null,
    startsOn: m.period.start, endsOn: m.period.end, partners: m.partners, status: m.status, originalLanguage: texts[lang] ? lang : original, texts,
  };
}

const skip = (r: Extract<ImportResult, { ok: true }>, index: number, line: number, error: IatiError): ImportResult => ({ ok: false, index, identifier: r.activity.iatiIdentifier, line, errors: [error] });

/**
 * Imports an IATI 2.0x activity file into a process's stocktake for an organisation (the actor's; admins may
 * name another). The whole file is refused — nothing written, `{ ok: false }` with the reasons — when it is
 * larger than IATI_UPLOAD_MAX_BYTES, not XML, not an IATI activity file or of another version. Otherwise each
 * valid activity is written in its own transaction (which checks the phase), an identifier the organisation
 * already reported in this process is updated rather than duplicated, and the report — counts, what was not
 * mapped, every skipped activity with its reasons — is stored and returned. Errors (thrown): unauthenticated,
 * forbidden, not_found, conflict (`process.not_in_phase`, checked before reading the file).
 * Idempotent in effect: importing the same file again updates the same activities.
 */
export async function importIatiFile(ctx: Deps, actor: Actor, processId: unknown, file: { name: string; xml: string; organisationId?: string | null }): Promise<IatiImportOutcome> {
  const process = await getProcess(ctx, processId);
  const org = await organisationFor(ctx, actor, file.organisationId ?? null);
  await ctx.db.transaction((tx) => assertInPhase(tx, process.id, 'stocktaking'));
  const bytes = Buffer.byteLength(file.xml, 'utf8');
  if (bytes > IATI_UPLOAD_MAX_BYTES) return { ok: false, errors: [{ code: 'too_large', path: '', detail: `The file has ${bytes} bytes; the limit is ${IATI_UPLOAD_MAX_BYTES}.` }] };
  const parsed = parseIatiActivities(file.xml);
  if (!parsed.ok) return parsed;

  const activities: ImportedActivity[] = [];
  const final: ImportResult[] = [];
  for (const parsedOne of parsed.activities) {
    if (!parsedOne.ok) {
      final.push(parsedOne);
      continue;
    }
    const { index, line } = parsedOne.activity;
    const r = { ok: true as const, ...mapIatiActivity(parsedOne.activity) };
    const { start, end } = r.activity.period;
    if (start && end && end < start) {
      final.push(skip(r, index, line, { code: 'invalid_period', path: 'activity-date', detail: `The activity ends (${end}) before it starts (${start}).` }));
      continue;
    }
    try {
      const written = await ctx.db.transaction(async (tx) => {
        await assertInPhase(tx, process.id, 'stocktaking');
        return repo.upsertIatiActivity(tx, rowOf(process.id, org.id, r.activity, actor!.locale ?? 'en'), ctx.clock.now(), actor!.id);
      });
      const title = r.activity.title[Object.keys(r.activity.title)[0]!]!;
      activities.push({ index, identifier: r.activity.iatiIdentifier, id: written.id, title, outcome: written.created ? 'created' : 'updated', notes: r.report });
      final.push(r);
    } catch (e) {
      // The phase changed while the file was being read: what is written stays, the rest is reported.
      if (!(e instanceof DomainError && e.message === 'process.not_in_phase')) throw e;
      final.push(skip(r, index, line, { code: 'not_in_phase', path: '', detail: 'The process left the stocktaking phase during the import.' }));
    }
  }
  const summary = summariseImport(final);
  const report: IatiImportReport = { version: parsed.version, summary, activities };
  const created = activities.filter((a) => a.outcome === 'created').length;
  const counts = { total: summary.total, created, updated: activities.length - created, skipped: summary.skipped };
  const id = await repo.insertImport(ctx.db, { processId: process.id, organisationId: org.id, fileName: file.name.slice(0, 200), ...counts, report, byUser: actor!.id, at: ctx.clock.now() });
  return { ok: true, import: (await getImport(ctx, process.id, id))! };
}

/** The imports into a process's stocktake, newest first (at most 50). Errors: not_found. */
export async function listImports(ctx: Pick<Deps, 'db'>, processId: unknown): Promise<IatiImport[]> {
  const process = await getProcess(ctx, processId);
  return (await repo.findImports(ctx.db, process.id)) as IatiImport[];
}

/** One import with its report. Errors: not_found. */
export async function getImport(ctx: Pick<Deps, 'db'>, processId: unknown, importId: unknown): Promise<IatiImport> {
  const process = await getProcess(ctx, processId);
  const id = Number(importId);
  const [found] = Number.isSafeInteger(id) && id > 0 ? await repo.findImports(ctx.db, process.id, id) : [];
  if (!found) throw notFound();
  return found as IatiImport;
}

import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.js';
import { phaseChanges, processes, processPhases, processPhaseTexts, processTexts, users } from '../../db/schema/index.js';
import type { Activity } from './phases.js';
import type { Phase, PhaseChange, Process, ProcessInput, ProcessStatus, ProcessText } from './process.js';

/** Inserts a process, its phases and all their texts, then marks the active phase. Call inside a transaction. */
export async function insertProcess(db: DbOrTx, p: ProcessInput & { createdBy: string | null; at: Date; isDemo?: boolean }): Promise<string> {
  const [row] = await db
    .insert(processes)
    .values({ originalLanguage: p.originalLanguage, createdBy: p.createdBy, createdAt: p.at, isDemo: p.isDemo ?? false })
    .returning({ id: processes.id });
  const id = row!.id;
  await db.insert(processTexts).values(Object.entries(p.texts).map(([lang, t]) => ({ processId: id, lang, ...t })));
  const phaseIds: string[] = [];
  for (const [i, phase] of p.phases.entries()) {
    const [inserted] = await db
      .insert(processPhases)
      .values({ processId: id, position: i + 1, startsOn: phase.startsOn, endsOn: phase.endsOn, activities: phase.activities })
      .returning({ id: processPhases.id });
    phaseIds.push(inserted!.id);
    await db.insert(processPhaseTexts).values(Object.entries(phase.texts).map(([lang, t]) => ({ phaseId: inserted!.id, lang, ...t })));
  }
  await db.update(processes).set({ activePhaseId: phaseIds[p.activePhase - 1]! }).where(eq(processes.id, id));
  return id;
}

function byKey<T>(rows: T[], key: (r: T) => string, text: (r: T) => [string, ProcessText]) {
  const out = new Map<string, Record<string, ProcessText>>();
  for (const r of rows) {
    const [lang, t] = text(r);
    out.set(key(r), { ...out.get(key(r)), [lang]: t });
  }
  return out;
}

/** Processes with their texts and ordered phases; all of them, newest first, or those with the given ids. */
export async function findProcesses(db: DbOrTx, ids?: string[]): Promise<Process[]> {
  if (ids?.length === 0) return [];
  const rows = await db.select().from(processes).where(ids ? inArray(processes.id, ids) : undefined).orderBy(desc(processes.createdAt), asc(processes.id));
  if (rows.length === 0) return [];
  const found = rows.map((r) => r.id);
  const texts = await db.select().from(processTexts).where(inArray(processTexts.processId, found));
  const phases = await db.select().from(processPhases).where(inArray(processPhases.processId, found)).orderBy(asc(processPhases.position));
  const phaseTexts = phases.length ? await db.select().from(processPhaseTexts).where(inArray(processPhaseTexts.phaseId, phases.map((p) => p.id))) : [];
  const textsOf = byKey(texts, (t) => t.processId, (t) => [t.lang, { title: t.title, description: t.description }]);
  const phaseTextsOf = byKey(phaseTexts, (t) => t.phaseId, (t) => [t.lang, { title: t.title, description: t.description }]);
  return rows.map((r) => ({
    id: r.id, status: r.status as ProcessStatus, originalLanguage: r.originalLanguage, activePhaseId: r.activePhaseId,
    texts: textsOf.get(r.id) ?? {}, createdAt: r.createdAt,
    phases: phases.filter((p) => p.processId === r.id).map((p): Phase => ({
      id: p.id, position: p.position, startsOn: p.startsOn, endsOn: p.endsOn, activities: p.activities as Activity[], texts: phaseTextsOf.get(p.id) ?? {},
    })),
  }));
}

/**
 * The process row and its active phase's activities, locked: `share` for writes that depend on the phase (a
 * phase change waits for them), `update` for the phase change itself.
 */
export async function lockProcess(db: DbOrTx, id: string, mode: 'share' | 'update') {
  const [row] = await db
    .select({ id: processes.id, status: processes.status, activePhaseId: processes.activePhaseId })
    .from(processes)
    .where(eq(processes.id, id))
    .for(mode);
  if (!row) return null;
  const [phase] = row.activePhaseId ? await db.select().from(processPhases).where(eq(processPhases.id, row.activePhaseId)) : [];
  return { ...row, activePhase: phase ? { id: phase.id, position: phase.position, activities: phase.activities as Activity[] } : null };
}

export async function findPhaseOfProcess(db: DbOrTx, processId: string, phaseId: string) {
  const [row] = await db.select({ id: processPhases.id }).from(processPhases).where(and(eq(processPhases.processId, processId), eq(processPhases.id, phaseId)));
  return row ?? null;
}

export async function setActivePhase(db: DbOrTx, c: { processId: string; fromPhaseId: string; toPhaseId: string; by: string | null; at: Date; note: string }) {
  await db.update(processes).set({ activePhaseId: c.toPhaseId }).where(eq(processes.id, c.processId));
  await db.insert(phaseChanges).values({ processId: c.processId, fromPhaseId: c.fromPhaseId, toPhaseId: c.toPhaseId, byUser: c.by, at: c.at, note: c.note });
}

/** Phase changes of a process, oldest first, with the name of who made each. */
export async function findPhaseChanges(db: DbOrTx, processId: string): Promise<PhaseChange[]> {
  return db
    .select({ id: phaseChanges.id, fromPhaseId: phaseChanges.fromPhaseId, toPhaseId: phaseChanges.toPhaseId, byName: users.displayName, at: phaseChanges.at, note: phaseChanges.note })
    .from(phaseChanges)
    .leftJoin(users, eq(users.id, phaseChanges.byUser))
    .where(eq(phaseChanges.processId, processId))
    .orderBy(asc(phaseChanges.at), asc(phaseChanges.id));
}

export async function hasDemoProcess(db: DbOrTx): Promise<boolean> {
  const [row] = await db.select({ id: processes.id }).from(processes).where(eq(processes.isDemo, true)).limit(1);
  return Boolean(row);
}

/** Whether a process with this id exists (for other features' links to it). */
export async function processExists(db: DbOrTx, id: string): Promise<boolean> {
  const [row] = await db.select({ id: processes.id }).from(processes).where(eq(processes.id, id));
  return Boolean(row);
}

/** Writes the process's text in one language, replacing the one it had. Call inside a transaction. */
export async function upsertProcessText(db: DbOrTx, processId: string, lang: string, t: ProcessText) {
  await db.insert(processTexts).values({ processId, lang, ...t }).onConflictDoUpdate({ target: [processTexts.processId, processTexts.lang], set: t });
}

/** Writes a phase's text in one language, or removes it when `t` is null. */
export async function setPhaseText(db: DbOrTx, phaseId: string, lang: string, t: ProcessText | null) {
  if (t) await db.insert(processPhaseTexts).values({ phaseId, lang, ...t }).onConflictDoUpdate({ target: [processPhaseTexts.phaseId, processPhaseTexts.lang], set: t });
  else await db.delete(processPhaseTexts).where(and(eq(processPhaseTexts.phaseId, phaseId), eq(processPhaseTexts.lang, lang)));
}

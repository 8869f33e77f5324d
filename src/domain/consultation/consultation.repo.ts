import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.js';
import { consultationParticipants, consultations, consultationTexts, organisations, users } from '../../db/schema/index.js';
import type { Consultation, ConsultationStatus, Participant, ParticipantSector } from './consultation.js';

export async function insertConsultation(
  db: DbOrTx,
  c: { process: string; processId?: string | null; originalLanguage: string; title: string; description: string; createdBy: string | null; at: Date; isDemo?: boolean },
) {
  const [row] = await db
    .insert(consultations)
    .values({ process: c.process, processId: c.processId ?? null, status: 'open', originalLanguage: c.originalLanguage, createdBy: c.createdBy, createdAt: c.at, isDemo: c.isDemo ?? false })
    .returning({ id: consultations.id });
  await db.insert(consultationTexts).values({ consultationId: row!.id, lang: c.originalLanguage, title: c.title, description: c.description });
  return row!.id;
}

/** `lock` takes a share lock, so a vote and the closing of its consultation never interleave. */
export async function findConsultation(db: DbOrTx, id: string, opts: { lock?: boolean } = {}): Promise<Consultation | null> {
  const query = db.select().from(consultations).where(eq(consultations.id, id));
  const [row] = opts.lock ? await query.for('share') : await query;
  if (!row) return null;
  const texts = await db.select().from(consultationTexts).where(eq(consultationTexts.consultationId, id));
  return {
    id: row.id, process: row.process, processId: row.processId, status: row.status as ConsultationStatus, originalLanguage: row.originalLanguage,
    texts: Object.fromEntries(texts.map((t) => [t.lang, { title: t.title, description: t.description }])),
    createdBy: row.createdBy, createdAt: row.createdAt, closedAt: row.closedAt,
  };
}

/** Links the consultation to a process, or unlinks it (null). */
export async function setConsultationProcess(db: DbOrTx, id: string, processId: string | null) {
  await db.update(consultations).set({ processId }).where(eq(consultations.id, id));
}

/** Closes an open consultation; false when it was already closed. */
export async function closeConsultation(db: DbOrTx, id: string, at: Date): Promise<boolean> {
  const rows = await db
    .update(consultations)
    .set({ status: 'closed', closedAt: at })
    .where(and(eq(consultations.id, id), eq(consultations.status, 'open')))
    .returning({ id: consultations.id });
  return rows.length === 1;
}

const toParticipant = (r: typeof consultationParticipants.$inferSelect): Participant => ({
  id: r.id, consultationId: r.consultationId, userId: r.userId, organisationId: r.organisationId, hubId: r.hubId,
  sector: r.sector as ParticipantSector | null, externalId: r.externalId,
});

export async function findParticipantOfUser(db: DbOrTx, consultationId: string, userId: string) {
  const [row] = await db
    .select()
    .from(consultationParticipants)
    .where(and(eq(consultationParticipants.consultationId, consultationId), eq(consultationParticipants.userId, userId)));
  return row ? toParticipant(row) : null;
}

/** Inserts unless the user already takes part (a concurrent join wins); returns the row either way. */
export async function insertParticipant(
  db: DbOrTx,
  p: { consultationId: string; userId: string; organisationId: string | null; hubId: string | null; sector: ParticipantSector; at: Date },
): Promise<Participant> {
  await db.insert(consultationParticipants).values({ ...p, createdAt: p.at }).onConflictDoNothing();
  return (await findParticipantOfUser(db, p.consultationId, p.userId))!;
}

export async function findOrganisation(db: DbOrTx, id: string) {
  const [row] = await db.select().from(organisations).where(eq(organisations.id, id));
  return row ?? null;
}

export async function insertOrganisation(db: DbOrTx, o: { name: string; sector: string; country: string | null; at: Date }) {
  const [row] = await db.insert(organisations).values({ name: o.name, sector: o.sector, country: o.country, createdAt: o.at }).returning();
  return row!;
}

export async function findUserRole(db: DbOrTx, userId: string) {
  const [row] = await db.select({ role: users.role, organisationId: users.organisationId }).from(users).where(eq(users.id, userId));
  return row ?? null;
}

export async function setUserOrganisation(db: DbOrTx, userId: string, organisationId: string) {
  await db.update(users).set({ organisationId }).where(eq(users.id, userId));
}

/** More language versions of a consultation's title and description. */
export async function insertConsultationTexts(db: DbOrTx, consultationId: string, texts: { lang: string; title: string; description: string }[]) {
  if (texts.length) await db.insert(consultationTexts).values(texts.map((t) => ({ consultationId, ...t }))).onConflictDoNothing();
}

export type ImportedParticipant = { externalId: string; sector: ParticipantSector | null; organisationId: string | null; hubId: string | null };

/** Participants known by an outside id (an import, the demo), with no account; returns external id → participant id. */
export async function insertImportedParticipants(db: DbOrTx, consultationId: string, people: ImportedParticipant[], at: Date) {
  const ids = new Map<string, string>();
  for (let i = 0; i < people.length; i += 1000) {
    const rows = await db
      .insert(consultationParticipants)
      .values(people.slice(i, i + 1000).map((p) => ({ consultationId, ...p, createdAt: at })))
      .returning({ id: consultationParticipants.id, externalId: consultationParticipants.externalId });
    for (const r of rows) ids.set(r.externalId!, r.id);
  }
  return ids;
}

export async function hasDemoConsultation(db: DbOrTx): Promise<boolean> {
  const [row] = await db.select({ id: consultations.id }).from(consultations).where(eq(consultations.isDemo, true)).limit(1);
  return Boolean(row);
}

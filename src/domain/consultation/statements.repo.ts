import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.js';
import { statements, statementTexts } from '../../db/schema/index.js';
import type { ModerationStatus, StatementText } from './consultation.js';

export type StatementRow = {
  id: string;
  consultationId: string;
  status: ModerationStatus;
  originalLanguage: string;
  authorUserId: string | null;
  createdAt: Date;
  texts: StatementText[];
};

export async function insertStatement(
  db: DbOrTx,
  s: { consultationId: string; authorId: string | null; createdBy: string; status: ModerationStatus; lang: string; text: string; at: Date },
) {
  const [row] = await db
    .insert(statements)
    .values({ consultationId: s.consultationId, authorId: s.authorId, createdBy: s.createdBy, status: s.status, originalLanguage: s.lang, createdAt: s.at })
    .returning({ id: statements.id });
  await db.insert(statementTexts).values({ statementId: row!.id, lang: s.lang, text: s.text, isOriginal: true, createdBy: s.createdBy, createdAt: s.at });
  return row!.id;
}

/** Adds a language version; false when the statement already has one in that language. */
export async function insertText(db: DbOrTx, t: { statementId: string; lang: string; text: string; createdBy: string; at: Date }) {
  const rows = await db
    .insert(statementTexts)
    .values({ ...t, isOriginal: false, createdAt: t.at })
    .onConflictDoNothing()
    .returning({ lang: statementTexts.lang });
  return rows.length === 1;
}

export async function setStatus(db: DbOrTx, id: string, status: ModerationStatus, userId: string, at: Date) {
  await db.update(statements).set({ status, moderatedBy: userId, moderatedAt: at }).where(eq(statements.id, id));
}

const columns = {
  id: statements.id, consultationId: statements.consultationId, status: statements.status, originalLanguage: statements.originalLanguage,
  createdAt: statements.createdAt, authorUserId: statements.createdBy,
};

async function withTexts(db: DbOrTx, rows: Omit<StatementRow, 'texts'>[]): Promise<StatementRow[]> {
  if (rows.length === 0) return [];
  const texts = await db
    .select({ statementId: statementTexts.statementId, lang: statementTexts.lang, text: statementTexts.text, isOriginal: statementTexts.isOriginal })
    .from(statementTexts)
    .where(inArray(statementTexts.statementId, rows.map((r) => r.id)))
    .orderBy(asc(statementTexts.lang));
  const by = new Map<string, StatementText[]>();
  for (const { statementId, ...t } of texts) by.set(statementId, [...(by.get(statementId) ?? []), t]);
  return rows.map((r) => ({ ...r, texts: by.get(r.id) ?? [] }));
}

export async function findStatement(db: DbOrTx, id: string): Promise<StatementRow | null> {
  const rows = await db
    .select(columns)
    .from(statements)
    .where(eq(statements.id, id));
  return (await withTexts(db, rows as Omit<StatementRow, 'texts'>[]))[0] ?? null;
}

/** Statements of a consultation in the given statuses, oldest first. */
export async function listStatements(db: DbOrTx, consultationId: string, statuses: ModerationStatus[]): Promise<StatementRow[]> {
  const rows = await db
    .select(columns)
    .from(statements)
    .where(and(eq(statements.consultationId, consultationId), inArray(statements.status, statuses)))
    .orderBy(asc(statements.createdAt), asc(statements.id));
  return withTexts(db, rows as Omit<StatementRow, 'texts'>[]);
}

export type ImportedStatement = { externalId: string; authorId: string | null; status: ModerationStatus; originalLanguage: string; texts: Record<string, string>; at: Date };

/** Statements of an import with their language versions; returns external id → statement id. */
export async function insertImportedStatements(db: DbOrTx, consultationId: string, rows: ImportedStatement[]) {
  const ids = new Map<string, string>();
  for (const s of rows) {
    const [row] = await db
      .insert(statements)
      .values({ consultationId, authorId: s.authorId, status: s.status, originalLanguage: s.originalLanguage, externalId: s.externalId, createdAt: s.at })
      .returning({ id: statements.id });
    await db.insert(statementTexts).values(Object.entries(s.texts).map(([lang, text]) => ({ statementId: row!.id, lang, text, isOriginal: lang === s.originalLanguage, createdAt: s.at })));
    ids.set(s.externalId, row!.id);
  }
  return ids;
}

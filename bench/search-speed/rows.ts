import { hubs, hubTexts, practiceHubs, practices, practiceTexts, practiceVersions } from '../../src/db/schema/index.js';
import type { HubRecord, PracticeRecord } from '../../src/domain/opendata/format.js';

/**
 * The rows `importHub` and `importPractice` write for one record, built without their per-record round
 * trips. These mirror hubs.repo.ts (profileColumns) and practices.repo.ts (factColumns, insertPractice,
 * upsertText, insertVersion); verify.ts checks on every run that both paths leave identical tables.
 */
export type HubRows = { hub: typeof hubs.$inferInsert; texts: (typeof hubTexts.$inferInsert)[] };
export type PracticeRows = {
  practice: typeof practices.$inferInsert;
  texts: (typeof practiceTexts.$inferInsert)[];
  links: (typeof practiceHubs.$inferInsert)[];
  version: typeof practiceVersions.$inferInsert;
};

// Imported records carry no contacts (personal data), and empty optional texts are stored as null.
export function hubRowsOf(r: HubRecord, at: Date): HubRows {
  const { id, originalLanguage, texts, isDemo, ...profile } = r;
  return {
    hub: {
      id, ...profile, originalLanguage, isDemo, createdBy: null, createdAt: at, updatedAt: at,
      adminArea: profile.adminArea || null, radioName: profile.radioName || null, radioFrequency: profile.radioFrequency || null,
      contactName: null, contactEmail: null, contactPhone: null,
    },
    texts: Object.entries(texts).map(([lang, t]) => ({ hubId: id, lang, ...t, updatedBy: null, updatedAt: at })),
  };
}

export function practiceRowsOf(r: PracticeRecord, at: Date): PracticeRows {
  const { id, status, originalLanguage, texts, isDemo, publishedAt, hubIds, costs, ...facts } = r;
  const published = publishedAt ? new Date(publishedAt) : status === 'published' ? at : null;
  return {
    practice: {
      id, ...facts, status, originalLanguage, isDemo, createdBy: null, createdAt: at, updatedAt: at, publishedAt: published,
      costSetup: costs.setup === null ? null : String(costs.setup),
      costRunning: costs.running === null ? null : String(costs.running),
      costCurrency: costs.currency,
      costBand: costs.band,
    },
    texts: Object.entries(texts).map(([lang, t]) => ({ practiceId: id, lang, ...t, updatedBy: null, updatedAt: at })),
    links: hubIds.map((hubId) => ({ practiceId: id, hubId })),
    version: { practiceId: id, version: 1, userId: null, changes: [{ field: 'imported', before: null, after: originalLanguage }], createdAt: at },
  };
}

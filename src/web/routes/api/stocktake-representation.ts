import { z } from 'zod';
import { STOCKTAKE_SOURCES, STOCKTAKE_STATUSES, type StocktakeActivity } from '../../../domain/stocktake/stocktake.js';
import type { Stocktake } from '../../../domain/stocktake/stocktake.service.js';
import { SECTORS, TARGET_GROUPS, THEMES } from '../../../domain/taxonomy/index.js';

/*
 * How the API shows a process's stocktake: the activities the filters keep, and over all activities the
 * summaries per sector and the gap list. As in representation.ts, these schemas feed the OpenAPI document
 * and the tests check real answers against them. Who recorded an activity is not published; its organisation is.
 */

const day = z.iso.date();
const money = z.object({ amount: z.number().min(0), currency: z.string().length(3) });

export const stocktakeActivityJsonSchema = z.object({
  id: z.uuid(),
  organisation: z.object({ id: z.uuid(), name: z.string(), sector: z.enum(SECTORS) }),
  source: z.enum(STOCKTAKE_SOURCES),
  iatiIdentifier: z.string().nullable(),
  countries: z.array(z.string().length(2)),
  adminAreas: z.array(z.string()).describe('Area keys: ISO country, a colon, the folded name (NE:tillaberi), as hubs’ areas compare.'),
  regions: z.array(z.string()).describe('IATI regions: DAC codes bare, UN M49 codes as "M49:202".'),
  hubIds: z.array(z.uuid()),
  targetGroups: z.array(z.enum(TARGET_GROUPS)),
  themes: z.array(z.enum(THEMES)),
  sdgs: z.array(z.int().min(1).max(17)),
  wsis: z.array(z.string()),
  budget: money.nullable(),
  startsOn: day.nullable(),
  endsOn: day.nullable(),
  partners: z.array(z.string()),
  status: z.enum(STOCKTAKE_STATUSES),
  originalLanguage: z.string(),
  texts: z.record(z.string(), z.object({ title: z.string(), description: z.string(), communities: z.string() })),
  updatedAt: z.iso.datetime(),
});

/** The query of GET /processes/{id}/stocktake. */
export const stocktakeFilterSchema = z.object({ sector: z.enum(SECTORS).optional(), theme: z.enum(THEMES).optional(), country: z.string().length(2).optional().describe('ISO 3166-1 alpha-2.') });

export const stocktakeJsonSchema = z.object({
  filters: stocktakeFilterSchema.describe('The filters applied; unknown values are ignored.'),
  total: z.int().min(0).describe('All activities of the process, before filters.'),
  activities: z.array(stocktakeActivityJsonSchema).describe('Most recently changed first.'),
  summaries: z.array(z.object({
    sector: z.enum(SECTORS), activities: z.int(), organisations: z.int(), budgets: z.array(money).describe('One total per currency; never converted.'),
    themes: z.array(z.enum(THEMES)), countries: z.array(z.string()),
  })),
  gaps: z.array(z.object({
    country: z.string(), area: z.string().nullable(), areaKey: z.string().nullable(), theme: z.enum(THEMES),
    hubs: z.array(z.object({ id: z.uuid(), name: z.string() })),
  })).describe('Hub priorities (theme × area) that no activity covers; cancelled activities cover nothing.'),
});

function activityJson(a: StocktakeActivity): z.input<typeof stocktakeActivityJsonSchema> {
  const { processId: _p, createdAt: _c, updatedAt, ...rest } = a;
  return { ...rest, updatedAt: updatedAt.toISOString() };
}

export function stocktakeJson(s: Stocktake): z.input<typeof stocktakeJsonSchema> {
  return { filters: s.filters, total: s.total, activities: s.activities.map(activityJson), summaries: s.summaries, gaps: s.gaps };
}

import { adminAreaKey } from '../subscribers/places.js';
import { SECTORS, THEMES, type Sector, type Theme } from '../taxonomy/index.js';
import type { StocktakeActivity, StocktakeFilters } from './stocktake.js';

/**
 * What a stocktake adds up to, computed on read from the activities (pure): per sector, and the gap list —
 * the hubs' priority themes in their areas that no reported activity covers.
 */
export type SectorSummary = {
  sector: Sector;
  activities: number;
  organisations: number;
  /** Amounts are never converted: one total per currency, largest first. */
  budgets: { currency: string; amount: number }[];
  themes: Theme[];
  countries: string[];
};

/** A hub as the gap list needs it: where it is and what it puts first. */
export type HubPriorities = { id: string; name: string; country: string; adminArea: string | null; themes: string[] };

/** One uncovered priority: a theme in an area (a whole country when the hubs there name no area), and the hubs that asked for it. */
export type Gap = { country: string; area: string | null; areaKey: string | null; theme: Theme; hubs: { id: string; name: string }[] };

export function summariseBySector(activities: StocktakeActivity[]): SectorSummary[] {
  return SECTORS.map((sector) => {
    const own = activities.filter((a) => a.organisation.sector === sector);
    const budgets = new Map<string, number>();
    for (const a of own) if (a.budget) budgets.set(a.budget.currency, (budgets.get(a.budget.currency) ?? 0) + a.budget.amount);
    const themes = new Set(own.flatMap((a) => a.themes));
    return {
      sector,
      activities: own.length,
      organisations: new Set(own.map((a) => a.organisation.id)).size,
      budgets: [...budgets].map(([currency, amount]) => ({ currency, amount: Math.round(amount * 100) / 100 })).sort((x, y) => y.amount - x.amount || x.currency.localeCompare(y.currency)),
      themes: THEMES.filter((t) => themes.has(t)),
      countries: [...new Set(own.flatMap((a) => a.countries))].sort(),
    };
  });
}

/**
 * Whether an activity covers a hub's priority theme: it has the theme and reaches the hub — by naming it,
 * or by naming the hub's country with either no area of that country (the whole country) or the hub's area.
 * Cancelled activities cover nothing.
 */
export function covers(a: StocktakeActivity, hub: HubPriorities, theme: string): boolean {
  if (a.status === 'cancelled' || !(a.themes as string[]).includes(theme)) return false;
  if (a.hubIds.includes(hub.id)) return true;
  if (!a.countries.includes(hub.country)) return false;
  const areasHere = a.adminAreas.filter((k) => k.startsWith(`${hub.country}:`));
  if (areasHere.length === 0) return true;
  const key = hub.adminArea ? adminAreaKey(hub.country, hub.adminArea) : null;
  return key !== null && areasHere.includes(key);
}

/** Every hub priority no activity covers, grouped by area and theme, sorted by country, area and theme order. */
export function listGaps(hubs: HubPriorities[], activities: StocktakeActivity[]): Gap[] {
  const gaps = new Map<string, Gap>();
  for (const hub of hubs) {
    const areaKey = hub.adminArea ? adminAreaKey(hub.country, hub.adminArea) : null;
    for (const theme of THEMES.filter((t) => hub.themes.includes(t))) {
      if (activities.some((a) => covers(a, hub, theme))) continue;
      const id = `${areaKey ?? hub.country}\u0000${theme}`;
      const gap = gaps.get(id) ?? { country: hub.country, area: hub.adminArea, areaKey, theme, hubs: [] };
      gap.hubs.push({ id: hub.id, name: hub.name });
      gaps.set(id, gap);
    }
  }
  return [...gaps.values()].sort(
    (x, y) => x.country.localeCompare(y.country) || (x.areaKey ?? '').localeCompare(y.areaKey ?? '') || THEMES.indexOf(x.theme) - THEMES.indexOf(y.theme),
  );
}

/** The activities a filter keeps; a filter left out keeps everything. */
export function filterActivities(activities: StocktakeActivity[], f: StocktakeFilters): StocktakeActivity[] {
  return activities.filter(
    (a) => (!f.sector || a.organisation.sector === f.sector) && (!f.theme || a.themes.includes(f.theme)) && (!f.country || a.countries.includes(f.country)),
  );
}

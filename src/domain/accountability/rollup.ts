import { DomainError } from '../errors.js';
import { isIsoDate } from './iso-date.js';

/**
 * Progress of commitments and its roll-up to action-plan items and to the plan. Pure. Progress is a ratio
 * from 0 to 1 (the page formats it as a percentage), or null where there is nothing to measure.
 */

export type CommitmentLink = { itemId: string; weight: number };

export type CommitmentProgressInput = {
  id: string;
  baseline: number;
  target: number;
  /** The latest reported value; null before the first progress update. */
  latest: number | null;
  /** ISO date (YYYY-MM-DD): the last day on which the target is still on time. */
  deadline: string;
  links: CommitmentLink[];
};

export type ItemProgress = {
  itemId: string;
  /** Σ weight × progress / Σ weight over the item's commitments; null when no commitment counts for it. */
  progress: number | null;
  /** Distinct commitments linked, weight 0 included (two links of one commitment add their weights). */
  commitments: number;
  totalWeight: number;
};

const invalid = (field: string, key: string) => new DomainError('invalid', 'error.invalid', { [field]: key });

function checkFinite(field: string, n: number) {
  if (!Number.isFinite(n)) throw invalid(field, 'validation.number');
}

function checkWeight(field: string, w: number) {
  checkFinite(field, w);
  if (w < 0) throw invalid(field, 'validation.negative_weight');
}

/**
 * How far the indicator has gone from baseline to target: (latest − baseline) / (target − baseline),
 * clamped to [0, 1]. The same formula serves targets below the baseline ("reduce from 40 % to 10 %":
 * 25 is half-way); a value past the target counts as met, a value that went the wrong way as 0.
 * No update yet is 0: nothing has been shown. When target equals baseline (keep a level) the
 * commitment is met only while the latest value equals the target.
 * Errors: invalid (validation.number) for a value that is not finite.
 */
export function commitmentProgress(c: Pick<CommitmentProgressInput, 'baseline' | 'target' | 'latest'>): number {
  checkFinite('baseline', c.baseline);
  checkFinite('target', c.target);
  if (c.latest === null) return 0;
  checkFinite('latest', c.latest);
  if (c.target === c.baseline) return c.latest === c.target ? 1 : 0;
  const ratio = (c.latest - c.baseline) / (c.target - c.baseline);
  return Math.min(1, Math.max(0, ratio));
}

/**
 * True when the deadline has passed (today is after it) and the target is not met. Dates are ISO
 * calendar dates compared as such, in the time zone the caller took `today` in.
 * Errors: invalid (validation.iso_date) for a date that is not YYYY-MM-DD.
 */
export function isOverdue(c: Pick<CommitmentProgressInput, 'baseline' | 'target' | 'latest' | 'deadline'>, today: string): boolean {
  if (!isIsoDate(c.deadline)) throw invalid('deadline', 'validation.iso_date');
  if (!isIsoDate(today)) throw invalid('today', 'validation.iso_date');
  return today > c.deadline && commitmentProgress(c) < 1;
}

/**
 * Each item's progress from the commitments linked to it, in the order of `itemIds`. A commitment may
 * serve several items, with a weight per link; links to items not listed are ignored (the caller lists
 * the plan's items). An item whose commitments all weigh 0, or that has none, has no progress (null),
 * which a page shows as "no commitment yet" rather than as 0 %.
 * Errors: invalid for a negative or non-finite weight (validation.negative_weight, validation.number)
 * or a non-finite indicator value.
 */
export function rollUpItems(itemIds: readonly string[], commitments: readonly CommitmentProgressInput[]): ItemProgress[] {
  const sums = new Map(itemIds.map((id) => [id, { weighted: 0, weight: 0, commitments: new Set<string>() }]));
  for (const c of commitments) {
    const progress = commitmentProgress(c);
    for (const link of c.links) {
      checkWeight(`${c.id}.links.${link.itemId}.weight`, link.weight);
      const sum = sums.get(link.itemId);
      if (!sum) continue;
      sum.weighted += link.weight * progress;
      sum.weight += link.weight;
      sum.commitments.add(c.id);
    }
  }
  return itemIds.map((itemId) => {
    const sum = sums.get(itemId)!;
    return { itemId, progress: sum.weight > 0 ? sum.weighted / sum.weight : null, commitments: sum.commitments.size, totalWeight: sum.weight };
  });
}

export type PlanProgress = {
  /** Weighted mean over the items that have progress; null when none has (or all of those weigh 0). */
  progress: number | null;
  /** Items counted, and items left out because nothing measures them (shown on the page as a gap). */
  counted: number;
  unmeasured: number;
};

/**
 * The plan's progress over its items: each item counts equally unless `weights` (by item id; a missing
 * id weighs 1) says otherwise. Items without progress are left out of the mean and counted apart, so a
 * plan is not shown further along than its measured items, nor pulled down by items nobody measures.
 * Errors: invalid for a negative or non-finite weight.
 */
export function planProgress(items: readonly Pick<ItemProgress, 'itemId' | 'progress'>[], weights?: ReadonlyMap<string, number>): PlanProgress {
  let weighted = 0;
  let total = 0;
  let counted = 0;
  for (const item of items) {
    const w = weights?.get(item.itemId) ?? 1;
    checkWeight(`${item.itemId}.weight`, w);
    if (item.progress === null) continue;
    counted++;
    weighted += w * item.progress;
    total += w;
  }
  return { progress: total > 0 ? weighted / total : null, counted, unmeasured: items.length - counted };
}

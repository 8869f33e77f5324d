import type { IatiActivity, IatiBudget } from './iati.js';
import { sumAmounts } from './iati-values.js';

/** What the mapper needs to know about one activity's money, and what it leaves out. */
export type BudgetChoice = {
  budget: { amount: number; currency: string } | null;
  source: 'budgets' | 'commitments' | 'none';
  /** How many budget lines were summed, and originals dropped because a revision covers their period. */
  counted: number;
  replaced: number;
  /** Sums in currencies we did not keep. */
  leftOut: { currency: string; amount: number; count: number }[];
};

/** IATI: a revised budget (type 2) replaces the original (type 1) for the same period. */
function currentBudgets(budgets: IatiBudget[]): { kept: IatiBudget[]; replaced: number } {
  const revised = new Set(budgets.filter((b) => b.type === '2').map((b) => `${b.periodStart}/${b.periodEnd}`));
  const kept = budgets.filter((b) => b.type === '2' || !revised.has(`${b.periodStart}/${b.periodEnd}`));
  return { kept, replaced: budgets.length - kept.length };
}

/**
 * One amount in one currency for the activity. Budget lines in the activity's default currency are summed;
 * when lines use other currencies, we keep the currency of the default or, without one, of the most lines
 * (first in the file on a tie) — amounts in different currencies cannot be compared without rates, so
 * "largest" means the currency that covers most of the budget lines. With no budget, the commitments
 * (transaction type 2) stand in. The rest is reported as left out.
 */
export function chooseBudget(a: IatiActivity): BudgetChoice {
  const { kept, replaced } = currentBudgets(a.budgets);
  const byCurrency = new Map<string, number[]>();
  for (const b of kept) byCurrency.set(b.currency, [...(byCurrency.get(b.currency) ?? []), b.value]);
  if (byCurrency.size === 0) {
    const commitments = a.transactionTotals.filter((t) => t.type === '2');
    const commitment = commitments.find((t) => t.currency === a.defaultCurrency) ?? commitments[0];
    return commitment
      ? { budget: { amount: sumAmounts([commitment.value]), currency: commitment.currency }, source: 'commitments', counted: 0, replaced, leftOut: [] }
      : { budget: null, source: 'none', counted: 0, replaced, leftOut: [] };
  }
  let chosen = [...byCurrency.keys()][0]!;
  for (const [cur, values] of byCurrency) if (values.length > byCurrency.get(chosen)!.length) chosen = cur;
  if (a.defaultCurrency && byCurrency.has(a.defaultCurrency)) chosen = a.defaultCurrency;
  const leftOut = [...byCurrency]
    .filter(([cur]) => cur !== chosen)
    .map(([cur, values]) => ({ currency: cur, amount: sumAmounts(values), count: values.length }));
  const values = byCurrency.get(chosen)!;
  return { budget: { amount: sumAmounts(values), currency: chosen }, source: 'budgets', counted: values.length, replaced, leftOut };
}

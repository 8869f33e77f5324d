const pairs = (n: number) => (n * (n - 1)) / 2;

/** Labels renumbered 0..k-1 in order of first appearance. */
function dense(labels: ArrayLike<number>): { ids: Int32Array; k: number } {
  const seen = new Map<number, number>();
  const ids = new Int32Array(labels.length);
  for (let i = 0; i < labels.length; i++) {
    let id = seen.get(labels[i]!);
    if (id === undefined) seen.set(labels[i]!, (id = seen.size));
    ids[i] = id;
  }
  return { ids, k: seen.size };
}

/**
 * Adjusted Rand index of two labellings of the same items: 1 for the same partition (whatever the
 * label numbers), about 0 for agreement no better than chance, negative below it. When both
 * partitions are trivial (one block, or all singletons) and equal, 1.
 */
export function adjustedRandIndex(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error('adjustedRandIndex: labellings of different lengths');
  const n = a.length;
  if (n < 2) return 1;
  const [da, db] = [dense(a), dense(b)];
  const cells = new Float64Array(da.k * db.k);
  const rows = new Float64Array(da.k);
  const cols = new Float64Array(db.k);
  for (let i = 0; i < n; i++) {
    cells[da.ids[i]! * db.k + db.ids[i]!]!++;
    rows[da.ids[i]!]!++;
    cols[db.ids[i]!]!++;
  }
  const sum = (counts: Float64Array) => counts.reduce((s, c) => s + pairs(c), 0);
  const [index, sa, sb] = [sum(cells), sum(rows), sum(cols)];
  const expected = (sa * sb) / pairs(n);
  const max = (sa + sb) / 2;
  if (max === expected) return index === max ? 1 : 0;
  return (index - expected) / (max - expected);
}

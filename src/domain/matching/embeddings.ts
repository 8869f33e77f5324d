/**
 * Pluggable semantic matching. No model ships with Passerelle; an operator may plug in a local
 * embedding model (see `adapters/http-embeddings.ts`). Ranking never depends on it: when no provider
 * is configured, or it fails, results keep their full-text order.
 */
export type EmbeddingProvider = {
  readonly name: string;
  /** One vector per text, in order. May throw; callers fall back to lexical ranking. */
  embed(texts: string[]): Promise<number[][]>;
};

export function cosine(a: number[], b: number[]): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    dot += a[i]! * b[i]!;
    na += a[i]! * a[i]!;
    nb += b[i]! * b[i]!;
  }
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}

/**
 * Reorders items by a blend of their lexical rank and their closeness in meaning to the query.
 * Ranks, not raw scores, are blended (meaning weighs 0.6: an operator plugs in a model because it
 * helps), so neither scale dominates. Returns the items unchanged (and
 * `isReranked: false`) when there is no provider or it fails.
 */
export async function rerankByMeaning<T>(
  provider: EmbeddingProvider | null | undefined,
  query: string,
  items: T[],
  textOf: (item: T) => string,
  weight = 0.6,
): Promise<{ items: T[]; isReranked: boolean }> {
  if (!provider || !query || items.length < 2) return { items, isReranked: false };
  let vectors: number[][];
  try {
    vectors = await provider.embed([query, ...items.map(textOf)]);
  } catch {
    return { items, isReranked: false };
  }
  const [q, ...docs] = vectors;
  if (!q || docs.length !== items.length) return { items, isReranked: false };
  const byMeaning = docs.map((d, i) => ({ i, sim: cosine(q, d) })).sort((a, b) => b.sim - a.sim);
  const meaningRank = new Map(byMeaning.map((x, rank) => [x.i, rank]));
  const blended = items.map((item, i) => ({ item, key: (1 - weight) * i + weight * meaningRank.get(i)! + i * 1e-6 }));
  return { items: blended.sort((a, b) => a.key - b.key).map((x) => x.item), isReranked: true };
}

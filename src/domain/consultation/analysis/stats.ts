/** One-sided z for 90% confidence, Polis's significance level for representative and consensus statements. */
export const Z_90 = 1.2816;

export const isSignificant90 = (z: number) => z > Z_90;

/** Polis's pseudo-counted share: (1 + successes) / (2 + trials), a uniform prior. */
export const pseudoShare = (successes: number, trials: number) => (1 + successes) / (2 + trials);

/** Polis's proportion test against 1/2, with one pseudo-count added to successes and trials. */
export function proportionTest(successes: number, trials: number): number {
  const s = successes + 1;
  const n = trials + 1;
  return 2 * Math.sqrt(n) * (s / n - 0.5);
}

/**
 * Polis's two-proportion test (z, "in" greater than "out"), with one pseudo-count on each of the four
 * numbers; 0 when the pooled share is 1, where the test says nothing.
 */
export function twoProportionTest(successIn: number, successOut: number, trialsIn: number, trialsOut: number): number {
  const [s1, s2, n1, n2] = [successIn + 1, successOut + 1, trialsIn + 1, trialsOut + 1];
  const pooled = (s1 + s2) / (n1 + n2);
  if (pooled === 1) return 0;
  return (s1 / n1 - s2 / n2) / Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
}

/** Plain pooled two-proportion z (no pseudo-counts), 0 when the pooled share is 0 or 1. */
export function plainTwoProportionZ(s1: number, n1: number, s2: number, n2: number): number {
  if (n1 === 0 || n2 === 0) return 0;
  const pooled = (s1 + s2) / (n1 + n2);
  if (pooled <= 0 || pooled >= 1) return 0;
  return (s1 / n1 - s2 / n2) / Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
}

/**
 * Lower bound of the Wilson score interval for a share, one-sided at the given z. Unlike a normal
 * interval it stays honest for small counts: 2 of 2 agreeing gives 0.55, 1 of 1 gives 0.38.
 */
export function wilsonLower(successes: number, trials: number, z = Z_90): number {
  if (trials === 0) return 0;
  const p = successes / trials;
  const z2 = z * z;
  const centre = p + z2 / (2 * trials);
  const spread = z * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials));
  return Math.max(0, (centre - spread) / (1 + z2 / trials));
}

/** Standard normal distribution function (Abramowitz–Stegun 7.1.26; error below 1.5e-7). */
export function normalCdf(z: number): number {
  const t = 1 / (1 + (0.3275911 * Math.abs(z)) / Math.SQRT2);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-(z * z) / 2);
  return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

/** Inverse of normalCdf by bisection: few calls, and exact enough for a threshold. */
export function normalQuantile(p: number): number {
  let [lo, hi] = [-10, 10];
  for (let i = 0; i < 80; i++) {
    const mid = (lo + hi) / 2;
    if (normalCdf(mid) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

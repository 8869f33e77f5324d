/** Small pure helpers for the server-drawn charts: round tick values, a linear scale, dates as days. */

/** Round ticks (steps of 1, 2 or 5 × 10ⁿ) covering [min, max] with about `count` intervals. */
export function niceTicks(min: number, max: number, count = 4): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [];
  if (min > max) [min, max] = [max, min];
  if (min === max) {
    // A flat series still needs a scale: widen it by a tenth of its size, or by one around 0.
    const pad = min === 0 ? 1 : Math.abs(min) / 10;
    [min, max] = [min - pad, max + pad];
  }
  const raw = (max - min) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 5, 10].find((m) => m * power >= raw) ?? 10) * power;
  const decimals = Math.max(0, -Math.floor(Math.log10(step)));
  const first = Math.floor(min / step);
  const last = Math.ceil(max / step);
  return Array.from({ length: last - first + 1 }, (_, i) => Number(((first + i) * step).toFixed(decimals)));
}

/** Maps [d0, d1] onto [r0, r1]; a zero-width domain maps to the middle of the range. */
export function linearScale(d0: number, d1: number, r0: number, r1: number): (v: number) => number {
  if (d0 === d1) return () => (r0 + r1) / 2;
  return (v) => r0 + ((v - d0) / (d1 - d0)) * (r1 - r0);
}

/** Days since 1970-01-01 of an ISO date (YYYY-MM-DD; a time part is ignored). */
export const dayOf = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;

/** The ISO date of a day number. */
export const isoOfDay = (day: number) => new Date(Math.round(day) * 86_400_000).toISOString().slice(0, 10);

/** Coordinates in the drawing are whole units: enough at this size, and they keep the markup short. */
export const px = (v: number) => Math.round(v);

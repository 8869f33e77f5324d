/** What a phase can switch on; later features check theirs with `canInPhase` before writing. */
export const ACTIVITIES = ['stocktaking', 'statements', 'voting', 'amendments', 'adoption', 'commitments', 'progress', 'review'] as const;
export type Activity = (typeof ACTIVITIES)[number];

export const isActivity = (s: string): s is Activity => (ACTIVITIES as readonly string[]).includes(s);

/** Whether a phase allows an activity: only what it lists, nothing by default. */
export function canInPhase(phase: { activities: readonly string[] }, activity: Activity): boolean {
  return phase.activities.includes(activity);
}

type Dated = { startsOn: string; endsOn: string | null };

/**
 * What is wrong with the dates of phases given in their order, as message keys by index: a phase that ends
 * before it starts, one that starts before the previous one ends (they may share a day), and an open-ended
 * phase (no end) that is not the last. Dates are ISO days (YYYY-MM-DD), which compare as strings.
 */
export function phaseDateProblems(phases: Dated[]): Map<number, { field: 'startsOn' | 'endsOn'; key: string }> {
  const problems = new Map<number, { field: 'startsOn' | 'endsOn'; key: string }>();
  phases.forEach((p, i) => {
    const before = phases[i - 1];
    if (p.endsOn !== null && p.endsOn < p.startsOn) problems.set(i, { field: 'endsOn', key: 'process.ends_before_start' });
    else if (before && before.endsOn === null) problems.set(i - 1, { field: 'endsOn', key: 'process.open_phase_not_last' });
    else if (before && p.startsOn < before.endsOn!) problems.set(i, { field: 'startsOn', key: 'process.starts_before_previous_ends' });
  });
  return problems;
}

/** The phase after the active one, if any: what "move on" proposes. */
export function nextPhase<P extends { id: string }>(phases: P[], activeId: string | null): P | null {
  const i = phases.findIndex((p) => p.id === activeId);
  return i >= 0 ? (phases[i + 1] ?? null) : null;
}

import type { SmscLogEntry } from '../../src/channels/sms/local-smsc.js';

/**
 * Follows the SMSC's accepted segments while a run goes on, to decide when to kill the node and when the
 * run is over. Counting for the report is done afterwards from the log file (verify.ts).
 */
export function createTracker() {
  const parts = new Map<string, Set<number>>();
  const reached = new Set<string>();
  // firstAfterMark: the first segment accepted after `mark()` (a restart), 0 until then.
  const state = { segments: 0, lastAt: 0, markedAt: 0, firstAfterMark: 0 };
  return {
    reached,
    state,
    onAccepted(e: SmscLogEntry) {
      const now = Date.now();
      state.segments++;
      state.lastAt = now;
      if (state.markedAt > 0 && state.firstAfterMark === 0) state.firstAfterMark = now;
      const number = e.to.replace(/^\+/, '');
      if (!e.udh) return void reached.add(number);
      const key = `${number}/${e.udh.ref}/${e.udh.total}`;
      const seen = parts.get(key) ?? new Set<number>();
      seen.add(e.udh.part);
      parts.set(key, seen);
      if (seen.size === e.udh.total) reached.add(number);
    },
    mark() {
      state.markedAt = Date.now();
      state.firstAfterMark = 0;
    },
  };
}

export type Tracker = ReturnType<typeof createTracker>;

import type { SmscLogEntry } from '../../src/channels/sms/local-smsc.js';
import type { Db } from '../../src/db/database.js';
import type { NodeLogLine } from './node.js';
import { outboxRowsOf } from './outcome.js';
import type { Verdict } from './verify.js';

const SAMPLE = 25;

/**
 * What a reader needs to find the cause of a duplicate or a loss, with times in ms since the node's
 * first spawn: each SMSC session (a connection of the node: one ends at every drop and at the kill), the
 * node's warnings, and for a sample of defective numbers their segments at the SMSC (with whether the
 * node recorded each id) beside their outbox row.
 */
export async function collectEvidence(
  db: Db, alertId: string, entries: SmscLogEntry[], v: Verdict,
  run: { t0: number; killedAtMs: number | null; lines: NodeLogLine[]; recorded: Set<string> },
) {
  const rel = (iso: string) => Date.parse(iso) - run.t0;
  const sessions = new Map<number, { session: number; from: number; to: number; segments: number }>();
  for (const e of entries) {
    const s = sessions.get(e.session) ?? { session: e.session, from: rel(e.time), to: rel(e.time), segments: 0 };
    s.to = rel(e.time);
    s.segments++;
    sessions.set(e.session, s);
  }
  const byNumber = new Map<string, SmscLogEntry[]>();
  for (const e of entries) {
    const n = e.to.replace(/^\+/, '');
    const list = byNumber.get(n) ?? [];
    list.push(e);
    byNumber.set(n, list);
  }
  const describe = async (numbers: string[]) => {
    const sample = numbers.slice(0, SAMPLE);
    const rows = await outboxRowsOf(db, alertId, sample);
    return sample.map((n) => ({
      number: n,
      outbox: rows.filter((r) => r.to_number === `+${n}`),
      smsc: (byNumber.get(n) ?? []).map((e) => ({
        at: rel(e.time), session: e.session, messageId: e.messageId, udh: e.udh, text: (e.text ?? '').slice(0, 24), isRecorded: run.recorded.has(e.messageId),
      })),
    }));
  };
  return {
    killedAtMs: run.killedAtMs,
    sessions: [...sessions.values()],
    nodeWarnings: run.lines.map((l) => ({ at: l.at - run.t0, level: l.level, msg: l.msg, ...l.fields })),
    counts: { duplicates: v.duplicates.length, losses: v.losses.length, incomplete: v.incomplete.length, wrongText: v.wrongText.length, strangers: v.strangers.length, straySegments: v.straySegments },
    duplicates: await describe(v.duplicates),
    losses: await describe(v.losses),
    wrongText: await describe(v.wrongText),
    strays: await describe(v.strayNumbers),
    strangers: v.strangers.slice(0, SAMPLE),
  };
}

import type { RunResult } from './run.js';

/**
 * What the defects these runs show were traced to (from the evidence a run keeps beside the SMSC log:
 * each defective number's segments with times and SMSC ids, next to its outbox row). Each finding is
 * shown only when a run shows its symptom, so a run after the fixes does not repeat stale causes.
 */

const n = (x: number) => Math.round(x).toLocaleString('en-US');
const list = (rs: RunResult[], cell: (r: RunResult) => string) => rs.map((r) => `${r.engine} ${r.mode} ${cell(r)}`).join(', ');

function wrongMatch(results: RunResult[]): string | null {
  const hit = results.filter((r) => r.verdict.duplicates + r.verdict.losses - r.verdict.incomplete > 0);
  if (hit.length === 0) return null;
  return [
    `**Receipts settle other subscribers' messages (losses and duplicates: ${list(hit, (r) => `${n(r.verdict.losses - r.verdict.incomplete)} lost, ${n(r.verdict.duplicates)} duplicated`)}).**`,
    '`applyReceipt` (src/outbox/outbox.repo.ts) matches a receipt whose SMSC id is not recorded to "an uncertain message to the same number" with',
    "``.where(and(eq(toNumber, r.phone), inArray(status, […]), sql`${lastError} is not null or ${status} = 'uncertain'`))``.",
    "Drizzle's `and()` does not put its arguments in parentheses, so PostgreSQL receives `to_number = $1 and status in (…) and last_error is not null or status = 'uncertain'`,",
    "that is `(…) or status = 'uncertain'`: every uncertain message of every number is a candidate, and `isEchoOf` picks the oldest whose text begins like the receipt's — another subscriber of the same language.",
    'Receipts with unrecorded ids are frequent (next finding), and every link drop leaves uncertain messages that the SMSC never accepted (what the node had sent after the dropping segment is neither read nor answered).',
    'Such a message is then marked sent and delivered by someone else\'s receipt and never sent again: every sampled loss looks so (outbox `delivered`, last_error `link_down` or `interrupted while sending`, attempts 1, an SMSC id that belongs to another number, nothing for that number in the SMSC log).',
    'After the SIGKILL the orphans\' own receipts are taken by older uncertain messages in the same way, so orphans the SMSC already had are sent again after the grace period: the duplicates (first copy accepted tens of ms before the kill and recorded against another subscriber\'s message, second copy one grace period after the restart).',
    'Side effects: each unrecorded receipt is compared with every uncertain message (with a count per candidate), so receipt batches slow down, the SMSC times out and sends receipts again, and memory grows (see the PostgreSQL fault run\'s receipt timeouts and peak RSS); the real message\'s own submission can then conflict on smsc_id ("SMSC segments the node never recorded").',
    "Fix: `or(isNotNull(outboxMessages.lastError), eq(outboxMessages.status, 'uncertain'))` (or parentheses inside the `sql`), with a test where an uncertain message to one number must not be claimed by a receipt for another.",
    'Checked in a scratch copy of the same tree with only this change, same fault runs at 100,000 subscribers: 0 duplicates on both engines, and the only losses were the half messages below (PGlite 3, PostgreSQL 1); on PostgreSQL 1,930 receipt timeouts instead of 30,755 and a peak RSS of 356 MB instead of 1,164 MB.',
  ].join(' ');
}

function earlyReceipts(results: RunResult[]): string | null {
  const hit = results.filter((r) => (r.outbox.byStatus.sent ?? 0) > 0);
  if (hit.length === 0) return null;
  return [
    `**A receipt that arrives before the dispatcher has recorded the message's SMSC ids is acknowledged and forgotten (${list(hit, (r) => `${n(r.outbox.byStatus.sent ?? 0)} of ${n(r.subscribers)} left \`sent\`, never \`delivered\``)}).**`,
    'The dispatcher writes results in batches (`flush` every 100 ms or 200 results inserts sms_submissions); the local SMSC sends a receipt 50 ms after accepting a segment and the receipt batcher waits up to 50 ms more, and under load the dispatcher\'s batch is often later still.',
    '`applyReceipts` → `applyReceipt` then finds neither the id nor a candidate (the message is still `sending` with no last_error), returns null, the batch commits and the channel answers the deliver_sm with OK: the receipt is gone.',
    'Two consequences: the progress page counts such messages as sent, not delivered; and if the node dies before the batch is written, the message is found `sending` at the restart, becomes uncertain, no receipt will ever come for it, and it is sent again after the grace period — a duplicate (seen once: 61 in a 5,000-subscriber fault run on an earlier tree, before receipts were batched, with the fix above applied; all accepted 650–690 ms before the kill, none recorded).',
    'Fix: when the id is unknown and a message to that number is still `sending`, make the receipt handler fail so the channel answers ESME_RX_T_APPN and the SMSC delivers it again later (or keep unmatched receipts in a table that `settle` and the restart reconciliation consult before anything is queued again); and record submissions when the answer arrives rather than in the next batch.',
  ].join(' ');
}

function halfMessages(results: RunResult[]): string | null {
  const hit = results.filter((r) => r.verdict.incomplete > 0);
  if (hit.length === 0) return null;
  return [
    `**A receipt for the first part settles a two-part message whose second part was never accepted (${list(hit, (r) => `${n(r.verdict.incomplete)} subscribers with half a message`)}).**`,
    'When the dropping segment (the 10,000th, 20,000th, …: their SMSC ids end in 2710, 4e20, …) is part 1 of a French message, part 2 is ignored by the SMSC and the message becomes uncertain; the receipt for part 1 matches it (`n < parts`) and `applyReceipt` sets it `sent`, then `delivered`, so part 2 is never sent.',
    'Fix: in that fallback set `sent` only once the recorded submissions reach `parts` (and `delivered` only then); otherwise leave it uncertain so that it is queued again after the grace period — the channel\'s in-memory progress then sends only the missing part with the same UDH reference. After a restart that memory is gone and the whole message would go again: store the part index and UDH reference with each submission to resume from the database.',
  ].join(' ');
}

function starvedEventLoop(results: RunResult[]): string | null {
  const pglite = results.find((r) => r.engine === 'PGlite' && (r.firstSegmentMs ?? 0) > 20_000);
  const pg = results.find((r) => r.engine === 'PostgreSQL' && r.firstSegmentMs !== null);
  if (!pglite) return null;
  return [
    `**On PGlite the alert fan-out holds the event loop until it has queued the whole audience (first SMS after ${n((pglite.firstSegmentMs ?? 0) / 1000)} s${pg ? `, against ${(pg.firstSegmentMs! / 1000).toFixed(1)} s on PostgreSQL` : ''}).**`,
    '`startAlertFanout` runs `fanOutStep` (1,000 subscribers each) back to back, and PGlite\'s queries resolve without returning to the event loop, so nothing else runs until the fan-out ends: no SMPP (the first bind times out: "dropping the SMPP connection", reason "no bind answer in time"), no receipts, no HTTP, no signals.',
    'Measured in-process with a 50 ms timer during a 20,000-subscriber fan-out: PGlite 19.4 s without a single tick; PostgreSQL, longest gap 1.8 s.',
    'Fix: `await setImmediate()` (node:timers/promises) between fan-out steps, and in any loop that chains PGlite queries.',
  ].join(' ');
}

export function findingsFor(results: RunResult[]): string[] {
  return [wrongMatch(results), earlyReceipts(results), halfMessages(results), starvedEventLoop(results)].filter((f): f is string => f !== null);
}

import type { SmscLogEntry } from '../../src/channels/sms/local-smsc.js';
import type { InFlight } from './outcome.js';
import { assemble } from './verify.js';

/**
 * What became of the messages whose fate the killed node left open, by their status at the kill:
 * `sending` (claimed, answer not recorded: marked uncertain at the restart) or `uncertain` (a link drop
 * lost their answer). Whether the SMSC had them comes from its log before the kill; whether the node
 * sent them again, from their attempts afterwards.
 */
export type InFlightFate = {
  status: string;
  count: number;
  /** Whole at the SMSC before the kill, or only some of their parts. */
  atSmsc: number;
  partial: number;
  /** Settled without a new attempt (a delivery receipt claimed them), or sent again. */
  settled: number;
  resent: number;
  /** Neither, at the end of the run. */
  open: number;
  /** At the SMSC and sent again: a duplicate. Not at the SMSC and settled: a loss. */
  resentAlthoughAtSmsc: number;
  settledAlthoughNotAtSmsc: number;
};

export function fatesOf(inFlight: InFlight[], after: Map<string, { status: string; attempts: number }>, entries: SmscLogEntry[], killedAt: number): InFlightFate[] {
  const before = assemble(entries.filter((e) => Date.parse(e.time) <= killedAt));
  return ['sending', 'uncertain'].map((status) => {
    const fate: InFlightFate = { status, count: 0, atSmsc: 0, partial: 0, settled: 0, resent: 0, open: 0, resentAlthoughAtSmsc: 0, settledAlthoughNotAtSmsc: 0 };
    for (const m of inFlight.filter((x) => x.status === status)) {
      fate.count++;
      const received = before.get(m.to_number.replace(/^\+/, ''));
      const isAtSmsc = (received?.messages.length ?? 0) > 0;
      if (isAtSmsc) fate.atSmsc++;
      else if ((received?.strays.length ?? 0) > 0) fate.partial++;
      const now = after.get(m.id);
      if (now && now.attempts > Number(m.attempts)) {
        fate.resent++;
        if (isAtSmsc) fate.resentAlthoughAtSmsc++;
      } else if (now && (now.status === 'sent' || now.status === 'delivered')) {
        fate.settled++;
        if (!isAtSmsc) fate.settledAlthoughNotAtSmsc++;
      } else {
        fate.open++;
      }
    }
    return fate;
  });
}

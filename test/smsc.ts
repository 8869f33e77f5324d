import { pino } from 'pino';
import type { DeliveryReport, InboundSms } from '../src/channels/sms/sms.js';
import { startLocalSmsc, type LocalSmsc, type LocalSmscOptions } from '../src/channels/sms/local-smsc.js';
import { createSmppChannel, type SmppChannel, type SmppChannelOptions } from '../src/channels/sms/smpp.channel.js';
import type { SmsLog } from '../src/channels/sms/smpp-link.js';

/** Accounts of the test SMSC: one node, one handset account. */
export const NODE = { systemId: 'passerelle', password: 'secret' };
export const PHONE = { systemId: 'phone', password: 'phone' };

/** A real local SMSC on a free loopback port, with short timers. */
export function startTestSmsc(options: Partial<LocalSmscOptions> = {}): Promise<LocalSmsc> {
  return startLocalSmsc({ port: 0, accounts: [NODE, PHONE], receiptDelayMs: 5, redeliverMs: 20, ...options });
}

/** A log that keeps its lines, to assert on what was logged. */
export function captureLog(): { log: SmsLog; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const log = pino({ level: 'debug' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
  return { log, lines };
}

/** An SMPP channel bound to the test SMSC as the node, with timers in tens of milliseconds. */
export function nodeChannel(smsc: LocalSmsc, options: Partial<SmppChannelOptions> = {}): SmppChannel {
  return createSmppChannel({
    host: '127.0.0.1',
    port: smsc.port,
    ...NODE,
    systemType: '',
    source: 'PASSERELLE',
    window: 10,
    tps: 10_000,
    log: captureLog().log,
    reconnect: { initialMs: 10, maxMs: 40 },
    submitTimeoutMs: 1_000,
    enquireLinkMs: 1_000,
    closeTimeoutMs: 1_000,
    reassemblyTimeoutMs: 300,
    ...options,
  });
}

/** Handlers that record what they get; `failNext` makes the next calls reject. */
export function recordingHandlers() {
  const inbound: InboundSms[] = [];
  const receipts: DeliveryReport[] = [];
  const state = { failures: 0, calls: 0 };
  return {
    inbound,
    receipts,
    state,
    failNext(n = 1) {
      state.failures = n;
    },
    handlers: {
      async onInbound(sms: InboundSms) {
        state.calls++;
        if (state.failures > 0) {
          state.failures--;
          throw new Error('handler failed on purpose');
        }
        inbound.push(sms);
      },
      async onReceipt(report: DeliveryReport) {
        receipts.push(report);
      },
    },
  };
}

/** Polls until `condition` holds; fails with `what` after `timeoutMs`. */
export async function waitFor(condition: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

export async function startedChannel(smsc: LocalSmsc, options: Partial<SmppChannelOptions> = {}) {
  const recorder = recordingHandlers();
  const channel = nodeChannel(smsc, options);
  await channel.start(recorder.handlers);
  if (!(await channel.waitUntilConnected(2_000))) throw new Error('the channel did not bind');
  return { channel, ...recorder };
}

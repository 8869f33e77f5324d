import type smpp from 'smpp';
import { ChannelError, type ChannelHandlers, type OutboundSms, type SmsChannel, type SubmitResult } from './sms.js';
import { messageFields } from './smpp-address.js';
import { createInbound, type Inbound } from './smpp-inbound.js';
import { createSmppLink, type BackoffOptions, type SmsLog } from './smpp-link.js';
import { encodeMessage, MAX_PARTS, splitText } from './smpp-segments.js';
import { linkErrors } from './smpp-status.js';
import { createSubmitter } from './smpp-submitter.js';
import type { SmppUrlOptions } from './smpp-url.js';

export { parseSmppUrl, type SmppUrlOptions } from './smpp-url.js';

export type SmppChannelOptions = SmppUrlOptions & {
  log: SmsLog;
  /** Sent in bind_transceiver (a handset binds with its own number); empty by default. */
  addressRange?: string;
  /** enquire_link period; an unanswered one drops the link. Default 30 s. */
  enquireLinkMs?: number;
  /** Wait for each submit_sm_resp (and for bind_resp). Default 10 s. */
  submitTimeoutMs?: number;
  /** Reconnection back-off. Default 1 s doubling to 60 s, with jitter. */
  reconnect?: Partial<BackoffOptions>;
  /** How long `close` waits for outstanding submissions and handlers. Default 5 s. */
  closeTimeoutMs?: number;
  /** How long parts of an inbound concatenated message wait for the others. Default 60 s. */
  reassemblyTimeoutMs?: number;
  /** Segments waiting for the window at most; past it `send` fails (retryable). Default 10,000. */
  maxQueue?: number;
};

export type SmppChannel = SmsChannel & {
  readonly name: 'smpp';
  /** Resolves true once bound, false when `timeoutMs` passes first. */
  waitUntilConnected(timeoutMs: number): Promise<boolean>;
};

/**
 * The concatenation reference of a message, from our id of it: the same on every attempt and in every
 * process, so parts sent after a lost link or a restart join the parts the phone already has.
 */
export function udhRefOf(ref: string): number {
  let h = 0x811c9dc5; // FNV-1a
  for (let i = 0; i < ref.length; i++) h = Math.imul(h ^ ref.charCodeAt(i), 0x01000193);
  return (h >>> 24) ^ (h & 0xff);
}

/**
 * The SMPP 3.4 channel: one transceiver bind to an SMSC (smpp.md in this folder tells the whole story).
 * `send` resolves with one message id per segment once every segment is accepted and throws
 * ChannelError otherwise — retryable for throttling, a full queue, timeouts and a lost link, permanent for
 * what the SMSC refuses outright; the error lists the parts accepted before it. It is not idempotent by
 * itself: a segment the SMSC accepted but whose answer was lost will be sent again by a retry. A retry of a
 * long message that names its `accepted` parts sends only the others, with the same concatenation reference.
 */
export function createSmppChannel(options: SmppChannelOptions): SmppChannel {
  const { log } = options;
  const submitTimeoutMs = options.submitTimeoutMs ?? 10_000;
  const closeTimeoutMs = options.closeTimeoutMs ?? 5_000;
  const submitter = createSubmitter({ window: options.window, tps: options.tps, submitTimeoutMs, maxQueue: options.maxQueue ?? 10_000 });
  let inbound: Inbound | null = null;
  const handling = new Set<Promise<unknown>>();
  let boundWaiters: (() => void)[] = [];
  let closing: Promise<void> | null = null;

  const link = createSmppLink(
    {
      host: options.host,
      port: options.port,
      systemId: options.systemId,
      password: options.password,
      systemType: options.systemType,
      addressRange: options.addressRange,
      enquireLinkMs: options.enquireLinkMs ?? 30_000,
      responseTimeoutMs: submitTimeoutMs,
      reconnect: { initialMs: options.reconnect?.initialMs ?? 1_000, maxMs: options.reconnect?.maxMs ?? 60_000 },
      log,
    },
    {
      onBound(session) {
        submitter.attach(session);
        const waiters = boundWaiters;
        boundWaiters = [];
        for (const w of waiters) w();
      },
      onUnbound: () => submitter.detach(linkErrors.linkDown()),
      onDeliver: (pdu, session) => acknowledge(pdu, session),
    },
  );

  function acknowledge(pdu: smpp.PDU, session: smpp.Session) {
    if (!inbound) return;
    const task = inbound
      .handle(pdu)
      // If the connection is gone the SMSC never got an answer and will deliver again.
      .then((status) => void session.send(pdu.response({ command_status: status })))
      .catch((e: unknown) => log.error({ err: e instanceof Error ? e.message : String(e) }, 'could not answer a deliver_sm'));
    handling.add(task);
    void task.finally(() => handling.delete(task));
  }

  async function send(message: OutboundSms): Promise<SubmitResult> {
    if (closing) throw linkErrors.closed();
    if (!message.to) throw new ChannelError('invalid_destination', 'a message needs a destination', false);
    if (!message.text) throw new ChannelError('empty_message', 'a message needs a text', false);
    if (!link.isBound()) throw linkErrors.notBound();

    const from = message.from ?? options.source ?? '';
    const encoded = encodeMessage(message.text, udhRefOf(message.ref));
    const total = encoded.parts.length;
    if (total > MAX_PARTS) throw new ChannelError('too_long', `a message has at most ${MAX_PARTS} segments, not ${total}`, false);

    // Receipts asked for on every message: they settle messages whose answer was lost (see the outbox).
    const parts = messageFields(from, message.to, encoded).map((fields) => ({ ...fields, registered_delivery: 1 }));
    const ids = new Array<string | undefined>(total).fill(undefined);
    for (const a of message.accepted ?? []) if (a.part >= 1 && a.part <= total) ids[a.part - 1] = a.smscId;
    const before = new Set(ids.flatMap((id, i) => (id === undefined ? [] : [i])));
    log.debug({ ref: message.ref, to: message.to, segments: total, resumed: before.size, dataCoding: encoded.dataCoding }, 'submitting SMS');
    return new Promise<SubmitResult>((resolve, reject) => {
      submitter.enqueue({
        parts,
        ids,
        resolve,
        reject(error) {
          // The parts this attempt got accepted, so that the next one does not send them again.
          const accepted = ids.flatMap((id, i) => (id === undefined || before.has(i) ? [] : [{ part: i + 1, smscId: id }]));
          reject(accepted.length === 0 ? error : new ChannelError(error.code, error.message, error.isRetryable, accepted));
        },
      });
    });
  }

  return {
    name: 'smpp',
    async start(handlers: ChannelHandlers) {
      if (closing) throw linkErrors.closed();
      inbound = createInbound({ handlers, log, reassemblyTimeoutMs: options.reassemblyTimeoutMs ?? 60_000 });
      link.start();
    },
    send,
    piecesOf: (text) => splitText(text).pieces,
    isConnected: () => link.isBound(),
    waitUntilConnected(timeoutMs) {
      if (link.isBound()) return Promise.resolve(true);
      return new Promise((resolve) => {
        const done = () => {
          clearTimeout(timer);
          resolve(true);
        };
        const timer = setTimeout(() => {
          boundWaiters = boundWaiters.filter((w) => w !== done);
          resolve(false);
        }, timeoutMs);
        boundWaiters.push(done);
      });
    },
    close() {
      closing ??= (async () => {
        let timer: NodeJS.Timeout | undefined;
        const waited = Promise.all([submitter.idle(), inbound?.flush(), ...handling]);
        await Promise.race([waited, new Promise((r) => (timer = setTimeout(r, closeTimeoutMs)))]);
        clearTimeout(timer);
        submitter.detach(linkErrors.closed());
        await link.stop(Math.min(closeTimeoutMs, 1_000));
      })();
      return closing;
    },
  };
}

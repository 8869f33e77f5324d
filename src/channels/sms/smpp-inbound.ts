import type smpp from 'smpp';
import type { ChannelHandlers } from './sms.js';
import { readAddress } from './smpp-address.js';
import type { SmsLog } from './smpp-link.js';
import { readRawBody } from './smpp-raw.js';
import { parseReceipt } from './smpp-receipt.js';
import { decodeBody, isTextCoding, parseUdh, type Concat } from './smpp-segments.js';
import { STATUS } from './smpp-status.js';

export type InboundOptions = {
  handlers: ChannelHandlers;
  log: SmsLog;
  /** How long the parts of a concatenated message wait for the rest before what came is delivered. */
  reassemblyTimeoutMs: number;
  /** Concatenated messages waiting for parts at most; past it the oldest is delivered as it is. */
  maxPending?: number;
};

export type Inbound = {
  /** Handles one deliver_sm and says which command_status to answer it with. Never throws. */
  handle(pdu: smpp.PDU): Promise<number>;
  /** Delivers every incomplete message now (when the channel closes). */
  flush(): Promise<void>;
};

type Piece = { dataCoding: number; bytes: Buffer };
type Pending = { from: string; to: string; total: number; pieces: Map<number, Piece>; timer?: NodeJS.Timeout; isDelivering?: boolean };

const ESM_RECEIPT = 0x04;
const ESM_UDHI = 0x40;

/**
 * Inbound deliver_sm: delivery receipts go to onReceipt; other messages are decoded and, when they are
 * parts of a concatenated message (UDH or sar_* TLVs), put together first. The answer waits for the
 * handler: a rejection answers ESME_RX_T_APPN so the SMSC delivers again. Parts before the last are
 * acknowledged as they are stored — an SMSC that sends one deliver_sm at a time would otherwise never
 * send the rest — and kept until the whole message is handled, so a redelivered last part completes it.
 * Binary or undecodable bodies are acknowledged and dropped with a log line.
 */
export function createInbound(opts: InboundOptions): Inbound {
  const { handlers, log } = opts;
  const maxPending = opts.maxPending ?? 1000;
  const pending = new Map<string, Pending>();

  async function run(what: string, call: () => Promise<void>): Promise<number> {
    try {
      await call();
      return STATUS.OK;
    } catch (e) {
      log.warn({ err: e instanceof Error ? e.message : String(e) }, `${what} handler failed; asking the SMSC to deliver again`);
      return STATUS.TEMPORARY_APP_ERROR;
    }
  }

  function deliverText(from: string, to: string, text: string) {
    return run('inbound message', () => handlers.onInbound({ from, to, text, receivedAt: new Date(), channel: 'smpp' }));
  }

  function assemble(p: Pending): string | null {
    const pieces = [...p.pieces.entries()].sort(([a], [b]) => a - b).map(([, piece]) => piece);
    const sameCoding = pieces.every((piece) => piece.dataCoding === pieces[0]!.dataCoding);
    // Joined before decoding, so a pair cut by a careless sender (ESC, surrogates) decodes whole.
    if (sameCoding) return decodeBody(pieces[0]!.dataCoding, Buffer.concat(pieces.map((piece) => piece.bytes)));
    const texts = pieces.map((piece) => decodeBody(piece.dataCoding, piece.bytes));
    return texts.every((t) => t !== null) ? texts.join('') : null;
  }

  /** Delivers what arrived of an incomplete message; nothing is left to acknowledge, so errors are logged. */
  async function deliverPartial(key: string, p: Pending) {
    pending.delete(key);
    clearTimeout(p.timer);
    const text = assemble(p);
    log.warn({ from: p.from, parts: p.pieces.size, total: p.total }, 'concatenated message incomplete; delivering the parts received');
    if (text === null) return void log.warn({ from: p.from }, 'undecodable inbound message dropped');
    const status = await deliverText(p.from, p.to, text);
    if (status !== STATUS.OK) log.error({ from: p.from }, 'an incomplete inbound message was lost: its handler failed');
  }

  function arm(key: string, p: Pending) {
    clearTimeout(p.timer);
    p.timer = setTimeout(() => void deliverPartial(key, p), opts.reassemblyTimeoutMs);
  }

  async function handlePart(from: string, to: string, concat: Concat, piece: Piece): Promise<number> {
    const key = `${from}|${to}|${concat.ref}|${concat.total}`;
    let p = pending.get(key);
    if (!p) {
      if (pending.size >= maxPending) {
        const [oldKey, oldest] = pending.entries().next().value!;
        void deliverPartial(oldKey, oldest);
      }
      p = { from, to, total: concat.total, pieces: new Map() };
      pending.set(key, p);
    }
    p.pieces.set(concat.seq, piece);
    // A part the SMSC repeats while the whole is being handled: if that handling fails, the last part's
    // temporary error brings the message back anyway.
    if (p.isDelivering) return STATUS.OK;
    arm(key, p);
    if (p.pieces.size < p.total) return STATUS.OK;
    clearTimeout(p.timer);
    const text = assemble(p);
    if (text === null) {
      pending.delete(key);
      log.warn({ from }, 'undecodable inbound message dropped');
      return STATUS.OK;
    }
    p.isDelivering = true;
    const status = await deliverText(from, to, text);
    p.isDelivering = false;
    if (status === STATUS.OK) pending.delete(key);
    else arm(key, p);
    return status;
  }

  async function handleReceipt(pdu: smpp.PDU, body: Buffer): Promise<number> {
    const report = parseReceipt({
      text: body.toString('latin1'),
      receiptedMessageId: typeof pdu.receipted_message_id === 'string' ? pdu.receipted_message_id : undefined,
      messageState: typeof pdu.message_state === 'number' ? pdu.message_state : undefined,
      networkErrorCode: Buffer.isBuffer(pdu.network_error_code) ? pdu.network_error_code : undefined,
    });
    if (!report) {
      log.warn({ text: body.toString('latin1').slice(0, 80) }, 'delivery receipt without a message id dropped');
      return STATUS.OK;
    }
    // A receipt comes from the handset the message went to.
    const phone = readAddress(pdu.source_addr, pdu.source_addr_ton);
    return run('delivery receipt', () => handlers.onReceipt(phone ? { ...report, phone } : report));
  }

  async function handle(pdu: smpp.PDU): Promise<number> {
    const esmClass = typeof pdu.esm_class === 'number' ? pdu.esm_class : 0;
    const body = readRawBody(pdu);
    if (esmClass & ESM_RECEIPT || pdu.receipted_message_id !== undefined) return handleReceipt(pdu, body);

    const from = readAddress(pdu.source_addr, pdu.source_addr_ton);
    const to = readAddress(pdu.destination_addr, pdu.dest_addr_ton);
    const dataCoding = typeof pdu.data_coding === 'number' ? pdu.data_coding : 0;
    let bytes = body;
    let concat: Concat | null = null;
    if (esmClass & ESM_UDHI) {
      const udh = parseUdh(body);
      if (!udh) {
        log.warn({ from }, 'inbound message with a malformed UDH dropped');
        return STATUS.OK;
      }
      bytes = udh.rest;
      concat = udh.concat;
    } else if (typeof pdu.sar_msg_ref_num === 'number' && typeof pdu.sar_total_segments === 'number' && typeof pdu.sar_segment_seqnum === 'number') {
      concat = { ref: pdu.sar_msg_ref_num, total: pdu.sar_total_segments, seq: pdu.sar_segment_seqnum };
    }
    if (!isTextCoding(dataCoding)) {
      log.info({ from, dataCoding, bytes: bytes.length }, 'binary inbound message dropped');
      return STATUS.OK;
    }
    if (concat && concat.total > 1 && concat.seq >= 1 && concat.seq <= concat.total) return handlePart(from, to, concat, { dataCoding, bytes });
    const text = decodeBody(dataCoding, bytes);
    if (text === null) {
      log.warn({ from, dataCoding }, 'undecodable inbound message dropped');
      return STATUS.OK;
    }
    return deliverText(from, to, text);
  }

  return {
    handle: (pdu) =>
      handle(pdu).catch((e: unknown) => {
        log.error({ err: e instanceof Error ? e.message : String(e) }, 'inbound deliver_sm failed');
        return STATUS.TEMPORARY_APP_ERROR;
      }),
    async flush() {
      await Promise.all([...pending.entries()].map(([key, p]) => deliverPartial(key, p)));
    },
  };
}

import { randomBytes } from 'node:crypto';
import { closeSync, openSync, writeSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import smpp from 'smpp';
import { createDeliveryQueue } from './local-smsc-delivery.js';
import type { LocalSmsc, LocalSmscOptions, SmscAccount, SmscFaults, SmscLogEntry, SmscStats } from './local-smsc-types.js';
import { messageFields, readAddress } from './smpp-address.js';
import { readRawBody } from './smpp-raw.js';
import { formatReceipt } from './smpp-receipt.js';
import { decodeBody, encodeMessage, parseUdh } from './smpp-segments.js';
import { STATUS } from './smpp-status.js';

export type { LocalSmsc, LocalSmscOptions, SmscAccount, SmscFaults, SmscLogEntry, SmscStats } from './local-smsc-types.js';

type Peer = {
  id: number;
  session: smpp.Session;
  account?: SmscAccount;
  mode?: 'transceiver' | 'transmitter' | 'receiver';
  number?: string;
  inFlight: number;
  /** Closing after a dropAfter/dropEvery fault: nothing more it sends is read. */
  isDropping: boolean;
};

const BIND_MODES: Record<string, Peer['mode']> = { bind_transceiver: 'transceiver', bind_transmitter: 'transmitter', bind_receiver: 'receiver' };
const kindOf = (a: SmscAccount | undefined) => a?.kind ?? (/^phone/i.test(a?.systemId ?? '') ? 'phone' : 'node');
const numberKey = (addr: string) => addr.replace(/^\+/, '');
const isNumber = (addr: string) => /^\+?\d{3,15}$/.test(addr);
const isName = (addr: string) => /^[A-Za-z0-9 ]{1,11}$/.test(addr);

/**
 * A small SMSC on the smpp package's server, for development, tests and benchmarks. Nodes bind with
 * their account; handsets bind with a "phone" account and their number as address_range (or are known
 * by the sender of their first message). A node's message to a known handset is delivered to it, any
 * other is swallowed as if a phone got it; a handset's message to anything but another handset goes to
 * a bound node. Delivery receipts follow when registered_delivery asks. Undelivered deliver_sm are kept
 * and tried again, as an SMSC does. Accepted segments are logged before they are acknowledged.
 */
export async function startLocalSmsc(options: LocalSmscOptions): Promise<LocalSmsc> {
  const peers = new Set<Peer>();
  const phones = new Map<string, Peer>();
  const entries: SmscLogEntry[] = [];
  const stats: SmscStats = { bindAttempts: 0, binds: 0, submits: 0, maxInFlight: 0, unbinds: 0, deliveries: [], receiptOutcomes: {} };
  const fd = options.log ? openSync(options.log, 'a') : undefined;
  const idPrefix = randomBytes(2).toString('hex');
  const counters = { peer: 0, message: 0, throttle: 0, accepted: 0, dropIn: 0, nodeTurn: 0, phoneRef: 0 };
  const faults: SmscFaults = {
    delayMs: 0,
    throttleEvery: 0,
    throttleRatio: 0,
    refuseBinds: false,
    queueFull: false,
    dropEvery: 0,
    dropAfter: (n) => void (counters.dropIn = n),
    isSilent: false,
  };
  const queue = createDeliveryQueue({
    redeliverMs: options.redeliverMs ?? 1_000,
    maxAttempts: options.maxDeliveryAttempts ?? 100,
    responseTimeoutMs: 10_000,
    onRecord: (r) => {
      if (stats.deliveries.length < 100_000) stats.deliveries.push(r);
      if (r.isReceipt) stats.receiptOutcomes[String(r.status)] = (stats.receiptOutcomes[String(r.status)] ?? 0) + 1;
    },
  });

  const canReceive = (p: Peer) => !!p.mode && p.mode !== 'transmitter' && !p.isDropping && p.session.socket.writable;
  function pickNode(): smpp.Session | undefined {
    const nodes = [...peers].filter((p) => kindOf(p.account) === 'node' && canReceive(p));
    return nodes[counters.nodeTurn++ % Math.max(1, nodes.length)]?.session;
  }
  function pickPhone(number: string): smpp.Session | undefined {
    const phone = phones.get(numberKey(number));
    return phone && canReceive(phone) ? phone.session : undefined;
  }
  /** A handset's message goes to the handset it names, else to a node. */
  const targetOf = (to: string) => (phones.has(numberKey(to)) ? () => pickPhone(to) : pickNode);

  function register(peer: Peer, number: string) {
    if (!isNumber(number)) return;
    peer.number = numberKey(number);
    phones.set(peer.number, peer);
  }

  function answer(peer: Peer, pdu: smpp.PDU, fields: Record<string, unknown>, then?: () => void) {
    if (peer.session.socket.writable) peer.session.send(pdu.response(fields), then);
  }

  function onBind(peer: Peer, pdu: smpp.PDU) {
    stats.bindAttempts++;
    const account = options.accounts.find((a) => a.systemId === pdu.system_id);
    const status = peer.mode
      ? STATUS.ALREADY_BOUND
      : faults.refuseBinds
        ? STATUS.BIND_FAILED
        : !account
          ? STATUS.INVALID_SYSTEM_ID
          : account.password !== pdu.password
            ? STATUS.INVALID_PASSWORD
            : STATUS.OK;
    if (status !== STATUS.OK) return answer(peer, pdu, { command_status: status });
    stats.binds++;
    peer.account = account;
    peer.mode = BIND_MODES[pdu.command];
    if (kindOf(account) === 'phone' && typeof pdu.address_range === 'string') register(peer, pdu.address_range);
    answer(peer, pdu, { system_id: 'passerelle-smsc' });
  }

  function refusal(peer: Peer, pdu: smpp.PDU, from: string, to: string): number {
    if (faults.queueFull) return STATUS.QUEUE_FULL;
    if (faults.throttleEvery > 0 && ++counters.throttle % faults.throttleEvery === 0) return STATUS.THROTTLED;
    if (faults.throttleRatio > 0 && Math.random() < faults.throttleRatio) return STATUS.THROTTLED;
    const isPhone = kindOf(peer.account) === 'phone';
    // A node writes to handsets (numbers); a handset may also write to a node's name.
    if (!(isNumber(to) || (isPhone && isName(to)))) return STATUS.INVALID_DESTINATION;
    if (from && !isNumber(from) && !isName(from)) return STATUS.INVALID_SOURCE;
    return STATUS.OK;
  }

  /** Whether this accepted submit_sm is the last before a dropAfter/dropEvery fault closes the link. */
  function isLastBeforeDrop(peer: Peer): boolean {
    if (kindOf(peer.account) !== 'node') return false;
    counters.accepted++;
    if (faults.dropEvery > 0 && counters.accepted % faults.dropEvery === 0) return true;
    return counters.dropIn > 0 && --counters.dropIn === 0;
  }

  function accept(peer: Peer, pdu: smpp.PDU, body: Buffer, from: string, to: string): string {
    const esmClass = Number(pdu.esm_class ?? 0);
    const dataCoding = Number(pdu.data_coding ?? 0);
    const udh = esmClass & 0x40 ? parseUdh(body) : null;
    const messageId = `${idPrefix}${(++counters.message).toString(16).padStart(8, '0')}`;
    const entry: SmscLogEntry = {
      time: new Date().toISOString(),
      session: peer.id,
      systemId: peer.account?.systemId ?? '',
      messageId,
      from,
      to,
      text: decodeBody(dataCoding, udh ? udh.rest : body),
      dataCoding,
      udh: udh?.concat ? { ref: udh.concat.ref, part: udh.concat.seq, total: udh.concat.total } : null,
      hex: body.toString('hex'),
    };
    entries.push(entry);
    if (fd !== undefined) writeSync(fd, `${JSON.stringify(entry)}\n`);
    options.onAccepted?.(entry);
    if (kindOf(peer.account) === 'phone' && !peer.number) register(peer, from);

    const forward = { ...pick(pdu, ['source_addr_ton', 'source_addr_npi', 'source_addr', 'dest_addr_ton', 'dest_addr_npi', 'destination_addr', 'data_coding']), esm_class: esmClass & 0x40, short_message: body };
    if (phones.has(numberKey(to))) void queue.send(() => pickPhone(to), forward, { from, to, isReceipt: false });
    else if (kindOf(peer.account) === 'phone') void queue.send(pickNode, forward, { from, to, isReceipt: false });

    if ((Number(pdu.registered_delivery ?? 0) & 0x03) === 1) {
      const submittedAt = new Date();
      queue.later(() => {
        const receipt = {
          source_addr_ton: pdu.dest_addr_ton,
          source_addr_npi: pdu.dest_addr_npi,
          source_addr: pdu.destination_addr,
          dest_addr_ton: pdu.source_addr_ton,
          dest_addr_npi: pdu.source_addr_npi,
          destination_addr: pdu.source_addr,
          esm_class: 0x04,
          data_coding: 0,
          short_message: Buffer.from(formatReceipt({ messageId, stat: 'DELIVRD', submittedAt, doneAt: new Date(), text: entry.text ?? '' }), 'latin1'),
          receipted_message_id: messageId,
          message_state: 2,
        };
        // To the session that sent the message; if it is gone, to the same handset, or to the same node account.
        const isSameSender = (p: Peer) => (peer.number ? p.number === peer.number : p.account?.systemId === peer.account?.systemId);
        const target = () => (canReceive(peer) ? peer.session : [...peers].find((p) => isSameSender(p) && canReceive(p))?.session);
        void queue.send(target, receipt, { from: to, to: from, isReceipt: true });
      }, options.receiptDelayMs ?? 50);
    }
    return messageId;
  }

  function onSubmit(peer: Peer, pdu: smpp.PDU) {
    if (!peer.mode || peer.mode === 'receiver') return answer(peer, pdu, { command_status: STATUS.INVALID_BIND_STATUS });
    stats.submits++;
    peer.inFlight++;
    stats.maxInFlight = Math.max(stats.maxInFlight, peer.inFlight);
    const body = readRawBody(pdu);
    const from = readAddress(pdu.source_addr, pdu.source_addr_ton);
    const to = readAddress(pdu.destination_addr, pdu.dest_addr_ton);
    const status = refusal(peer, pdu, from, to);
    const isLast = status === STATUS.OK && isLastBeforeDrop(peer);
    if (isLast) peer.isDropping = true;
    const respond = () => {
      peer.inFlight--;
      // A connection closed meanwhile never hears back, so nothing is accepted (or logged) for it.
      if (!peer.session.socket.writable) return;
      if (status !== STATUS.OK) return answer(peer, pdu, { command_status: status });
      const messageId = accept(peer, pdu, body, from, to);
      answer(peer, pdu, { message_id: messageId }, isLast ? () => dropPeer(peer) : undefined);
    };
    if (faults.delayMs > 0) queue.later(respond, faults.delayMs);
    else respond();
  }

  function dropPeer(peer: Peer) {
    peer.session.close();
    queue.later(() => peer.session.destroy(), 200);
  }

  function onSession(session: smpp.Session) {
    const peer: Peer = { id: ++counters.peer, session, inFlight: 0, isDropping: false };
    peers.add(peer);
    session.socket.setNoDelay(true);
    session.on('error', () => session.destroy());
    session.on('close', () => {
      peers.delete(peer);
      if (peer.number && phones.get(peer.number) === peer) phones.delete(peer.number);
    });
    session.on('pdu', (pdu: smpp.PDU) => {
      if (peer.isDropping || faults.isSilent || pdu.isResponse()) return;
      if (BIND_MODES[pdu.command]) return onBind(peer, pdu);
      switch (pdu.command) {
        case 'submit_sm':
          return onSubmit(peer, pdu);
        case 'enquire_link':
          return answer(peer, pdu, {});
        case 'unbind':
          stats.unbinds++;
          peer.mode = undefined;
          return answer(peer, pdu, {}, () => session.close());
        default:
          return answer(peer, pdu, { command_status: STATUS.INVALID_COMMAND });
      }
    });
  }

  const server = smpp.createServer({}, onSession);
  server.on('error', () => undefined); // listen errors surface through the promise below
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 2775, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;

  async function deliverAll(parts: Record<string, unknown>[], target: () => smpp.Session | undefined, meta: { from: string; to: string }) {
    const results = await Promise.all(parts.map((fields) => queue.send(target, fields, { ...meta, isReceipt: false })));
    if (!results.every(Boolean)) throw new Error(`the local SMSC gave up delivering to ${meta.to}`);
  }

  return {
    host: address.address,
    port: address.port,
    faults,
    submitted: () => entries,
    stats: () => stats,
    deliver(from, to, text) {
      const fields = messageFields(from, to, encodeMessage(text, counters.phoneRef++ & 0xff));
      return deliverAll(fields, targetOf(to), { from, to });
    },
    deliverPdu(fields) {
      return deliverAll([fields], pickNode, { from: String(fields.source_addr ?? ''), to: String(fields.destination_addr ?? '') });
    },
    async close() {
      queue.close();
      for (const p of peers) p.session.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (fd !== undefined) closeSync(fd);
    },
  };
}

function pick(pdu: smpp.PDU, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((k) => [k, pdu[k]]));
}

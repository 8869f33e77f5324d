import type { DeliveryRecord } from './local-smsc-delivery.js';

// The local SMSC's surface: options, log entries, faults and statistics; local-smsc.ts runs it.

/** A login of the local SMSC. "phone" accounts are handsets; any other is a node. */
export type SmscAccount = { systemId: string; password: string; kind?: 'node' | 'phone' };

/** One accepted submit_sm (one segment), as logged. */
export type SmscLogEntry = {
  time: string;
  session: number;
  systemId: string;
  messageId: string;
  from: string;
  to: string;
  /** Null when the body is binary or does not decode. */
  text: string | null;
  dataCoding: number;
  udh: { ref: number; part: number; total: number } | null;
  /** The short_message as received, UDH included. */
  hex: string;
};

/** Faults to inject; change them at any time. */
export type SmscFaults = {
  /** Delay before each submit_sm_resp. */
  delayMs: number;
  /** Every n-th submit_sm is answered ESME_RTHROTTLED (0: never). */
  throttleEvery: number;
  /** This share of submit_sm (0–1) is answered ESME_RTHROTTLED, at random. */
  throttleRatio: number;
  /** Every bind is answered ESME_RBINDFAIL. */
  refuseBinds: boolean;
  /** Every submit_sm is answered ESME_RMSGQFUL. */
  queueFull: boolean;
  /** A node's connection is closed after every n-th accepted submit_sm (0: never). */
  dropEvery: number;
  /** A node's connection is closed after n more accepted submit_sm. */
  dropAfter(n: number): void;
  /** Nothing is read or answered, binds and enquire_link included: a hung SMSC. */
  isSilent: boolean;
};

export type SmscStats = {
  bindAttempts: number;
  binds: number;
  submits: number;
  /** Most submit_sm of one session awaiting their answer at once. */
  maxInFlight: number;
  unbinds: number;
  /** The first 100,000 deliver_sm attempts (memory stays bounded); `receiptOutcomes` counts them all. */
  deliveries: DeliveryRecord[];
  /** Every attempt to hand a node a delivery receipt, by outcome ("0" for OK, another status, no_session, timeout). */
  receiptOutcomes: Record<string, number>;
};

export type LocalSmscOptions = {
  /** 0 picks a free port. Default 2775. */
  port?: number;
  host?: string;
  accounts: SmscAccount[];
  /** Append-only JSON lines, one per accepted segment, written before the answer leaves. */
  log?: string;
  /** Delay before a delivery receipt. Default 50 ms. */
  receiptDelayMs?: number;
  /** Wait before a deliver_sm is tried again. Default 1 s. */
  redeliverMs?: number;
  maxDeliveryAttempts?: number;
  /** Called with each accepted segment, after it is logged (the command line prints them). */
  onAccepted?(entry: SmscLogEntry): void;
};

export type LocalSmsc = {
  host: string;
  port: number;
  faults: SmscFaults;
  /** Every accepted segment since the start (not read back from the log file). */
  submitted(): SmscLogEntry[];
  stats(): SmscStats;
  /** A handset's message to `to` (a node's short code, or a phone's number): resolves once every part is acknowledged. */
  deliver(from: string, to: string, text: string): Promise<void>;
  /** A deliver_sm with these fields to a node (binary bodies, odd codings); resolves once acknowledged. */
  deliverPdu(fields: Record<string, unknown>): Promise<void>;
  close(): Promise<void>;
};

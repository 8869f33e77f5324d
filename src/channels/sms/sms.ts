/**
 * What the rest of Passerelle knows about a text-message channel (SMPP to an SMSC, or an HTTP
 * aggregator). Numbers are E.164 ("+22790123456"); texts are whole messages — a channel splits them into
 * segments itself and chooses GSM 03.38 or UCS-2.
 */

export type OutboundSms = {
  /** Our id of this message (an outbox row): the channel logs it and passes it on where the protocol can. */
  ref: string;
  to: string;
  text: string;
  /** The sender shown on the phone: a short code or a name; the channel's default when absent. */
  from?: string;
  /** Parts the SMSC accepted at an earlier attempt: only the others are sent, as parts of the same message. */
  accepted?: AcceptedPart[];
};

/** A part of a message (from 1) and the SMSC's id for it. */
export type AcceptedPart = { part: number; smscId: string };

/** The SMSC accepted every segment; one message id per segment, in order. */
export type SubmitResult = { messageIds: string[] };

export type InboundSms = {
  from: string;
  /** The number or short code the person wrote to. */
  to: string;
  text: string;
  receivedAt: Date;
  channel: 'smpp' | 'http';
};

export type DeliveryState = 'delivered' | 'failed' | 'expired' | 'rejected' | 'unknown' | 'accepted';

/**
 * A delivery receipt, matched to a message by the SMSC's id of one of its segments. `phone` (the handset
 * the message went to) and `text` (the start of the message, as most SMSCs echo it) let a receipt be
 * matched to a message whose submission was never recorded (see outbox/receipts.repo).
 */
export type DeliveryReport = { messageId: string; state: DeliveryState; errorCode?: string; at: Date; phone?: string; text?: string };

/**
 * Raised by `send`. A retryable error (throttled, queue full, timeout, link down) may succeed later.
 * `accepted` lists the parts of a long message the SMSC took before the failure.
 */
export class ChannelError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly isRetryable: boolean,
    readonly accepted: AcceptedPart[] = [],
  ) {
    super(message);
    this.name = 'ChannelError';
  }
}

export type ChannelHandlers = {
  /** Called for each inbound message; the channel acknowledges it to the SMSC only after this resolves. */
  onInbound(sms: InboundSms): Promise<void>;
  /** Called for each delivery receipt, acknowledged after this resolves. */
  onReceipt(report: DeliveryReport): Promise<void>;
};

export interface SmsChannel {
  readonly name: 'smpp' | 'http';
  /** Connects (and keeps reconnecting until `close`); resolves once started, not once connected. */
  start(handlers: ChannelHandlers): Promise<void>;
  /** Sends one message (all its segments); throws ChannelError. */
  send(message: OutboundSms): Promise<SubmitResult>;
  /** The pieces of a text that each get their own SMSC id and delivery receipt, in order. */
  piecesOf(text: string): string[];
  isConnected(): boolean;
  /** Stops reconnecting, waits for outstanding submissions (bounded), unbinds. */
  close(): Promise<void>;
}

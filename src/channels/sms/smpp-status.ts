import smpp from 'smpp';
import { ChannelError } from './sms.js';

/** SMPP command_status values we act on (SMPP 3.4, section 5.1.3). */
export const STATUS = {
  OK: 0x00,
  INVALID_BIND_STATUS: 0x04,
  ALREADY_BOUND: 0x05,
  SYSTEM_ERROR: 0x08,
  INVALID_SOURCE: 0x0a,
  INVALID_DESTINATION: 0x0b,
  BIND_FAILED: 0x0d,
  INVALID_PASSWORD: 0x0e,
  INVALID_SYSTEM_ID: 0x0f,
  QUEUE_FULL: 0x14,
  INVALID_COMMAND: 0x03,
  THROTTLED: 0x58,
  TEMPORARY_APP_ERROR: 0x64,
} as const;

/**
 * Statuses after which the same submit_sm may succeed later. Throttling, a full queue and a temporary
 * application error say so themselves. ESME_RSYSERR is the SMSC's own trouble (most operators use it for
 * an overloaded or restarting platform), and ESME_RINVBNDSTS means the SMSC no longer sees us bound,
 * which a reconnection repairs. Every other status (invalid destination or source, bad coding, message
 * too long, ESME_RX_P_APPN/ESME_RX_R_APPN, unknown codes) would fail the same way again: permanent.
 */
const RETRYABLE = new Set<number>([
  STATUS.THROTTLED,
  STATUS.QUEUE_FULL,
  STATUS.SYSTEM_ERROR,
  STATUS.TEMPORARY_APP_ERROR,
  STATUS.INVALID_BIND_STATUS,
]);

const names = new Map<number, string>(Object.entries(smpp.errors).map(([name, code]) => [code, name]));

/** "ESME_RTHROTTLED", or "0x000000ab" for a status the package does not name. */
export function statusName(status: number): string {
  return names.get(status) ?? `0x${status.toString(16).padStart(8, '0')}`;
}

export function isRetryableStatus(status: number): boolean {
  return RETRYABLE.has(status);
}

/** The ChannelError of a refused submit_sm; its code is the SMPP name of the status. */
export function errorForStatus(status: number): ChannelError {
  const name = statusName(status);
  return new ChannelError(name, `the SMSC refused the message: ${name}`, isRetryableStatus(status));
}

/** Errors of the link itself: all may succeed later, on another connection. */
export const linkErrors = {
  notBound: () => new ChannelError('not_bound', 'not bound to the SMSC (connecting or reconnecting)', true),
  linkDown: () => new ChannelError('link_down', 'the connection to the SMSC was lost before its answer', true),
  timeout: (ms: number) => new ChannelError('timeout', `no answer from the SMSC within ${ms} ms`, true),
  closed: () => new ChannelError('closed', 'the SMS channel is closing', true),
  queueFull: () => new ChannelError('local_queue_full', 'too many segments waiting to be sent', true),
};

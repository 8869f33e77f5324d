import smpp from 'smpp';
import type { Logger } from '../../lib/logger.js';
import { STATUS, statusName } from './smpp-status.js';

export type SmsLog = Pick<Logger, 'info' | 'warn' | 'error' | 'debug'>;
export type BackoffOptions = { initialMs: number; maxMs: number };

/**
 * Delay before reconnection attempt `attempt` (0 first): doubling from initialMs up to maxMs, with
 * "equal jitter" (half fixed, half random) so that many nodes cut off together do not return together,
 * yet none retries at once. Pure.
 */
export function backoffDelay(attempt: number, { initialMs, maxMs }: BackoffOptions, random: () => number = Math.random): number {
  const step = Math.min(maxMs, initialMs * 2 ** Math.min(attempt, 30));
  return Math.round(step / 2 + (random() * step) / 2);
}

export type LinkOptions = {
  host: string;
  port: number;
  systemId: string;
  password: string;
  systemType: string;
  /** Sent in bind_transceiver; a handset binds with its own number. */
  addressRange?: string;
  enquireLinkMs: number;
  /** Wait for bind_resp and enquire_link_resp; past it the link is dropped. */
  responseTimeoutMs: number;
  reconnect: BackoffOptions;
  log: SmsLog;
};

export type LinkEvents = {
  onBound(session: smpp.Session): void;
  onUnbound(): void;
  /** A deliver_sm; the receiver answers it on `session`. */
  onDeliver(pdu: smpp.PDU, session: smpp.Session): void;
};

export type SmppLink = { start(): void; isBound(): boolean; stop(timeoutMs: number): Promise<void> };

/**
 * One SMPP connection bound as a transceiver, kept alive with enquire_link and reopened with back-off
 * whenever it drops, until `stop`. Socket errors are logged and end in a reconnection, never a throw.
 */
export function createSmppLink(opts: LinkOptions, events: LinkEvents): SmppLink {
  const { log } = opts;
  let isStopped = false;
  let current: smpp.Session | null = null;
  let isCurrentBound = false;
  let attempt = 0;
  let reconnectTimer: NodeJS.Timeout | undefined;

  function drop(session: smpp.Session, reason: string) {
    log.warn({ host: opts.host, port: opts.port, reason }, 'dropping the SMPP connection');
    session.destroy();
  }

  function scheduleReconnect() {
    if (isStopped || reconnectTimer) return;
    const delayMs = backoffDelay(attempt++, opts.reconnect);
    log.info({ host: opts.host, port: opts.port, delayMs, attempt }, 'SMPP reconnection scheduled');
    reconnectTimer = setTimeout(connect, delayMs);
  }

  function connect() {
    reconnectTimer = undefined;
    if (isStopped) return;
    const session = smpp.connect({ host: opts.host, port: opts.port });
    current = session;
    let isBound = false;
    let enquireTimer: NodeJS.Timeout | undefined;
    let enquireWait: NodeJS.Timeout | undefined;
    // Covers the TCP connection as well as the bind: a host that never answers is dropped too.
    const bindTimer = setTimeout(() => drop(session, 'no bind answer in time'), opts.responseTimeoutMs);

    const enquire = () => {
      if (enquireWait) return;
      enquireWait = setTimeout(() => drop(session, 'enquire_link unanswered'), Math.min(opts.responseTimeoutMs, opts.enquireLinkMs));
      const isSent = session.enquire_link({}, () => {
        clearTimeout(enquireWait);
        enquireWait = undefined;
      });
      if (!isSent) drop(session, 'socket not writable');
    };

    session.on('error', (e: Error) => {
      log.warn({ host: opts.host, port: opts.port, err: e.message }, 'SMPP connection error');
      // The package stops reading after a PDU it cannot parse; only a new connection recovers.
      session.destroy();
    });
    session.on('connect', () => {
      session.socket.setNoDelay(true);
      const bind = { system_id: opts.systemId, password: opts.password, system_type: opts.systemType, interface_version: 0x34, address_range: opts.addressRange ?? '' };
      session.bind_transceiver(bind, (pdu) => {
        clearTimeout(bindTimer);
        if (session !== current || isStopped) return;
        if (pdu.command_status !== STATUS.OK) {
          log.warn({ host: opts.host, systemId: opts.systemId, status: statusName(pdu.command_status) }, 'the SMSC refused the bind');
          session.destroy();
          return;
        }
        isBound = isCurrentBound = true;
        attempt = 0;
        log.info({ host: opts.host, port: opts.port, systemId: opts.systemId }, 'bound to the SMSC as a transceiver');
        enquireTimer = setInterval(enquire, opts.enquireLinkMs);
        events.onBound(session);
      });
    });
    session.on('pdu', (pdu: smpp.PDU) => {
      if (pdu.isResponse()) return; // answers go to the callbacks given with each request
      switch (pdu.command) {
        case 'enquire_link':
          session.send(pdu.response());
          return;
        case 'unbind':
          log.info({ host: opts.host }, 'the SMSC unbound us');
          session.send(pdu.response(), () => session.close());
          return;
        case 'deliver_sm':
          if (isBound) events.onDeliver(pdu, session);
          else session.send(pdu.response({ command_status: STATUS.INVALID_BIND_STATUS }));
          return;
        case 'alert_notification':
          return; // has no response
        default:
          log.warn({ command: pdu.command }, 'unsupported SMPP request refused');
          session.send(pdu.response({ command_status: STATUS.INVALID_COMMAND }));
      }
    });
    session.on('close', () => {
      clearTimeout(bindTimer);
      clearInterval(enquireTimer);
      clearTimeout(enquireWait);
      if (current === session) {
        current = null;
        isCurrentBound = false;
      }
      if (isBound) {
        isBound = false;
        log[isStopped ? 'info' : 'warn']({ host: opts.host, port: opts.port }, 'SMPP link down');
        events.onUnbound();
      }
      scheduleReconnect();
    });
  }

  return {
    start() {
      if (!current && !reconnectTimer && !isStopped) connect();
    },
    isBound: () => isCurrentBound,
    async stop(timeoutMs) {
      isStopped = true;
      clearTimeout(reconnectTimer);
      const session = current;
      if (!session) return;
      await new Promise<void>((resolve) => {
        if (session.socket.destroyed) return resolve();
        const timer = setTimeout(() => session.destroy(), timeoutMs);
        session.socket.once('close', () => {
          clearTimeout(timer);
          resolve();
        });
        // Unbind politely when bound; the answer closes our side, the timer covers a silent SMSC.
        if (!isCurrentBound || !session.unbind({}, () => session.close())) session.destroy();
      });
    },
  };
}

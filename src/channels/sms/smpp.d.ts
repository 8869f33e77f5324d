/**
 * The part of the `smpp` package (0.5.1, CommonJS, no types of its own) that Passerelle uses.
 * PDUs are open records: the package sets one property per SMPP field and per optional parameter (TLV).
 */
declare module 'smpp' {
  import type { EventEmitter } from 'node:events';
  import type { Server as NetServer, Socket } from 'node:net';

  namespace smpp {
    type PduFields = Record<string, unknown>;
    type ResponseCallback = (pdu: PDU) => void;
    type BodyFilter = {
      encode(this: unknown, value: unknown): unknown;
      decode(this: unknown, value: unknown, skipUdh?: unknown): unknown;
    };

    class PDU {
      constructor(command: string, options?: PduFields);
      command: string;
      command_id: number;
      command_status: number;
      sequence_number: number;
      [field: string]: unknown;
      isResponse(): boolean;
      response(options?: PduFields): PDU;
    }

    class Session extends EventEmitter {
      socket: Socket;
      /** False, and no callback ever, when the socket is no longer writable. */
      send(pdu: PDU, onResponse?: ResponseCallback, onSent?: ResponseCallback): boolean;
      close(callback?: () => void): void;
      destroy(callback?: () => void): void;
      pause(): void;
      resume(): void;
      bind_transceiver(options: PduFields, onResponse?: ResponseCallback): boolean;
      submit_sm(options: PduFields, onResponse?: ResponseCallback): boolean;
      deliver_sm(options: PduFields, onResponse?: ResponseCallback): boolean;
      enquire_link(options: PduFields, onResponse?: ResponseCallback): boolean;
      unbind(options: PduFields, onResponse?: ResponseCallback): boolean;
    }

    class Server extends NetServer {
      sessions: Session[];
    }

    function connect(options: { host: string; port: number }): Session;
    function createServer(options: Record<string, unknown>, listener?: (session: Session) => void): Server;

    const errors: Record<string, number>;
    const commands: Record<string, { id: number; params?: Record<string, { filter?: BodyFilter }> }>;
    const tlvs: Record<string, { id: number; filter?: BodyFilter }>;
  }

  export = smpp;
}

import { pino, type Logger } from 'pino';

export type { Logger };

/** JSON lines on stdout; one line per event, with a request id where there is one. */
export function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'passerelle' } });
}

import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';

/** The peer's address, for rate limits. Requests made in-process (tests) have no socket. */
export function clientAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'local';
  }
}

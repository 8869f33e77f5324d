import { z } from 'zod';

/** Where and how to bind: `smpp://system_id:password@host:port?system_type=&source=&window=&tps=`. */
export type SmppUrlOptions = z.infer<typeof smppUrlSchema>;

const smppUrlSchema = z.object({
  host: z.string().min(1, 'a host is required'),
  port: z.coerce.number().int().min(1).max(65535).default(2775),
  systemId: z.string().min(1, 'a system_id (the user name) is required').max(15, 'system_id has at most 15 characters'),
  password: z.string(),
  systemType: z.string().max(12).default(''),
  /** The sender of outgoing messages when a message names none (a short code or a name). */
  source: z.string().max(20).optional(),
  /** Outstanding submit_sm at most. */
  window: z.coerce.number().int().min(1).max(1000).default(10),
  /** submit_sm per second at most. */
  tps: z.coerce.number().positive().max(100_000).default(100),
});

/** Parses an SMSC address; throws an Error that names the problem (never the password). */
export function parseSmppUrl(url: string): SmppUrlOptions {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error('Invalid SMPP URL: expected smpp://system_id:password@host:port');
  }
  if (parsed.protocol !== 'smpp:') throw new Error(`Invalid SMPP URL: the scheme must be smpp:, not ${parsed.protocol}`);
  const q = readQuery(parsed.search);
  const result = smppUrlSchema.safeParse({
    host: parsed.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: parsed.port || undefined,
    systemId: decodeURIComponent(parsed.username),
    password: decodeURIComponent(parsed.password),
    systemType: q.get('system_type') ?? undefined,
    source: q.get('source') || undefined,
    window: q.get('window') ?? undefined,
    tps: q.get('tps') ?? undefined,
  });
  if (!result.success) {
    const reasons = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid SMPP URL: ${reasons}`);
  }
  return result.data;
}

/** Query values without URLSearchParams's form rule that turns "+" into a space: "?source=+227…" stays E.164. */
function readQuery(search: string): Map<string, string> {
  const values = new Map<string, string>();
  for (const pair of search.replace(/^\?/, '').split('&')) {
    if (!pair) continue;
    const at = pair.indexOf('=');
    const [key, value] = at < 0 ? [pair, ''] : [pair.slice(0, at), pair.slice(at + 1)];
    try {
      values.set(decodeURIComponent(key), decodeURIComponent(value));
    } catch {
      values.set(key, value);
    }
  }
  return values;
}

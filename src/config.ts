import path from 'node:path';
import { z } from 'zod';

/** The only reader of process.env. Everything else receives a Config. */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  PASSERELLE_DATA: z.string().default('./data'),
  DATABASE_URL: z.string().url().optional(),
  PASSERELLE_DEFAULT_LOCALE: z.enum(['fr', 'en', 'es', 'ar']).default('en'),
  PASSERELLE_DEMO: z.enum(['true', 'false']).default('true'),
  PASSERELLE_BASE_URL: z.string().url().optional(),
  PASSERELLE_SECURE_COOKIES: z.enum(['true', 'false']).optional(),
  PASSERELLE_EMBEDDINGS_URL: z.string().url().optional(),
  PASSERELLE_EMBEDDINGS_MODEL: z.string().default('default'),
  PASSERELLE_ANALYSIS_INTERVAL_MS: z.coerce.number().int().min(0).default(5000),
  PASSERELLE_WRITES_PER_MINUTE: z.coerce.number().int().min(1).default(60),
  PASSERELLE_SEARCH_CACHE: z.coerce.number().int().min(0).default(200),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SMPP_URL: z.string().regex(/^smpp:\/\//, 'expected smpp://system_id:password@host:port').optional(),
  AT_USERNAME: z.string().min(1).optional(),
  AT_API_KEY: z.string().min(1).optional(),
  AT_BASE_URL: z.string().url().optional(),
  AT_FROM: z.string().min(1).optional(),
  AT_WEBHOOK_SECRET: z.string().min(16).optional(),
  PASSERELLE_SMS_COUNTRY: z.string().regex(/^[A-Za-z]{2}$/, 'an ISO 3166 country code such as NE').optional(),
  PASSERELLE_SMS_REPLY_SEGMENTS: z.coerce.number().int().min(1).max(10).default(2),
  PASSERELLE_SMS_UNCERTAIN_GRACE_MS: z.coerce.number().int().min(0).default(120_000),
  PASSERELLE_SMS_PRICE: z.string().regex(/^\d+(\.\d+)? [A-Z]{3}$/, 'a price per segment and an ISO 4217 currency, e.g. "0.02 USD"').optional(),
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  defaultLocale: 'fr' | 'en' | 'es' | 'ar';
  loadDemo: boolean;
  baseUrl: string;
  secureCookies: boolean;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  /** An OpenAI-compatible embeddings endpoint of a local model; semantic reranking is off without it. */
  embeddings: { url: string; model: string } | null;
  /** How often stored opinion analyses are brought up to date with new votes; 0 turns it off. */
  analysisIntervalMs: number;
  /** Form posts and API writes allowed per minute per account, or per address for visitors not signed in. */
  writesPerMinute: number;
  /** Searches whose ranking, total and facet counts are kept in memory; 0 turns the cache off. */
  searchCacheEntries: number;
  sms: SmsConfig;
};

export type SmsConfig = {
  /** An SMSC to bind to (SMPP 3.4 transceiver); preferred over the HTTP gateway when both are set. */
  smppUrl: string | null;
  /** Africa's Talking's API and webhooks. */
  africasTalking: { username: string; apiKey: string; baseUrl?: string; from?: string; webhookSecret: string } | null;
  /** The country of numbers written without their international prefix. */
  country: string | null;
  /** Segments an answer may take before it is cut with "MORE". */
  replyBudget: number;
  /** How long a message whose fate is unknown waits for a delivery receipt before it is sent again. */
  uncertainGraceMs: number;
  /** What the operator charges per segment, for the alert form's cost estimate; unknown when null. */
  pricePerSegment: { amount: number; currency: string } | null;
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const baseUrl = e.PASSERELLE_BASE_URL ?? `http://localhost:${e.PORT}`;
  return {
    port: e.PORT,
    host: e.HOST,
    // "memory://" keeps the embedded database in memory (tests, trials); anything else is a folder.
    dataDir: e.PASSERELLE_DATA.startsWith('memory://') ? e.PASSERELLE_DATA : path.resolve(e.PASSERELLE_DATA),
    databaseUrl: e.DATABASE_URL,
    defaultLocale: e.PASSERELLE_DEFAULT_LOCALE,
    loadDemo: e.PASSERELLE_DEMO === 'true',
    baseUrl,
    secureCookies: e.PASSERELLE_SECURE_COOKIES ? e.PASSERELLE_SECURE_COOKIES === 'true' : baseUrl.startsWith('https:'),
    logLevel: e.LOG_LEVEL,
    embeddings: e.PASSERELLE_EMBEDDINGS_URL ? { url: e.PASSERELLE_EMBEDDINGS_URL, model: e.PASSERELLE_EMBEDDINGS_MODEL } : null,
    analysisIntervalMs: e.PASSERELLE_ANALYSIS_INTERVAL_MS,
    writesPerMinute: e.PASSERELLE_WRITES_PER_MINUTE,
    searchCacheEntries: e.PASSERELLE_SEARCH_CACHE,
    sms: {
      smppUrl: e.SMPP_URL ?? null,
      africasTalking: africasTalkingOf(e),
      country: e.PASSERELLE_SMS_COUNTRY?.toUpperCase() ?? null,
      replyBudget: e.PASSERELLE_SMS_REPLY_SEGMENTS,
      uncertainGraceMs: e.PASSERELLE_SMS_UNCERTAIN_GRACE_MS,
      pricePerSegment: e.PASSERELLE_SMS_PRICE ? { amount: Number(e.PASSERELLE_SMS_PRICE.split(' ')[0]), currency: e.PASSERELLE_SMS_PRICE.split(' ')[1]! } : null,
    },
  };
}

function africasTalkingOf(e: z.infer<typeof envSchema>): SmsConfig['africasTalking'] {
  if (!e.AT_USERNAME && !e.AT_API_KEY) return null;
  if (!e.AT_USERNAME || !e.AT_API_KEY || !e.AT_WEBHOOK_SECRET) {
    throw new Error('Invalid configuration:\n  AT_USERNAME, AT_API_KEY and AT_WEBHOOK_SECRET (16 characters or more) go together');
  }
  return { username: e.AT_USERNAME, apiKey: e.AT_API_KEY, baseUrl: e.AT_BASE_URL, from: e.AT_FROM, webhookSecret: e.AT_WEBHOOK_SECRET };
}

import { analyzeInThread } from './adapters/analysis-thread.js';
import { httpEmbeddings } from './adapters/http-embeddings.js';
import { createAfricasTalkingChannel } from './channels/sms/africastalking.channel.js';
import type { SmsChannel } from './channels/sms/sms.js';
import { createSmppChannel } from './channels/sms/smpp.channel.js';
import { parseSmppUrl } from './channels/sms/smpp-url.js';
import type { Config } from './config.js';
import { openDatabase, type Database, type Db } from './db/database.js';
import type { Analyze } from './domain/consultation/analysis.service.js';
import type { EmbeddingProvider } from './domain/matching/embeddings.js';
import { createSearchCache, type SearchCache } from './domain/search/search-cache.js';
import { systemClock, type Clock } from './lib/clock.js';
import { createLogger, type Logger } from './lib/logger.js';
import { createRateLimiter, type RateLimiter } from './lib/rate-limiter.js';
import { createInboundLimits, type InboundLimits } from './domain/subscribers/inbound-limits.js';

/** Everything a service may use, wired once. Services take `Pick<AppContext, ...>` of what they need. */
export type AppContext = {
  cfg: Config;
  database: Database;
  db: Db;
  clock: Clock;
  log: Logger;
  embeddings: EmbeddingProvider | null;
  /** Search rankings and facet counts, shared by the process's requests; null turns caching off. */
  searchCache: SearchCache | null;
  /** The opinion analysis, off the event loop (a worker thread) so that votes never wait for it. */
  analyze: Analyze;
  limits: { loginByAccount: RateLimiter; loginByAddress: RateLimiter; forms: RateLimiter };
  /** Per-number limits on text messages received. */
  smsLimits: InboundLimits;
  /** The text-message channel (SMPP or an HTTP gateway), or null when none is configured: messages wait in the outbox. */
  sms: SmsChannel | null;
  close(): Promise<void>;
};

export type ContextOverrides = Partial<Pick<AppContext, 'clock' | 'log' | 'database' | 'embeddings' | 'searchCache' | 'analyze' | 'sms'>>;

function smsChannelOf(cfg: Config, log: Logger): SmsChannel | null {
  if (cfg.sms.smppUrl) return createSmppChannel({ ...parseSmppUrl(cfg.sms.smppUrl), log });
  if (cfg.sms.africasTalking) return createAfricasTalkingChannel({ ...cfg.sms.africasTalking, log });
  return null;
}

export async function createAppContext(cfg: Config, overrides: ContextOverrides = {}): Promise<AppContext> {
  const clock = overrides.clock ?? systemClock;
  const log = overrides.log ?? createLogger(cfg.logLevel);
  const database = overrides.database ?? (await openDatabase({ databaseUrl: cfg.databaseUrl, dataDir: cfg.dataDir }));
  const fifteenMinutes = 15 * 60 * 1000;
  return {
    cfg,
    database,
    db: database.db,
    clock,
    log,
    embeddings: overrides.embeddings !== undefined ? overrides.embeddings : cfg.embeddings ? httpEmbeddings(cfg.embeddings) : null,
    searchCache: overrides.searchCache !== undefined ? overrides.searchCache : cfg.searchCacheEntries > 0 ? createSearchCache({ maxEntries: cfg.searchCacheEntries }) : null,
    analyze: overrides.analyze ?? ((input) => analyzeInThread(input)),
    limits: {
      loginByAccount: createRateLimiter({ limit: 5, windowMs: fifteenMinutes, clock }),
      loginByAddress: createRateLimiter({ limit: 30, windowMs: fifteenMinutes, clock }),
      forms: createRateLimiter({ limit: cfg.writesPerMinute, windowMs: 60 * 1000, clock }),
    },
    smsLimits: createInboundLimits({ clock }),
    sms: overrides.sms !== undefined ? overrides.sms : smsChannelOf(cfg, log),
    close: () => database.close(),
  };
}

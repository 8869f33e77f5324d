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
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
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
  };
}

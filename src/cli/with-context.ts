import { loadConfig } from '../config.js';
import { createAppContext, type AppContext } from '../context.js';
import { DomainError } from '../domain/errors.js';
import { createTranslator, translateFieldError } from '../web/i18n/i18n.js';

/**
 * Runs a one-off command with a context and closes it after. Domain errors print as readable
 * messages (in the node's default language) and exit with status 1; nothing half-done is left open.
 */
export async function withContext(run: (ctx: AppContext) => Promise<void>) {
  const cfg = loadConfig();
  const ctx = await createAppContext({ ...cfg, logLevel: cfg.logLevel === 'info' ? 'warn' : cfg.logLevel });
  try {
    await run(ctx);
  } catch (e) {
    if (!(e instanceof DomainError)) throw e;
    const t = createTranslator(cfg.defaultLocale);
    console.error(`error: ${t(e.message)}`);
    for (const [field, code] of Object.entries(e.fields)) console.error(`  ${field}: ${translateFieldError(t, code)}`);
    process.exitCode = 1;
  } finally {
    await ctx.close();
  }
}

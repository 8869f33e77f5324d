import { serve, type ServerType } from '@hono/node-server';
import type { Config } from './config.js';
import { createAppContext, type AppContext } from './context.js';
import { startAnalysisWorker } from './domain/consultation/analysis-worker.js';
import { isEmpty, seedDemo } from './domain/demo/demo.service.js';
import { startMessaging, type Messaging } from './messaging.js';
import { createApp } from './web/app.js';

export type RunningNode = { ctx: AppContext; server: ServerType; port: number; messaging: Messaging; stop(): Promise<void> };

/**
 * Opens the database, applies migrations, loads demo content into an empty node when configured,
 * serves the web interface, keeps opinion analyses up to date and runs text messaging (channel, alert
 * fan-out, outbox dispatcher) in the background. `stop` closes the listener first, lets requests in
 * flight finish, stops messaging and the analysis worker, then closes the database — the order that loses nothing.
 */
export async function startNode(cfg: Config): Promise<RunningNode> {
  const ctx = await createAppContext(cfg);
  await ctx.database.migrate();
  if (cfg.loadDemo && (await isEmpty(ctx))) {
    ctx.log.info('empty database: loading demo content');
    const summary = await seedDemo(ctx);
    ctx.log.info({ hubs: summary.hubs, practices: summary.practices }, 'demo content loaded');
  }
  const app = createApp(ctx);
  const server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: app.fetch, port: cfg.port, hostname: cfg.host }, () => resolve(s));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : cfg.port;
  const analyses = cfg.analysisIntervalMs > 0 ? startAnalysisWorker(ctx, { intervalMs: cfg.analysisIntervalMs }) : null;
  const messaging = startMessaging(ctx);
  ctx.log.info({ port, database: ctx.database.engine, dataDir: cfg.databaseUrl ? undefined : cfg.dataDir }, `Passerelle is listening on http://localhost:${port}`);
  let stopping: Promise<void> | null = null;
  const stop = () =>
    (stopping ??= (async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      // The workers finish what they are doing before the database closes under them; the dispatcher
      // records the fate of the messages in flight before the channel closes.
      await messaging.stop();
      await analyses?.stop();
      await ctx.close();
      ctx.log.info('stopped');
    })());
  return { ctx, server, port, messaging, stop };
}

import type { Command } from 'commander';
import { seedDemo } from '../../domain/demo/demo.service.js';
import { withContext } from '../with-context.js';
import { progressBar } from '../progress.js';

export function registerDb(program: Command) {
  program
    .command('migrate')
    .description('apply database migrations (also done by start)')
    .action(() =>
      withContext(async (ctx) => {
        await ctx.database.migrate();
        ctx.log.info({ database: ctx.database.engine }, 'migrations applied');
      }),
    );

  program
    .command('seed')
    .description('load the demo hubs, practices and accounts (records that exist are skipped)')
    .action(() =>
      withContext(async (ctx) => {
        await ctx.database.migrate();
        const bar = progressBar('demo');
        const summary = await seedDemo(ctx, bar.update);
        bar.stop();
        console.log(JSON.stringify({ hubs: summary.hubs, practices: summary.practices }, null, 2));
      }),
    );
}

import type { Command } from 'commander';
import { loadConfig } from '../../config.js';
import { startNode } from '../../main.js';

export function registerStart(program: Command) {
  program
    .command('start')
    .description('apply migrations, load demo content into an empty node, and serve the web interface')
    .option('--no-demo', 'do not load demo content into an empty database')
    .action(async (opts: { demo: boolean }) => {
      const cfg = loadConfig();
      const node = await startNode({ ...cfg, loadDemo: cfg.loadDemo && opts.demo });
      const shutdown = (signal: string) => {
        node.ctx.log.info({ signal }, 'shutting down');
        // A second signal while stopping means "now".
        process.once(signal, () => process.exit(1));
        node.stop().then(() => process.exit(0), () => process.exit(1));
      };
      process.once('SIGTERM', () => shutdown('SIGTERM'));
      process.once('SIGINT', () => shutdown('SIGINT'));
    });
}

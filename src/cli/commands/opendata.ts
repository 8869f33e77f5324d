import { readFile, writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { exportOpenData, hubsCsv, practicesCsv } from '../../domain/opendata/export.service.js';
import { importOpenData, parseOpenDataText } from '../../domain/opendata/import.service.js';
import { createTranslator, translateFieldError } from '../../web/i18n/i18n.js';
import { withContext } from '../with-context.js';
import { progressBar } from '../progress.js';

export function registerOpenData(program: Command) {
  program
    .command('export')
    .description('write published practices and hubs as open data (JSON, or CSV with --csv)')
    .option('-o, --out <file>', 'write to a file instead of standard output')
    .option('--csv <what>', 'CSV instead of JSON: "practices" or "hubs"')
    .action((opts: { out?: string; csv?: string }) =>
      withContext(async (ctx) => {
        await ctx.database.migrate();
        let text: string;
        if (opts.csv === 'practices') text = await practicesCsv(ctx, ctx.cfg.baseUrl);
        else if (opts.csv === 'hubs') text = await hubsCsv(ctx, ctx.cfg.baseUrl);
        else if (opts.csv) throw new Error('--csv takes "practices" or "hubs"');
        else text = `${JSON.stringify(await exportOpenData(ctx), null, 1)}\n`;
        if (opts.out) await writeFile(opts.out, text);
        else process.stdout.write(text);
      }),
    );

  program
    .command('import')
    .description('import an open-data JSON file; each record is validated and stored on its own, duplicates skipped')
    .argument('<file>', 'a file written by "passerelle export" (or by another node)')
    .action((file: string) =>
      withContext(async (ctx) => {
        await ctx.database.migrate();
        const data = parseOpenDataText(await readFile(file, 'utf8'));
        const bar = progressBar('import');
        const summary = await importOpenData(ctx, data, { onProgress: bar.update });
        bar.stop();
        console.log(`hubs: ${summary.hubs.imported} imported, ${summary.hubs.skipped} skipped, ${summary.hubs.rejected} rejected`);
        console.log(`practices: ${summary.practices.imported} imported, ${summary.practices.skipped} skipped, ${summary.practices.rejected} rejected`);
        const t = createTranslator(ctx.cfg.defaultLocale);
        for (const p of summary.problems) {
          const why = p.reason === 'duplicate' ? 'already exists' : Object.entries(p.fields).map(([f, c]) => `${f}: ${translateFieldError(t, c)}`).join('; ');
          console.log(`  ${p.kind} #${p.index}${p.id ? ` (${p.id})` : ''}: ${p.reason} — ${why}`);
        }
        if (summary.hubs.rejected + summary.practices.rejected > 0) process.exitCode = 2;
      }),
    );
}

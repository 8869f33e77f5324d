import { createInterface } from 'node:readline/promises';
import type { Command } from 'commander';
import { maskPhone, normalisePhone } from '../../domain/subscribers/phone.js';
import { exportSubscriber, forgetSubscriber } from '../../domain/subscribers/subscriber-admin.service.js';
import { SYSTEM_ACTOR } from '../../domain/subscribers/subscriber-permissions.js';
import { withContext } from '../with-context.js';

export function registerSubscriber(program: Command) {
  const subscriber = program.command('subscriber').description('answer requests about a phone number (access, erasure)');
  subscriber
    .command('export')
    .description('print everything held about a number as JSON: subscriber, subscriptions, consent log, block')
    .argument('<number>', 'the phone number, international (+227…) or national with --country')
    .option('--country <code>', 'ISO country of a national number')
    .action((number: string, opts: { country?: string }) =>
      withContext(async (ctx) => {
        await ctx.database.migrate();
        const held = await exportSubscriber(ctx, SYSTEM_ACTOR, number, opts.country);
        process.stdout.write(`${JSON.stringify(held, null, 2)}\n`);
      }),
    );

  subscriber
    .command('forget')
    .description('delete a number and everything held about it (subscriptions, consent log, block); keeps only counts in the log')
    .argument('<number>', 'the phone number, international (+227…) or national with --country')
    .option('--country <code>', 'ISO country of a national number')
    .option('--yes', 'do not ask for confirmation')
    .action((number: string, opts: { country?: string; yes?: boolean }) =>
      withContext(async (ctx) => {
        await ctx.database.migrate();
        const shown = maskPhone(normalisePhone(number, opts.country));
        if (!opts.yes && !(await confirm(`Forget ${shown} and everything held about it? This cannot be undone. [y/N] `))) {
          console.error(process.stdin.isTTY ? 'nothing forgotten' : 'error: not a terminal; add --yes to confirm');
          process.exitCode = 1;
          return;
        }
        const n = await forgetSubscriber(ctx, SYSTEM_ACTOR, number, opts.country);
        console.log(`forgotten ${shown}: ${n.subscriber} subscriber, ${n.subscriptions} subscriptions, ${n.consentEvents} consent events, ${n.block} block`);
      }),
    );
}

async function confirm(question: string): Promise<boolean> {
  if (!process.stdin.isTTY) return false;
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return /^y(es)?$/i.test((await rl.question(question)).trim());
  } finally {
    rl.close();
  }
}

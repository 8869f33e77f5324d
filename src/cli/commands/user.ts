import type { Command } from 'commander';
import { createUser } from '../../domain/accounts/accounts.service.js';
import { ROLES } from '../../domain/taxonomy/index.js';
import { withContext } from '../with-context.js';

export function registerUser(program: Command) {
  const user = program.command('user').description('manage accounts');
  user
    .command('add')
    .description('create an account (the first admin is made this way)')
    .requiredOption('--email <email>', 'e-mail address, used to sign in')
    .requiredOption('--role <role>', `one of: ${ROLES.join(', ')}`)
    .option('--name <name>', 'display name (defaults to the e-mail)')
    .option('--hub <id...>', 'hub ids a coordinator runs')
    .option('--password-stdin', 'read the password from standard input instead of PASSERELLE_PASSWORD')
    .action((opts: { email: string; role: string; name?: string; hub?: string[]; passwordStdin?: boolean }) =>
      withContext(async (ctx) => {
        await ctx.database.migrate();
        const password = opts.passwordStdin ? (await readStdin()).trim() : process.env.PASSERELLE_PASSWORD ?? '';
        if (!password) {
          console.error('error: give the password with --password-stdin or PASSERELLE_PASSWORD');
          process.exitCode = 1;
          return;
        }
        const created = await createUser(ctx, { email: opts.email, role: opts.role as never, displayName: opts.name ?? opts.email, password, hubIds: opts.hub ?? [] });
        console.log(`created ${created.role} ${created.email} (${created.id})`);
      }),
    );
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

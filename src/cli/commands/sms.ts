import { Option, type Command } from 'commander';
import { z } from 'zod';
import { startLocalSmsc, type SmscAccount, type SmscLogEntry } from '../../channels/sms/local-smsc.js';
import { ChannelError } from '../../channels/sms/sms.js';
import { createSmppChannel, parseSmppUrl } from '../../channels/sms/smpp.channel.js';
import { createLogger } from '../../lib/logger.js';

const DEFAULT_ACCOUNTS = 'passerelle:passerelle,phone:phone';
const DEFAULT_SMSC = 'smpp://phone:phone@127.0.0.1:2775';
// The node's short code will come from its configuration once the SMS settings exist there.
const DEFAULT_TO = 'PASSERELLE';

const portSchema = z.coerce.number().int().min(0).max(65535);
const waitSchema = z.coerce.number().min(0).max(3600);
const numberSchema = z.string().regex(/^\+\d{6,15}$/);
const accountsSchema = z
  .string()
  .transform((s) => s.split(',').map((pair) => pair.trim()).filter(Boolean))
  .pipe(z.array(z.string().regex(/^[^:\s]{1,15}:\S*$/)).min(1))
  .transform((pairs) => pairs.map((pair): SmscAccount => ({ systemId: pair.slice(0, pair.indexOf(':')), password: pair.slice(pair.indexOf(':') + 1) })));

function fail(message: string) {
  console.error(`error: ${message}`);
  process.exitCode = 1;
}

const describeEntry = (e: SmscLogEntry) =>
  `${e.from || '(default sender)'} → ${e.to}${e.udh ? ` [${e.udh.part}/${e.udh.total}]` : ''}: ${e.text ?? `(binary, data_coding ${e.dataCoding})`}`;

export function registerSms(program: Command) {
  program
    .command('smsc')
    .description('run a local SMSC (SMPP 3.4) for development and trials: nodes and handsets bind to it')
    .option('--port <port>', 'port to listen on (0: any free port)', '2775')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--log <file>', 'append every accepted message segment to this file, one JSON line each')
    .addOption(
      new Option('--accounts <list>', 'logins as system_id:password, comma-separated; a system_id starting with "phone" is a handset')
        .env('PASSERELLE_SMSC_ACCOUNTS')
        .default(DEFAULT_ACCOUNTS),
    )
    .option('--quiet', 'do not print each accepted message')
    .action(async (opts: { port: string; host: string; log?: string; accounts: string; quiet?: boolean }) => {
      const port = portSchema.safeParse(opts.port);
      if (!port.success) return fail('--port takes a number from 0 to 65535.');
      const accounts = accountsSchema.safeParse(opts.accounts);
      if (!accounts.success) return fail('--accounts takes system_id:password pairs separated by commas.');
      const smsc = await startLocalSmsc({
        port: port.data,
        host: opts.host,
        accounts: accounts.data,
        log: opts.log,
        onAccepted: opts.quiet ? undefined : (e) => console.log(describeEntry(e)),
      });
      const where = `${smsc.host}:${smsc.port}`;
      console.log(`local SMSC listening on smpp://${where}`);
      for (const a of accounts.data) {
        const url = `smpp://${encodeURIComponent(a.systemId)}:${encodeURIComponent(a.password)}@${where}`;
        console.log(/^phone/i.test(a.systemId) ? `  handsets: passerelle sms send --smsc ${url} --from +22790000001 "HELP"` : `  node:     SMPP_URL=${url}`);
      }
      if (opts.log) console.log(`  log:      ${opts.log}`);
      const stop = () => void smsc.close().then(() => process.exit(0));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });

  const sms = program.command('sms').description('text messages');
  sms
    .command('send')
    .description('send a text as a handset through an SMSC (the local one by default) and print the replies')
    .requiredOption('--from <number>', 'the handset\'s number, E.164 (+22790000001)')
    .option('--to <address>', 'the node\'s short code or name', DEFAULT_TO)
    .option('--smsc <url>', 'the SMSC to bind to, with a handset account', DEFAULT_SMSC)
    .option('--wait <seconds>', 'how long to wait for replies', '10')
    .argument('<text...>', 'the message')
    .action(async (words: string[], opts: { from: string; to: string; smsc: string; wait: string }) => {
      const from = numberSchema.safeParse(opts.from);
      if (!from.success) return fail('--from takes an E.164 number such as +22790000001.');
      const wait = waitSchema.safeParse(opts.wait);
      if (!wait.success) return fail('--wait takes a number of seconds (at most 3600).');
      let url;
      try {
        url = parseSmppUrl(opts.smsc);
      } catch (e) {
        return fail((e as Error).message);
      }
      const text = words.join(' ');
      const channel = createSmppChannel({ ...url, source: from.data, addressRange: from.data, window: 1, log: createLogger('silent'), reconnect: { initialMs: 200, maxMs: 1_000 } });
      await channel.start({
        onInbound: async (m) => void console.log(`← ${m.from}: ${m.text}`),
        onReceipt: async () => undefined,
      });
      try {
        if (!(await channel.waitUntilConnected(5_000))) return fail(`could not bind to the SMSC at ${url.host}:${url.port} as ${url.systemId} (is \`passerelle smsc\` running?)`);
        const { messageIds } = await channel.send({ ref: `cli-${Date.now()}`, to: opts.to, text });
        console.log(`→ ${opts.to}: ${text} (${messageIds.length} segment${messageIds.length > 1 ? 's' : ''})`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, wait.data * 1000);
          process.once('SIGINT', () => {
            clearTimeout(timer);
            resolve();
          });
        });
      } catch (e) {
        if (!(e instanceof ChannelError)) throw e;
        fail(e.message);
      } finally {
        await channel.close();
      }
    });
}

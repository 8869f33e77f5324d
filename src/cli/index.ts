import { Command } from 'commander';
import { registerConsult } from './commands/consult.js';
import { registerDb } from './commands/db.js';
import { registerOpenData } from './commands/opendata.js';
import { registerSms } from './commands/sms.js';
import { registerStart } from './commands/start.js';
import { registerSubscriber } from './commands/subscriber.js';
import { registerUser } from './commands/user.js';

/** `passerelle` — one entry point for the node. Configuration comes from the environment (see README). */
const program = new Command('passerelle')
  .description('Passerelle: knowledge commons and consultation for a network of community hubs')
  .showHelpAfterError();

registerStart(program);
registerDb(program);
registerUser(program);
registerOpenData(program);
registerConsult(program);
registerSms(program);
registerSubscriber(program);

await program.parseAsync(process.argv);

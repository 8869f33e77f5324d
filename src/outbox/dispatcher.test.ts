import { describe, expect, it } from 'vitest';
import { useTestContext } from '../../test/context.js';
import type { OutboundSms, SmsChannel } from '../channels/sms/sms.js';
import type { Db } from '../db/database.js';
import { outboxMessages, smsSubmissions } from '../db/schema/index.js';
import { createLogger } from '../lib/logger.js';
import { startDispatcher } from './dispatcher.js';
import { enqueue } from './outbox.repo.js';

const t = useTestContext();

/** Stands in for the SMSC: accepts everything, one id per piece (pieces cut at "|"). */
function acceptingChannel() {
  const sent: OutboundSms[] = [];
  const channel: SmsChannel = {
    name: 'smpp',
    start: async () => {},
    send: async (m) => {
      sent.push(m);
      return { messageIds: m.text.split('|').map((_, i) => `${m.ref}-${i + 1}`) };
    },
    piecesOf: (text) => text.split('|'),
    isConnected: () => true,
    close: async () => {},
  };
  return { channel, sent };
}

/** The database, whose first `failures` transactions fail as a deadlock would. */
function failingTransactions(db: Db, failures: number): Db {
  let left = failures;
  return new Proxy(db, {
    get(target, key, receiver) {
      if (key !== 'transaction') return Reflect.get(target, key, receiver);
      return (...args: Parameters<Db['transaction']>) => {
        if (left-- > 0) return Promise.reject(new Error('deadlock detected'));
        return target.transaction(...args);
      };
    },
  });
}

describe('dispatcher', () => {
  it('keeps results it could not write and writes them at the next flush, so no message stays `sending`', async () => {
    await enqueue(t.ctx.db, [{ dedupeKey: 'd:1', purpose: 'reply', toNumber: '+22790000401', lang: 'fr', body: 'Bonjour|suite', parts: 2 }], t.clock.now());
    const { channel, sent } = acceptingChannel();
    const dispatcher = startDispatcher({ db: failingTransactions(t.ctx.db, 2), clock: t.clock, log: createLogger('silent') }, channel, { pollMs: 5, flushMs: 5 });
    await dispatcher.ready;
    await dispatcher.drained();
    await dispatcher.stop();
    expect(sent).toHaveLength(1);
    expect((await t.ctx.db.select().from(outboxMessages)).map((m) => m.status)).toEqual(['sent']);
    expect((await t.ctx.db.select().from(smsSubmissions)).map((s) => `${s.smscId}:${s.part}`).sort()).toEqual([`${sent[0]!.ref}-1:1`, `${sent[0]!.ref}-2:2`]);
  });
});

import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestContext } from '../../test/context.js';
import { outboxMessages, smsSubmissions } from '../db/schema/index.js';
import { applyReceipts, claimDue, enqueue, settle } from './outbox.repo.js';
import { createReceiptBatcher } from './receipt-batcher.js';

const t = useTestContext();

async function sentMessages(n: number) {
  const at = t.clock.now();
  await enqueue(t.ctx.db, Array.from({ length: n }, (_, i) => ({ dedupeKey: `r:${i}`, purpose: 'reply' as const, toNumber: `+2279000010${i}`, lang: 'fr', body: `Message ${i}`, parts: 1 })), at);
  const claimed = await claimDue(t.ctx.db, at, n);
  await settle(t.ctx.db, claimed.map((m, i) => ({ id: m.id, kind: 'sent' as const, smscIds: [`smsc-${i}`] })), at);
  return claimed;
}

const statusOf = async () => new Map((await t.ctx.db.select().from(outboxMessages)).map((m) => [m.dedupeKey, m.status]));

describe('delivery receipts in batches', () => {
  it('marks delivered and failed messages as one receipt at a time would, and matches an unknown id by number', async () => {
    const [, , third] = await sentMessages(3);
    // The third message's submission was never recorded (the node died before): its receipt has an unknown id.
    await t.ctx.db.delete(smsSubmissions).where(eq(smsSubmissions.messageId, third!.id));
    await t.ctx.db.update(outboxMessages).set({ status: 'uncertain', lastError: 'interrupted while sending' }).where(eq(outboxMessages.id, third!.id));
    const at = t.clock.now();
    await applyReceipts(t.ctx.db, [
      { smscId: 'smsc-0', state: 'delivered', at },
      { smscId: 'smsc-1', state: 'expired', errorCode: '027', at },
      { smscId: 'smsc-x', state: 'delivered', phone: '+22790000102', text: 'Message 2', at },
      { smscId: 'nobody', state: 'delivered', phone: '+22799999999', at },
    ]);
    expect(Object.fromEntries(await statusOf())).toEqual({ 'r:0': 'delivered', 'r:1': 'failed', 'r:2': 'delivered' });
    const states = Object.fromEntries((await t.ctx.db.select().from(smsSubmissions)).map((s) => [s.smscId, `${s.state}/${s.errorCode}`]));
    expect(states).toEqual({ 'smsc-0': 'delivered/null', 'smsc-1': 'expired/027', 'smsc-x': 'delivered/null' });
  });

  it('resolves each receipt only once it is stored, in batches', async () => {
    await sentMessages(5);
    const batcher = createReceiptBatcher(t.ctx.db, { maxBatch: 2, maxWaitMs: 10 });
    await Promise.all([0, 1, 2, 3, 4].map((i) => batcher.add({ smscId: `smsc-${i}`, state: 'delivered', at: t.clock.now() })));
    expect([...(await statusOf()).values()]).toEqual(['delivered', 'delivered', 'delivered', 'delivered', 'delivered']);
    await batcher.drain();
  });

  it('matches a receipt with an unknown id only to an uncertain message to its own number', async () => {
    const [first, second] = await sentMessages(2);
    // Both answers were lost: neither submission is recorded.
    await t.ctx.db.delete(smsSubmissions);
    await t.ctx.db.update(outboxMessages).set({ status: 'uncertain', lastError: 'link_down' });
    await applyReceipts(t.ctx.db, [{ smscId: 'smsc-late', state: 'delivered', phone: '+22790000101', at: t.clock.now() }]);
    const byId = new Map((await t.ctx.db.select().from(outboxMessages)).map((m) => [m.id, m.status]));
    expect(byId.get(second!.id)).toBe('delivered');
    // The other number's message stays uncertain: the SMSC may never have had it, so it must be resent.
    expect(byId.get(first!.id)).toBe('uncertain');
  });

  it('has the SMSC deliver again a receipt that comes before its message\'s ids are recorded', async () => {
    const at = t.clock.now();
    await enqueue(t.ctx.db, [{ dedupeKey: 'early', purpose: 'reply', toNumber: '+22790000200', lang: 'fr', body: 'Vite', parts: 1 }], at);
    const [m] = await claimDue(t.ctx.db, at, 1);
    const batcher = createReceiptBatcher(t.ctx.db, { maxWaitMs: 5 });
    const early = { smscId: 'smsc-early', state: 'delivered', phone: '+22790000200', at };
    await expect(batcher.add(early)).rejects.toThrow('deliver again');
    // The answer is recorded; the SMSC's next try settles the message.
    await settle(t.ctx.db, [{ id: m!.id, kind: 'sent', smscIds: ['smsc-early'] }], at);
    await batcher.add(early);
    expect((await statusOf()).get('early')).toBe('delivered');
  });
});

import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestContext } from '../../test/context.js';
import { outboxMessages, smsSubmissions } from '../db/schema/index.js';
import { acceptedParts, claimDue, enqueue, requeueUnconfirmed, settle } from './outbox.repo.js';
import { applyReceipts as applyAll, type Receipt } from './receipts.repo.js';
import { createReceiptBatcher } from './receipt-batcher.js';

const t = useTestContext();
// Pieces as an SMPP channel cuts them; here a text is cut at each "|" so that tests can see the parts.
const piecesOf = (text: string) => text.split('|');
const applyReceipts = (db: typeof t.ctx.db, receipts: Receipt[]) => applyAll(db, receipts, piecesOf);

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
    const batcher = createReceiptBatcher(t.ctx.db, piecesOf, { maxBatch: 2, maxWaitMs: 10 });
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
    const batcher = createReceiptBatcher(t.ctx.db, piecesOf, { maxWaitMs: 5 });
    const early = { smscId: 'smsc-early', state: 'delivered', phone: '+22790000200', at };
    await expect(batcher.add(early)).rejects.toThrow('deliver again');
    // The answer is recorded; the SMSC's next try settles the message.
    await settle(t.ctx.db, [{ id: m!.id, kind: 'sent', smscIds: ['smsc-early'] }], at);
    await batcher.add(early);
    expect((await statusOf()).get('early')).toBe('delivered');
  });

  it('does not settle a two-part message with the receipt of its first part; the next attempt has only the second part to send', async () => {
    const at = t.clock.now();
    await enqueue(t.ctx.db, [{ dedupeKey: 'half', purpose: 'alert', toNumber: '+22790000300', lang: 'fr', body: 'Alerte criquets a Agadez |protegez les semences', parts: 2 }], at);
    const [m] = await claimDue(t.ctx.db, at, 1);
    // The link dropped after the SMSC accepted part 1 and before part 2 was answered.
    await settle(t.ctx.db, [{ id: m!.id, kind: 'uncertain', error: 'link_down: lost', accepted: [{ part: 1, smscId: 'smsc-p1' }] }], at);
    await applyReceipts(t.ctx.db, [{ smscId: 'smsc-p1', state: 'delivered', phone: '+22790000300', at }]);
    expect((await statusOf()).get('half')).toBe('uncertain');
    t.clock.advance(1_000);
    expect(await requeueUnconfirmed(t.ctx.db, t.clock.now(), t.clock.now())).toBe(1);
    const [again] = await claimDue(t.ctx.db, t.clock.now(), 1);
    expect((await acceptedParts(t.ctx.db, [again!.id])).get(again!.id)).toEqual([{ part: 1, smscId: 'smsc-p1' }]);
    await settle(t.ctx.db, [{ id: again!.id, kind: 'sent', smscIds: ['smsc-p1', 'smsc-p2'] }], t.clock.now());
    await applyReceipts(t.ctx.db, [{ smscId: 'smsc-p2', state: 'delivered', at: t.clock.now() }]);
    expect((await statusOf()).get('half')).toBe('delivered');
  });

  it('tells the parts of a message whose ids were never recorded apart by their echoed text, and sends it only once both have come', async () => {
    const at = t.clock.now();
    await enqueue(t.ctx.db, [{ dedupeKey: 'orphan', purpose: 'alert', toNumber: '+22790000301', lang: 'fr', body: 'Alerte criquets a Agadez |protegez les semences', parts: 2 }], at);
    await claimDue(t.ctx.db, at, 1);
    await t.ctx.db.update(outboxMessages).set({ status: 'uncertain', lastError: 'interrupted while sending' });
    await applyReceipts(t.ctx.db, [{ smscId: 'u-2', state: 'delivered', phone: '+22790000301', text: 'protegez les sem', at }]);
    expect((await statusOf()).get('orphan')).toBe('uncertain');
    // The same part's receipt again (the SMSC repeats itself) does not count as the other part.
    await applyReceipts(t.ctx.db, [{ smscId: 'u-2b', state: 'delivered', phone: '+22790000301', text: 'protegez les sem', at }]);
    expect((await statusOf()).get('orphan')).toBe('uncertain');
    await applyReceipts(t.ctx.db, [{ smscId: 'u-1', state: 'delivered', phone: '+22790000301', text: 'Alerte criquets a Ag', at }]);
    expect((await statusOf()).get('orphan')).toBe('delivered');
    const parts = (await t.ctx.db.select().from(smsSubmissions)).map((s) => `${s.smscId}:${s.part}`).sort();
    expect(parts).toEqual(['u-1:1', 'u-2:2']);
  });
});

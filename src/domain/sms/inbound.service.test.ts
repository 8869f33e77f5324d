import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestContext } from '../../../test/context.js';
import { inboundMessages, outboxMessages, subscribers } from '../../db/schema/index.js';
import { createInboundLimits } from '../subscribers/inbound-limits.js';
import { handleInbound, type InboundDeps } from './inbound.service.js';

const t = useTestContext();
const deps = (): InboundDeps => ({ ...t.ctx, smsLimits: createInboundLimits(t.ctx), cfg: { ...t.ctx.cfg, sms: { ...t.ctx.cfg.sms, country: 'NE' } } });
const sms = (from: string, text: string) => ({ from, to: 'PASSERELLE', text, receivedAt: t.clock.now(), channel: 'smpp' as const });

async function replies() {
  return (await t.ctx.db.select().from(outboxMessages).orderBy(outboxMessages.seq)).map((m) => m.body);
}

describe('handleInbound', () => {
  it('stores every message and answers once through the outbox; the same message delivered again is not answered twice', async () => {
    const ctx = deps();
    expect(await handleInbound(ctx, sms('+22790000001', 'AIDE'))).toMatchObject({ outcome: 'answered' });
    // The SMSC delivers it again: the node died after queuing the answer, before recording that it had finished.
    await t.ctx.db.update(inboundMessages).set({ outcome: 'received' });
    await handleInbound(ctx, sms('+22790000001', 'AIDE'));
    expect(await t.ctx.db.select().from(inboundMessages)).toHaveLength(1);
    expect(await replies()).toHaveLength(1);
  });

  it('reads local numbers in the node’s country, ignores numbers in no known format, and blocked numbers', async () => {
    const ctx = deps();
    expect(await handleInbound(ctx, sms('90000002', 'HELP'))).toMatchObject({ outcome: 'answered' });
    expect((await t.ctx.db.select().from(outboxMessages))[0]!.toNumber).toBe('+22790000002');
    expect(await handleInbound(ctx, sms('hello', 'HELP'))).toMatchObject({ outcome: 'invalid_number' });
    expect(await handleInbound(ctx, sms('+1', 'x'.repeat(5000)))).toMatchObject({ outcome: 'invalid_number' });
    const stored = await t.ctx.db.select().from(inboundMessages);
    expect(stored.map((m) => m.body.length).sort((a, b) => a - b)).toEqual([4, 4, 2000]);
  });

  it('stops answering a flood from one number, but STOP still takes effect', async () => {
    const ctx = deps();
    await handleInbound(ctx, sms('+22790000003', 'SUB drought Niger'));
    for (let i = 0; i < 10; i++) await handleInbound(ctx, sms('+22790000003', `FIND water ${i}`));
    const outcomes = await t.ctx.db.select({ outcome: inboundMessages.outcome }).from(inboundMessages);
    expect(outcomes.filter((o) => o.outcome === 'rate_limited')).toHaveLength(6);
    expect(await handleInbound(ctx, sms('+22790000003', 'STOP'))).toMatchObject({ outcome: 'answered' });
    const [s] = await t.ctx.db.select().from(subscribers).where(eq(subscribers.phone, '+22790000003'));
    expect(s?.status).toBe('opted_out');
  });

  it('answers control characters, binary-looking and right-to-left text without failing', async () => {
    const ctx = deps();
    for (const text of ['\u0000\u0001\u0002', 'مساعدة', '\uFFFD\uFFFD', '   ', 'LANGUE ar']) {
      expect((await handleInbound(ctx, sms('+22790000004', text))).outcome).toBe('answered');
    }
    const bodies = await replies();
    expect(bodies).toHaveLength(5);
    expect(bodies[4]).toMatch(/[\u0600-\u06FF]/);
  });

  it('continues a long answer with MORE, in the language it was written in', async () => {
    const ctx = deps();
    await handleInbound(ctx, sms('+22790000005', 'PLUS'));
    expect((await replies())[0]).toMatch(/Rien d.autre|rien/i);
  });
});

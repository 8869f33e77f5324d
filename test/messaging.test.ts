import { eq, sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import type { LocalSmsc } from '../src/channels/sms/local-smsc.js';
import type { AppContext } from '../src/context.js';
import { hubs, outboxMessages, smsSubmissions, subscribers } from '../src/db/schema/index.js';
import { alertProgress, changeAlert, createAlert, decideAlert } from '../src/domain/alerts/alerts.service.js';
import { startMessaging, type Messaging } from '../src/messaging.js';
import { enqueue } from '../src/outbox/outbox.repo.js';
import { useTestContext } from './context.js';
import { makeHub, makePractice, makeUser } from './factories.js';
import { nodeChannel, startTestSmsc, waitFor } from './smsc.js';

const t = useTestContext();
const NUMBER = '+22790000001';
let smsc: LocalSmsc | null = null;
let messaging: Messaging | null = null;

async function start(options: { receiptDelayMs?: number; graceMs?: number } = {}) {
  smsc = await startTestSmsc({ receiptDelayMs: options.receiptDelayMs ?? 5 });
  const channel = nodeChannel(smsc);
  const ctx: AppContext = { ...t.ctx, sms: channel, cfg: { ...t.ctx.cfg, sms: { ...t.ctx.cfg.sms, country: 'NE', uncertainGraceMs: options.graceMs ?? 60_000 } } };
  messaging = startMessaging(ctx, { fanoutIntervalMs: 20, dispatcherPollMs: 10 });
  await channel.waitUntilConnected(2_000);
  return { ctx, smsc };
}

afterEach(async () => {
  await messaging?.stop();
  await smsc?.close();
  messaging = null;
  smsc = null;
});

const to = (number: string) => smsc!.submitted().filter((e) => e.to === number.replace(/^\+/, '') || e.to === number);
const textsTo = (number: string) => to(number).map((e) => e.text ?? '');

async function statuses() {
  return (await t.ctx.db.select({ status: outboxMessages.status, purpose: outboxMessages.purpose }).from(outboxMessages)).map((r) => `${r.purpose}:${r.status}`).sort();
}

describe('text messages end to end, over a local SMSC', () => {
  it('subscribes by SMS, answers FIND and INFO, and stops at once', async () => {
    await makeHub(t.ctx, { country: 'NE', adminArea: 'Maradi' });
    const practice = await makePractice(t.ctx, { text: { title: 'Lutte contre le paludisme par la radio', summary: 'Des émissions en haoussa.', problem: 'p', context: 'c', approach: [], results: [], lessons: 'l' } });
    await start();

    await smsc!.deliver(NUMBER, 'PASSERELLE', 'ABONNER secheresse Maradi');
    await waitFor(() => textsTo(NUMBER).length === 1, 'the SUB answer');
    expect(textsTo(NUMBER)[0]).toMatch(/Maradi/);
    const [subscriber] = await t.ctx.db.select().from(subscribers).where(eq(subscribers.phone, NUMBER));
    expect(subscriber?.language).toBe('fr');

    await smsc!.deliver(NUMBER, 'PASSERELLE', 'CHERCHER paludisme');
    await waitFor(() => textsTo(NUMBER).length === 2, 'the FIND answer');
    const code = practice.id.slice(-8).toUpperCase();
    expect(textsTo(NUMBER)[1]).toContain(code);

    await smsc!.deliver(NUMBER, 'PASSERELLE', `INFO ${code.toLowerCase()}`);
    await waitFor(() => textsTo(NUMBER).length === 3, 'the INFO answer');
    expect(textsTo(NUMBER)[2]).toContain('haoussa');

    await smsc!.deliver(NUMBER, 'PASSERELLE', 'ARRÊT');
    await waitFor(() => textsTo(NUMBER).length === 4, 'the STOP answer');
    const [stopped] = await t.ctx.db.select().from(subscribers).where(eq(subscribers.phone, NUMBER));
    expect(stopped?.status).toBe('opted_out');
  });

  it('answers bad input safely: empty, 1,000 characters, an unknown number format', async () => {
    await start();
    await smsc!.deliver(NUMBER, 'PASSERELLE', '');
    await smsc!.deliver('+22790000002', 'PASSERELLE', 'x'.repeat(1000));
    await smsc!.deliver('not-a-number', 'PASSERELLE', 'HELP');
    await waitFor(() => textsTo(NUMBER).length === 1 && textsTo('+22790000002').length >= 1, 'two answers');
    expect(to('not-a-number')).toHaveLength(0);
  });

  it('sends an approved alert once to each matching subscriber, in their language, and to hub coordinators', async () => {
    const hub = await makeHub(t.ctx, { country: 'NE', adminArea: 'Maradi' });
    await t.ctx.db.update(hubs).set({ contactPhone: '+22796000000' }).where(eq(hubs.id, hub.id));
    await start();
    for (const [n, text] of [['+22790000011', 'ABONNER secheresse Maradi'], ['+22790000012', 'SUB drought Niger'], ['+22790000013', 'SUB flood Maradi']] as const) {
      await smsc!.deliver(n, 'PASSERELLE', text);
    }
    await waitFor(() => smsc!.submitted().length === 3, 'three SUB answers');

    const author = (await makeUser(t.ctx, 'curator')).actor;
    const approver = (await makeUser(t.ctx, 'admin')).actor;
    const alert = await createAlert(t.ctx, author, {
      category: 'drought', severity: 'Severe', urgency: 'Expected', certainty: 'Likely', adminAreas: ['NE:maradi'],
      effectiveAt: '2026-06-01T00:00:00Z', expiresAt: '2026-06-10T00:00:00Z', originalLanguage: 'fr',
      texts: {
        fr: { headline: 'Sécheresse', description: 'Pluies en retard.', sms: 'Alerte secheresse Maradi: protegez les semences.' },
        en: { headline: 'Drought', description: 'Rains are late.', sms: 'Drought warning Maradi: protect seed stocks.' },
      },
    });
    await expect(decideAlert(t.ctx, author, alert.id, { decision: 'approve' })).rejects.toThrow('alerts.author_cannot_approve');
    await decideAlert(t.ctx, approver, alert.id, { decision: 'approve' });
    messaging!.wakeFanout();

    await waitFor(() => smsc!.submitted().length === 6, 'two subscribers and one coordinator');
    expect(textsTo('+22790000011')[1]).toBe('Alerte secheresse Maradi: protegez les semences.');
    expect(textsTo('+22790000012')[1]).toBe('Drought warning Maradi: protect seed stocks.');
    expect(textsTo('+22790000013')).toHaveLength(1);
    expect(textsTo('+22796000000')).toEqual(['Alerte secheresse Maradi: protegez les semences.']);
    await messaging!.dispatcher!.drained();
    const progress = await alertProgress(t.ctx, approver, alert.id);
    expect(progress.dispatch).toBe('done');
    expect(progress.total).toBe(3);
  });

  it('sends an Update and a Cancel to the people the alert reached, not to later subscribers', async () => {
    await makeHub(t.ctx, { country: 'NE', adminArea: 'Maradi' });
    await start();
    await smsc!.deliver('+22790000041', 'PASSERELLE', 'ABONNER criquets Maradi');
    await waitFor(() => smsc!.submitted().length === 1, 'the SUB answer');
    const author = (await makeUser(t.ctx, 'coordinator')).actor;
    const approver = (await makeUser(t.ctx, 'curator')).actor;
    const base = {
      category: 'locusts', severity: 'Severe', urgency: 'Immediate', certainty: 'Observed', adminAreas: ['NE:maradi'],
      effectiveAt: new Date(t.clock.now().getTime() - 3600_000).toISOString(), expiresAt: new Date(t.clock.now().getTime() + 86_400_000).toISOString(), originalLanguage: 'fr',
    };
    const alert = await createAlert(t.ctx, author, { ...base, texts: { fr: { headline: 'Criquets', description: 'Essaims signalés.', sms: 'Criquets signales pres de Maradi.' } } });
    await decideAlert(t.ctx, approver, alert.id, { decision: 'approve' });
    messaging!.wakeFanout();
    await waitFor(() => textsTo('+22790000041').length === 2, 'the alert');

    // Someone subscribes after the alert went out: the Update is not for them.
    await smsc!.deliver('+22790000042', 'PASSERELLE', 'ABONNER criquets Maradi');
    await waitFor(() => textsTo('+22790000042').length === 1, 'the second SUB answer');
    const update = await changeAlert(t.ctx, author, alert.id, { msgType: 'Update', alert: { ...base, texts: { fr: { headline: 'Criquets', description: 'Essaims plus au sud.', sms: 'Mise a jour: criquets au sud de Maradi.' } } } });
    await decideAlert(t.ctx, approver, update.id, { decision: 'approve' });
    messaging!.wakeFanout();
    await waitFor(() => textsTo('+22790000041').length === 3, 'the update');
    const cancel = await changeAlert(t.ctx, author, update.id, { msgType: 'Cancel', alert: { ...base, texts: { fr: { headline: 'Fin', description: 'Les essaims sont partis.', sms: 'Fin de l alerte criquets.' } } } });
    await decideAlert(t.ctx, approver, cancel.id, { decision: 'approve' });
    messaging!.wakeFanout();
    await waitFor(() => textsTo('+22790000041').length === 4, 'the cancellation');
    await messaging!.dispatcher!.drained();
    expect(textsTo('+22790000041').slice(1)).toEqual(['Criquets signales pres de Maradi.', 'Mise a jour: criquets au sud de Maradi.', 'Fin de l alerte criquets.']);
    expect(textsTo('+22790000042')).toHaveLength(1);
  });

  it('keeps a message whose answer was lost from being sent twice: a receipt settles it', async () => {
    const { ctx } = await start({ receiptDelayMs: 100 });
    await enqueue(ctx.db, [{ dedupeKey: 'test:1', purpose: 'reply', toNumber: '+22790000021', lang: 'fr', body: 'Bonjour de Passerelle', parts: 1 }], t.clock.now());
    messaging!.dispatcher!.wake();
    await waitFor(() => to('+22790000021').length === 1, 'the message at the SMSC');
    await messaging!.dispatcher!.drained();
    // As if the node had died before recording the SMSC's answer: no submission, fate unknown.
    const [m] = await ctx.db.select().from(outboxMessages);
    await ctx.db.delete(smsSubmissions).where(eq(smsSubmissions.messageId, m!.id));
    await ctx.db.update(outboxMessages).set({ status: 'uncertain', lastError: 'interrupted while sending' }).where(eq(outboxMessages.id, m!.id));

    await new Promise((r) => setTimeout(r, 300));
    const [after] = await ctx.db.select().from(outboxMessages);
    expect(after?.status).toBe('delivered');
    t.clock.advance(120_000);
    await new Promise((r) => setTimeout(r, 100));
    expect(to('+22790000021')).toHaveLength(1);
  });

  it('settles a message the previous process left "sending" with the receipt that comes when the link is back', async () => {
    smsc = await startTestSmsc();
    await enqueue(t.ctx.db, [{ dedupeKey: 'test:orphan', purpose: 'reply', toNumber: '+22790000051', lang: 'fr', body: 'Parti avant la panne', parts: 1 }], t.clock.now());
    await t.ctx.db.update(outboxMessages).set({ status: 'sending', claimedAt: t.clock.now() });
    // The SMSC holds a receipt for it; it is delivered as soon as the node binds.
    const receipt = smsc.deliverPdu({
      source_addr: '22790000051', source_addr_ton: 1, destination_addr: 'PASSERELLE', esm_class: 0x04, data_coding: 0,
      short_message: Buffer.from('id:abc123 sub:001 dlvrd:001 submit date:2606011000 done date:2606011000 stat:DELIVRD err:000 text:Parti avant la panne', 'latin1'),
    });
    const channel = nodeChannel(smsc);
    const ctx: AppContext = { ...t.ctx, sms: channel, cfg: { ...t.ctx.cfg, sms: { ...t.ctx.cfg.sms, uncertainGraceMs: 1_000 } } };
    messaging = startMessaging(ctx, { fanoutIntervalMs: 20, dispatcherPollMs: 10 });
    await receipt;
    await waitFor(() => true, '');
    const [m] = await t.ctx.db.select().from(outboxMessages);
    expect(m?.status).toBe('delivered');
    t.clock.advance(5_000);
    await new Promise((r) => setTimeout(r, 200));
    expect(to('+22790000051')).toHaveLength(0);
  });

  it('sends an uncertain message again when no receipt claims it within the grace period', async () => {
    const { ctx } = await start({ graceMs: 1_000 });
    await enqueue(ctx.db, [{ dedupeKey: 'test:2', purpose: 'reply', toNumber: '+22790000031', lang: 'fr', body: 'Jamais parti', parts: 1 }], t.clock.now());
    await ctx.db.update(outboxMessages).set({ status: 'uncertain', claimedAt: t.clock.now(), lastError: 'link_down' });
    await new Promise((r) => setTimeout(r, 100));
    expect(to('+22790000031')).toHaveLength(0);
    t.clock.advance(2_000);
    await waitFor(() => to('+22790000031').length === 1, 'the message sent after the grace period');
  });

  it('delivers every message exactly once when the SMSC drops the link mid-run', async () => {
    const { ctx } = await start();
    const numbers = Array.from({ length: 120 }, (_, i) => `+2279100${String(i).padStart(4, '0')}`);
    smsc!.faults.dropAfter(40);
    await enqueue(ctx.db, numbers.map((n, i) => ({ dedupeKey: `bulk:${i}`, purpose: 'reply' as const, toNumber: n, lang: 'fr', body: `Message ${i}`, parts: 1 })), t.clock.now());
    messaging!.dispatcher!.wake();
    // Messages in flight when the link dropped are uncertain until their receipts come; the rest retry.
    // The clock is fixed: move it on so that retries and the grace period come due.
    const ticking = setInterval(() => t.clock.advance(5_000), 20);
    try {
      await waitFor(() => new Set(smsc!.submitted().map((e) => e.to)).size === numbers.length, 'every number at the SMSC', 20_000);
    } finally {
      clearInterval(ticking);
    }
    await new Promise((r) => setTimeout(r, 300));
    const perNumber = new Map<string, number>();
    for (const e of smsc!.submitted()) perNumber.set(e.to, (perNumber.get(e.to) ?? 0) + 1);
    expect([...perNumber.values()].every((n) => n === 1)).toBe(true);
    const open = await ctx.db.execute(sql`select count(*)::int as n from outbox_messages where status not in ('sent', 'delivered')`);
    expect((open as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(0);
    expect(await statuses()).not.toContain('reply:failed');
  });
});

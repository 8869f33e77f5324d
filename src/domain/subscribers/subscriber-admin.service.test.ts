import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestContext } from '../../../test/context.js';
import { makeHub, makeUser } from '../../../test/factories.js';
import { makeSubscriber, useEmptySubscribers } from '../../../test/subscriber-factories.js';
import type { Actor } from '../accounts/accounts.js';
import { blockNumber, exportSubscriber, forgetSubscriber, listSubscribers, unblockNumber } from './subscriber-admin.service.js';
import { SYSTEM_ACTOR } from './subscriber-permissions.js';
import { optOut, setLanguage, subscribe } from './subscribers.service.js';

const t = useTestContext();
useEmptySubscribers(t);

describe('who may see numbers', () => {
  it('lets admins and the system list, export, block and forget; refuses everyone else', async () => {
    const hub = await makeHub(t.ctx);
    const others: Actor[] = [null, (await makeUser(t.ctx, 'coordinator', [hub.id])).actor, (await makeUser(t.ctx, 'curator')).actor, (await makeUser(t.ctx, 'delegate')).actor];
    const { phone } = await makeSubscriber(t.ctx);
    for (const actor of others) {
      await expect(listSubscribers(t.ctx, actor, {})).rejects.toMatchObject({ code: 'forbidden' });
      await expect(exportSubscriber(t.ctx, actor, phone)).rejects.toMatchObject({ code: 'forbidden' });
      await expect(forgetSubscriber(t.ctx, actor, phone)).rejects.toMatchObject({ code: 'forbidden' });
      await expect(blockNumber(t.ctx, actor, { phone, reason: 'x' })).rejects.toMatchObject({ code: 'forbidden' });
      await expect(unblockNumber(t.ctx, actor, { phone })).rejects.toMatchObject({ code: 'forbidden' });
    }
    const { actor: admin } = await makeUser(t.ctx, 'admin');
    expect((await listSubscribers(t.ctx, admin, {})).items.map((s) => s.phone)).toEqual([phone]);
    expect((await exportSubscriber(t.ctx, SYSTEM_ACTOR, phone)).subscriber?.phone).toBe(phone);
    await blockNumber(t.ctx, SYSTEM_ACTOR, { phone, reason: 'asked by the operator' });
    expect((await exportSubscriber(t.ctx, admin, phone)).block).toMatchObject({ reason: 'asked by the operator' });
  });

  it('lists newest first with subscription counts, a page at a time', async () => {
    const { actor: admin } = await makeUser(t.ctx, 'admin');
    const phones: string[] = [];
    for (let i = 0; i < 5; i++) {
      const { phone } = await makeSubscriber(t.ctx);
      if (i === 4) await subscribe(t.ctx, { phone, topic: 'flood', area: { kind: 'country', code: 'NE' }, channel: 'web' });
      phones.push(phone);
      t.clock.advance(1000);
    }
    const first = await listSubscribers(t.ctx, admin, { page: 1, perPage: 2 });
    expect(first).toMatchObject({ total: 5, page: 1, perPage: 2 });
    expect(first.items.map((s) => [s.phone, s.subscriptionCount])).toEqual([[phones[4], 2], [phones[3], 1]]);
    expect((await listSubscribers(t.ctx, admin, { page: '3', perPage: '2' })).items.map((s) => s.phone)).toEqual([phones[0]]);
    await expect(listSubscribers(t.ctx, admin, { perPage: 1000 })).rejects.toMatchObject({ fields: { perPage: 'validation.range' } });
  });
});

describe('access and erasure requests', () => {
  it('exports everything held about a number, in any format, and nothing for an unknown one', async () => {
    const { actor: admin } = await makeUser(t.ctx, 'admin');
    const at = t.clock.now();
    const { phone } = await makeSubscriber(t.ctx, { language: 'fr' });
    await setLanguage(t.ctx, { phone, language: 'ha', channel: 'web' });
    await blockNumber(t.ctx, admin, { phone, reason: 'flood' });
    const held = await exportSubscriber(t.ctx, admin, `00${phone.slice(1)}`);
    expect(held).toMatchObject({ phone, subscriber: { phone, language: 'ha', status: 'active' }, subscriptions: [{ topic: 'locusts' }], block: { reason: 'flood' } });
    expect(held.consentEvents.map((e) => e.action)).toEqual(['subscribe', 'language']);
    expect(JSON.parse(JSON.stringify(held)).consentEvents[0].at).toBe(at.toISOString());
    expect(await exportSubscriber(t.ctx, admin, '90 00 00 00', 'NE')).toEqual({ phone: '+22790000000', subscriber: null, subscriptions: [], consentEvents: [], block: null });
    await expect(exportSubscriber(t.ctx, admin, 'someone')).rejects.toMatchObject({ code: 'invalid', message: 'subscribers.invalid_phone' });
  });

  it('forgets a number: no row anywhere still holds it or its log; others are untouched', async () => {
    const { actor: admin } = await makeUser(t.ctx, 'admin');
    const { phone, subscriber } = await makeSubscriber(t.ctx);
    await subscribe(t.ctx, { phone, topic: 'drought', area: { kind: 'admin_area', code: 'NE:maradi' }, channel: 'sms' });
    await optOut(t.ctx, { phone, channel: 'sms' });
    await blockNumber(t.ctx, admin, { phone, reason: 'flood' });
    const { phone: other } = await makeSubscriber(t.ctx);
    // Messages exchanged with the number: one received, one answer waiting, one MORE to continue.
    await t.ctx.db.execute(sql`insert into inbound_messages (from_number, to_number, body, channel, received_at, outcome) values (${phone}, 'PASSERELLE', 'HELP', 'smpp', now(), 'answered')`);
    await t.ctx.db.execute(sql`insert into outbox_messages (dedupe_key, purpose, to_number, lang, body, parts, status) values ('reply:x', 'reply', ${phone}, 'fr', 'Aide', 1, 'queued')`);
    await t.ctx.db.execute(sql`insert into sms_continuations (phone, lang, rest) values (${phone}, 'fr', 'la suite')`);

    expect(await forgetSubscriber(t.ctx, admin, phone)).toEqual({ subscriber: 1, subscriptions: 2, consentEvents: 3, block: 1, messages: 2 });
    const national = phone.slice(4);
    for (const table of ['subscribers', 'subscriptions', 'consent_events', 'blocked_numbers', 'inbound_messages', 'outbox_messages', 'sms_continuations']) {
      const found = sql`select count(*)::int as n from ${sql.identifier(table)} t where t::text like ${`%${national}%`} or t::text like ${`%${subscriber.id}%`}`;
      const { rows } = (await t.ctx.db.execute(found)) as unknown as { rows: { n: number }[] };
      expect(rows[0]!.n, table).toBe(0);
    }
    expect(await exportSubscriber(t.ctx, admin, phone)).toMatchObject({ subscriber: null, subscriptions: [], consentEvents: [], block: null });
    expect((await exportSubscriber(t.ctx, admin, other)).consentEvents).toHaveLength(1);
    expect(await forgetSubscriber(t.ctx, admin, phone)).toEqual({ subscriber: 0, subscriptions: 0, consentEvents: 0, block: 0, messages: 0 });
    // The number may come back later, as a new person.
    expect(await makeSubscriber(t.ctx, { phone })).toMatchObject({ isOptIn: false, subscriber: { status: 'active' } });
  });
});

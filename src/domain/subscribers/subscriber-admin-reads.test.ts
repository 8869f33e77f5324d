import { describe, expect, it } from 'vitest';
import { useTestContext } from '../../../test/context.js';
import { makeHub, makeUser } from '../../../test/factories.js';
import { insertBlock, makeSubscriber, useEmptySubscribers } from '../../../test/subscriber-factories.js';
import type { Actor } from '../accounts/accounts.js';
import {
  adminAreaNames, blockNumber, countSubscribers, describeSubscribers, getSubscriber, listBlockedNumbers,
} from './subscriber-admin.service.js';
import { optOut } from './subscribers.service.js';

const t = useTestContext();
useEmptySubscribers(t);

describe('reads for the admin pages', () => {
  it('are refused to anyone but an admin', async () => {
    const { subscriber, phone } = await makeSubscriber(t.ctx);
    const others: Actor[] = [null, (await makeUser(t.ctx, 'coordinator')).actor, (await makeUser(t.ctx, 'curator')).actor];
    for (const actor of others) {
      await expect(getSubscriber(t.ctx, actor, subscriber.id)).rejects.toMatchObject({ code: 'forbidden' });
      await expect(describeSubscribers(t.ctx, actor, [{ id: subscriber.id, phone }])).rejects.toMatchObject({ code: 'forbidden' });
      await expect(countSubscribers(t.ctx, actor)).rejects.toMatchObject({ code: 'forbidden' });
      await expect(listBlockedNumbers(t.ctx, actor, {})).rejects.toMatchObject({ code: 'forbidden' });
    }
  });

  it('give one subscriber by id, with subscriptions, consent log and block; not found for others', async () => {
    const { actor: admin } = await makeUser(t.ctx, 'admin');
    const { subscriber, phone } = await makeSubscriber(t.ctx);
    await blockNumber(t.ctx, admin, { phone, reason: 'flood' });
    const held = await getSubscriber(t.ctx, admin, subscriber.id);
    expect(held).toMatchObject({ phone, subscriber: { id: subscriber.id }, block: { reason: 'flood' } });
    expect(held.subscriptions).toHaveLength(1);
    expect(held.consentEvents.map((e) => e.action)).toEqual(['subscribe']);
    await expect(getSubscriber(t.ctx, admin, crypto.randomUUID())).rejects.toMatchObject({ code: 'not_found' });
    await expect(getSubscriber(t.ctx, admin, 'nope')).rejects.toMatchObject({ code: 'not_found' });
  });

  it('count subscribers by status and language, and list the subscriptions and blocks of a page', async () => {
    const { actor: admin } = await makeUser(t.ctx, 'admin');
    const a = await makeSubscriber(t.ctx, { language: 'ha' });
    const b = await makeSubscriber(t.ctx, { language: 'fr', topic: 'flood' });
    await makeSubscriber(t.ctx, { phone: b.phone, topic: 'drought' });
    const c = await makeSubscriber(t.ctx, { language: 'fr' });
    await optOut(t.ctx, { phone: c.phone, channel: 'sms' });
    await insertBlock(t.ctx, a.phone);
    expect(await countSubscribers(t.ctx, admin)).toEqual({
      active: 2, optedOut: 1, byLanguage: [{ language: 'fr', active: 1, optedOut: 1 }, { language: 'ha', active: 1, optedOut: 0 }],
    });
    const page = await describeSubscribers(t.ctx, admin, [a.subscriber, b.subscriber]);
    expect(page.subscriptions.get(b.subscriber.id)!.map((s) => s.topic).sort()).toEqual(['drought', 'flood']);
    expect(page.subscriptions.get(a.subscriber.id)).toHaveLength(1);
    expect([...page.blocked]).toEqual([a.phone]);
    const blocks = await listBlockedNumbers(t.ctx, admin, { perPage: 10 });
    expect(blocks).toMatchObject({ total: 1, items: [{ phone: a.phone, reason: 'flood' }] });
  });

  it('name admin areas as hubs spell them', async () => {
    await makeHub(t.ctx, { country: 'NE', adminArea: 'Tillabéri' });
    const names = await adminAreaNames(t.ctx, ['NE:tillaberi', 'NE:maradi']);
    expect([...names]).toEqual([['NE:tillaberi', 'Tillabéri']]);
  });
});

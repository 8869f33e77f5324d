import { describe, expect, it } from 'vitest';
import { useTestContext } from '../../../test/context.js';
import { makeHub, makeUser } from '../../../test/factories.js';
import { insertBlock, makeSubscriber, nextPhone, useEmptySubscribers } from '../../../test/subscriber-factories.js';
import { matchingSubscribers } from './audience.service.js';
import { blockNumber, exportSubscriber, unblockNumber } from './subscriber-admin.service.js';
import { isBlocked, optIn, optOut, setLanguage, subscribe, unsubscribe } from './subscribers.service.js';

const t = useTestContext();
useEmptySubscribers(t);

const niger = { kind: 'country', code: 'NE' } as const;
const maradi = { kind: 'admin_area', code: 'NE:maradi' } as const;

async function logOf(phone: string) {
  const { actor } = await makeUser(t.ctx, 'admin');
  return exportSubscriber(t.ctx, actor, phone);
}
const actions = async (phone: string) => (await logOf(phone)).consentEvents.map((e) => `${e.channel}:${e.action}`);
const reached = async (phone: string, topics = ['locusts']) =>
  (await matchingSubscribers(t.ctx, { topics, countries: ['NE'] }, { limit: 100 })).some((r) => r.phone === phone);

describe('subscribing and unsubscribing', () => {
  it('creates the subscriber on a first SUB, normalised, and logs what was consented to', async () => {
    const r = await subscribe(t.ctx, { phone: '90 12 34 56', defaultCountry: 'NE', topic: 'locusts', area: maradi, language: 'ha', channel: 'sms' });
    expect(r).toMatchObject({ isNewSubscription: true, isOptIn: false, subscriber: { phone: '+22790123456', language: 'ha', status: 'active', optedOutAt: null } });
    expect(r.subscription).toMatchObject({ topic: 'locusts', area: maradi, areaCountry: 'NE' });
    const held = await logOf('+22790123456');
    expect(held.consentEvents).toEqual([
      { at: t.clock.now(), channel: 'sms', action: 'subscribe', detail: { topic: 'locusts', area: maradi, language: 'ha' } },
    ]);
  });

  it('stores and logs a repeated subscription once, adds others, and keeps the language of the first', async () => {
    const phone = nextPhone();
    await subscribe(t.ctx, { phone, topic: 'locusts', area: niger, language: 'ha', channel: 'sms' });
    const again = await subscribe(t.ctx, { phone: phone.replace('+', '00'), topic: 'locusts', area: niger, language: 'fr', channel: 'web' });
    expect(again).toMatchObject({ isNewSubscription: false, subscriber: { language: 'ha' } });
    const hub = await makeHub(t.ctx, { country: 'NE', adminArea: 'Maradi' });
    t.clock.advance(1000);
    const third = await subscribe(t.ctx, { phone, topic: 'health', area: { kind: 'hub', code: hub.id }, channel: 'http' });
    expect(third.subscription).toMatchObject({ areaCountry: 'NE' });
    const held = await logOf(phone);
    expect(held.subscriptions.map((s) => s.topic)).toEqual(['locusts', 'health']);
    expect(held.consentEvents.map((e) => `${e.channel}:${e.action}`)).toEqual(['sms:subscribe', 'http:subscribe']);
  });

  it('new subscribers get the node default language', async () => {
    const r = await subscribe(t.ctx, { phone: nextPhone(), topic: 'flood', area: niger, channel: 'sms' });
    expect(r.subscriber.language).toBe(t.ctx.cfg.defaultLocale);
  });

  it('refuses bad numbers, topics and areas with message keys', async () => {
    const base = { phone: nextPhone(), topic: 'locusts', area: niger, channel: 'sms' };
    await expect(subscribe(t.ctx, { ...base, phone: '+227 00 12 34 56' })).rejects.toMatchObject({ code: 'invalid', fields: { phone: 'subscribers.invalid_phone' } });
    await expect(subscribe(t.ctx, { ...base, topic: 'weather' })).rejects.toMatchObject({ fields: { topic: 'validation.invalid_choice' } });
    await expect(subscribe(t.ctx, { ...base, area: { kind: 'admin_area', code: 'Maradi' } })).rejects.toMatchObject({ fields: { 'area.code': 'validation.admin_area' } });
    await expect(subscribe(t.ctx, { ...base, area: { kind: 'country', code: 'ZZ' } })).rejects.toMatchObject({ fields: { 'area.code': 'validation.country' } });
    await expect(subscribe(t.ctx, { ...base, area: { kind: 'planet', code: 'earth' } })).rejects.toMatchObject({ code: 'invalid' });
    await expect(subscribe(t.ctx, { ...base, area: { kind: 'hub', code: crypto.randomUUID() } })).rejects.toMatchObject({ fields: { 'area.code': 'subscribers.unknown_hub' } });
    await expect(subscribe(t.ctx, { ...base, channel: 'pigeon' })).rejects.toMatchObject({ fields: { channel: 'validation.invalid_choice' } });
    expect((await logOf(base.phone)).subscriber).toBeNull();
  });

  it('unsubscribes one topic, then everything, logging what went', async () => {
    const { phone } = await makeSubscriber(t.ctx, { topic: 'locusts', area: niger });
    t.clock.advance(1000);
    await subscribe(t.ctx, { phone, topic: 'locusts', area: maradi, channel: 'sms' });
    await subscribe(t.ctx, { phone, topic: 'drought', area: niger, channel: 'sms' });
    const removed = await unsubscribe(t.ctx, { phone, topic: 'locusts', channel: 'sms' });
    expect(removed.map((s) => s.area.code)).toEqual(['NE', 'NE:maradi']);
    expect(await reached(phone)).toBe(false);
    expect(await reached(phone, ['drought'])).toBe(true);
    expect(await unsubscribe(t.ctx, { phone, topic: 'flood', channel: 'sms' })).toEqual([]);
    expect(await unsubscribe(t.ctx, { phone, channel: 'web' })).toHaveLength(1);
    expect(await unsubscribe(t.ctx, { phone: nextPhone(), channel: 'sms' })).toEqual([]);
    const held = await logOf(phone);
    expect(held.subscriptions).toEqual([]);
    expect(held.consentEvents.slice(3).map((e) => [e.channel, e.action, e.detail])).toEqual([
      ['sms', 'unsubscribe', { topic: 'locusts', removed: [{ topic: 'locusts', area: niger }, { topic: 'locusts', area: maradi }] }],
      ['web', 'unsubscribe', { topic: null, removed: [{ topic: 'drought', area: niger }] }],
    ]);
  });
});

describe('opting out', () => {
  it('STOP takes effect at once, keeps subscriptions paused, and is logged once', async () => {
    const { phone } = await makeSubscriber(t.ctx, { topic: 'locusts', area: niger });
    expect(await reached(phone)).toBe(true);
    t.clock.advance(1000);
    const stopped = await optOut(t.ctx, { phone, channel: 'sms' });
    expect(stopped).toMatchObject({ status: 'opted_out', optedOutAt: t.clock.now() });
    expect(await reached(phone)).toBe(false);
    expect(await optOut(t.ctx, { phone, channel: 'sms' })).toMatchObject({ status: 'opted_out' });
    const held = await logOf(phone);
    expect(held.subscriptions).toHaveLength(1);
    expect(held.consentEvents.map((e) => [e.action, e.detail])).toEqual([
      ['subscribe', { topic: 'locusts', area: niger, language: 'fr' }],
      ['opt_out', { paused: [{ topic: 'locusts', area: niger }] }],
    ]);
    expect(await optOut(t.ctx, { phone: nextPhone(), channel: 'sms' })).toBeNull();
  });

  it('stays in force through language changes and unsubscribes; only an explicit opt-in or a new SUB ends it', async () => {
    const { phone } = await makeSubscriber(t.ctx, { topic: 'locusts', area: niger });
    await subscribe(t.ctx, { phone, topic: 'drought', area: niger, channel: 'sms' });
    await optOut(t.ctx, { phone, channel: 'sms' });
    await setLanguage(t.ctx, { phone, language: 'ha', channel: 'sms' });
    await unsubscribe(t.ctx, { phone, topic: 'drought', channel: 'sms' });
    expect((await logOf(phone)).subscriber).toMatchObject({ status: 'opted_out', language: 'ha' });
    expect(await reached(phone)).toBe(false);

    // A new SUB is the person's explicit opt-in: logged as such before the subscription.
    const again = await subscribe(t.ctx, { phone, topic: 'flood', area: maradi, channel: 'sms' });
    expect(again).toMatchObject({ isOptIn: true, isNewSubscription: true, subscriber: { status: 'active', optedOutAt: null } });
    expect(await reached(phone)).toBe(true);
    const held = await logOf(phone);
    expect(held.consentEvents.map((e) => e.action)).toEqual(['subscribe', 'subscribe', 'opt_out', 'language', 'unsubscribe', 'opt_in', 'subscribe']);
    expect(held.consentEvents[5]!.detail).toEqual({ reason: 'subscribe', resumed: [{ topic: 'locusts', area: niger }] });
  });

  it('a SUB for a subscription kept through STOP opts in without a second subscribe entry', async () => {
    const { phone } = await makeSubscriber(t.ctx, { topic: 'locusts', area: niger });
    await optOut(t.ctx, { phone, channel: 'sms' });
    const again = await subscribe(t.ctx, { phone, topic: 'locusts', area: niger, channel: 'sms' });
    expect(again).toMatchObject({ isOptIn: true, isNewSubscription: false });
    expect(await actions(phone)).toEqual(['sms:subscribe', 'sms:opt_out', 'sms:opt_in']);
  });

  it('optIn resumes the kept subscriptions and is idempotent; unknown numbers are not found', async () => {
    const { phone } = await makeSubscriber(t.ctx, { topic: 'locusts', area: niger });
    await optOut(t.ctx, { phone, channel: 'sms' });
    expect(await optIn(t.ctx, { phone, channel: 'web' })).toMatchObject({ status: 'active', optedOutAt: null });
    expect(await optIn(t.ctx, { phone, channel: 'web' })).toMatchObject({ status: 'active' });
    expect(await reached(phone)).toBe(true);
    expect(await actions(phone)).toEqual(['sms:subscribe', 'sms:opt_out', 'web:opt_in']);
    expect((await logOf(phone)).consentEvents[2]!.detail).toEqual({ reason: 'explicit', resumed: [{ topic: 'locusts', area: niger }] });
    await expect(optIn(t.ctx, { phone: nextPhone(), channel: 'sms' })).rejects.toMatchObject({ code: 'not_found', message: 'subscribers.unknown_number' });
  });

  it('logs language changes with both languages, once', async () => {
    const { phone } = await makeSubscriber(t.ctx, { language: 'fr' });
    expect(await setLanguage(t.ctx, { phone, language: 'HA', channel: 'sms' })).toMatchObject({ language: 'ha' });
    await setLanguage(t.ctx, { phone, language: 'ha', channel: 'sms' });
    const held = await logOf(phone);
    expect(held.consentEvents.slice(1).map((e) => [e.action, e.detail])).toEqual([['language', { from: 'fr', to: 'ha' }]]);
    await expect(setLanguage(t.ctx, { phone, language: 'klingon', channel: 'sms' })).rejects.toMatchObject({ fields: { language: 'validation.language' } });
    await expect(setLanguage(t.ctx, { phone: nextPhone(), language: 'ha', channel: 'sms' })).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('blocked numbers', () => {
  it('may not subscribe, opt in or change language, may still leave, and receive nothing', async () => {
    const { actor: admin } = await makeUser(t.ctx, 'admin');
    const { phone } = await makeSubscriber(t.ctx, { topic: 'locusts', area: niger });
    await blockNumber(t.ctx, admin, { phone: phone.slice(4), defaultCountry: 'NE', reason: 'flooded the node' });
    expect(await isBlocked(t.ctx, phone)).toBe(true);
    expect(await isBlocked(t.ctx, phone.slice(4), 'NE')).toBe(true);
    expect(await isBlocked(t.ctx, 'not a number')).toBe(false);
    expect(await reached(phone)).toBe(false);
    await expect(subscribe(t.ctx, { phone, topic: 'flood', area: niger, channel: 'sms' })).rejects.toMatchObject({ code: 'forbidden', message: 'subscribers.blocked' });
    await expect(setLanguage(t.ctx, { phone, language: 'ha', channel: 'sms' })).rejects.toMatchObject({ message: 'subscribers.blocked' });
    await optOut(t.ctx, { phone, channel: 'sms' });
    await expect(optIn(t.ctx, { phone, channel: 'sms' })).rejects.toMatchObject({ message: 'subscribers.blocked' });
    expect(await unsubscribe(t.ctx, { phone, channel: 'sms' })).toHaveLength(1);
    expect((await logOf(phone)).block).toMatchObject({ reason: 'flooded the node' });

    expect(await unblockNumber(t.ctx, admin, { phone })).toBe(true);
    expect(await unblockNumber(t.ctx, admin, { phone })).toBe(false);
    expect(await subscribe(t.ctx, { phone, topic: 'flood', area: niger, channel: 'sms' })).toMatchObject({ isOptIn: true });
  });

  it('refuses a first SUB from a blocked number without storing anything', async () => {
    const phone = nextPhone();
    await insertBlock(t.ctx, phone);
    await expect(makeSubscriber(t.ctx, { phone })).rejects.toMatchObject({ code: 'forbidden' });
    expect((await logOf(phone)).subscriber).toBeNull();
  });
});

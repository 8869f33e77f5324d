import { beforeEach, describe, expect, it } from 'vitest';
import { useTestContext } from '../../../../test/context.js';
import { makeDelegate, makeHub, makeUser } from '../../../../test/factories.js';
import { browser } from '../../../../test/http.js';
import { insertBlock, makeSubscriber, nextPhone, useEmptySubscribers } from '../../../../test/subscriber-factories.js';
import { exportSubscriber } from '../../../domain/subscribers/subscriber-admin.service.js';
import { SYSTEM_ACTOR } from '../../../domain/subscribers/subscriber-permissions.js';
import { optOut, setLanguage, unsubscribe } from '../../../domain/subscribers/subscribers.service.js';

const t = useTestContext();
useEmptySubscribers(t);
// Every form post counts against the per-address limit (60 a minute) and the test clock stands still.
beforeEach(() => t.clock.advance(61_000));

const NBSP = '\u00a0';
/** '+22790000001' as pages show it: '+227 90 00 00 01', with spaces that do not break. */
const shown = (e164: string) => `+227 ${e164.slice(4, 6)} ${e164.slice(6, 8)} ${e164.slice(8, 10)} ${e164.slice(10, 12)}`.replaceAll(' ', NBSP);

async function signedIn(role: 'admin' | 'curator' | 'coordinator' | 'delegate', hubIds: string[] = []) {
  const b = browser(t.app);
  const { user } = role === 'delegate' ? await makeDelegate(t.ctx) : await makeUser(t.ctx, role, hubIds);
  await b.signIn(user.email);
  return b;
}

describe('subscriber pages: who sees numbers', () => {
  it('shows an admin every number in full, with counts and areas in words, and links to it from the menu', async () => {
    const hub = await makeHub(t.ctx, { text: { name: 'Radio Gaskiya', description: 'x' } });
    const a = await makeSubscriber(t.ctx, { topic: 'locusts', area: { kind: 'hub', code: hub.id }, language: 'ha' });
    const b = await makeSubscriber(t.ctx, { topic: 'health', area: { kind: 'admin_area', code: 'NE:tillaberi' }, language: 'fr' });
    const c = await makeSubscriber(t.ctx, { topic: 'market_prices', area: { kind: 'country', code: 'BD' }, language: 'fr' });
    await optOut(t.ctx, { phone: c.phone, channel: 'sms' });
    const admin = await signedIn('admin');
    const res = await admin.get('/admin/subscribers', { 'accept-language': 'en' });
    expect(res.status).toBe(200);
    const html = await res.text();
    for (const s of [a, b, c]) expect(html).toContain(`<a href="/admin/subscribers/${s.subscriber.id}"><span dir="ltr">${shown(s.phone)}</span></a>`);
    expect(html).toContain('2 active subscribers');
    expect(html).toContain('1 opted out');
    expect(html).toMatch(/<th scope="row">French<\/th><td>1<\/td><td>1<\/td>/);
    expect(html).toContain('Locusts in Radio Gaskiya (hub)');
    expect(html).toContain('Health in Tillabéri, Niger');
    expect(html).toContain('Market prices in Bangladesh');
    expect(html).toMatch(/Opted out since <time datetime="2026-/);
    expect(html).toContain('href="/admin/subscribers"');
    expect(html).toContain('href="/admin/blocked-numbers"');
    expect(await (await admin.get('/')).text()).toContain('<a href="/admin/subscribers">');
  });

  it('refuses coordinators, curators and delegates (403) without showing any number, and sends the signed-out to sign in', async () => {
    const hub = await makeHub(t.ctx);
    const { phone, subscriber } = await makeSubscriber(t.ctx, { area: { kind: 'hub', code: hub.id } });
    await insertBlock(t.ctx, nextPhone(), 'flood of texts');
    const digits = phone.slice(4);
    for (const role of ['coordinator', 'curator', 'delegate'] as const) {
      const b = await signedIn(role, role === 'coordinator' ? [hub.id] : []);
      expect(await (await b.get('/')).text(), role).not.toContain('/admin/subscribers');
      for (const path of ['/admin/subscribers', `/admin/subscribers?number=${encodeURIComponent(phone)}`, `/admin/subscribers/${subscriber.id}`, '/admin/blocked-numbers']) {
        const res = await b.get(path);
        expect(res.status, `${role} ${path}`).toBe(403);
        // The language switcher echoes the address asked for, number included: what the reader typed, not a leak.
        const body = (await res.text()).replace(/name="next" value="[^"]*"/, '');
        expect(body).not.toContain(digits);
        expect(body).not.toContain('flood of texts');
      }
      for (const action of ['export', 'forget', 'block', 'unblock']) {
        const res = await b.post(`/admin/subscribers/${subscriber.id}/${action}`, { confirm: 'yes', reason: 'x' });
        expect(res.status, `${role} ${action}`).toBe(403);
        expect(await res.text()).not.toContain(digits);
      }
      expect((await b.post('/admin/blocked-numbers', { phone: nextPhone(), reason: 'x' })).status).toBe(403);
      expect((await b.post('/admin/blocked-numbers/remove', { phone })).status).toBe(403);
    }
    expect((await exportSubscriber(t.ctx, SYSTEM_ACTOR, phone)).subscriber).not.toBeNull();

    const anonymous = browser(t.app);
    for (const path of ['/admin/subscribers', `/admin/subscribers/${subscriber.id}`, '/admin/blocked-numbers']) {
      const res = await anonymous.get(path);
      expect(res.status, path).toBe(303);
      expect(res.headers.get('location')).toBe(`/login?next=${encodeURIComponent(path)}`);
    }
    const post = await anonymous.post(`/admin/subscribers/${subscriber.id}/forget`, { confirm: 'yes' });
    expect(post.status).toBe(303);
    expect(post.headers.get('location')).toBe(`/login?next=${encodeURIComponent(`/admin/subscribers/${subscriber.id}`)}`);
    expect((await exportSubscriber(t.ctx, SYSTEM_ACTOR, phone)).subscriber).not.toBeNull();
  });
});

describe('subscriber pages: finding a number', () => {
  it('finds a subscriber by their number typed in several formats, and says when a number is not one', async () => {
    const { phone } = await makeSubscriber(t.ctx);
    const other = await makeSubscriber(t.ctx);
    const admin = await signedIn('admin');
    const national = `${phone.slice(4, 6)} ${phone.slice(6, 8)} ${phone.slice(8, 10)} ${phone.slice(10)}`;
    for (const [number, country] of [[`+227 ${national}`, ''], [`00227${phone.slice(4)}`, ''], [phone.slice(1), ''], [national, 'NE'], [` (+227) ${phone.slice(4, 8)}-${phone.slice(8)} `, '']]) {
      const res = await admin.get(`/admin/subscribers?number=${encodeURIComponent(number!)}&country=${country}`, { 'accept-language': 'en' });
      expect(res.status, number).toBe(200);
      const html = await res.text();
      expect(html, number).toContain(`Subscriber with the number <span dir="ltr">${shown(phone)}</span>`);
      expect(html, number).not.toContain(shown(other.phone)); // one row, not the whole list
    }
    const bad = await admin.get('/admin/subscribers?number=90+12+ab', { 'accept-language': 'en' });
    expect(bad.status).toBe(422);
    const badHtml = await bad.text();
    expect(badHtml).toContain('Not a phone number we can reach');
    expect(badHtml).toContain('aria-invalid="true"');
    const nobody = nextPhone();
    await insertBlock(t.ctx, nobody);
    const none = await (await admin.get(`/admin/subscribers?number=${encodeURIComponent(nobody)}`, { 'accept-language': 'en' })).text();
    expect(none).toContain(`No subscriber has the number <span dir="ltr">${shown(nobody)}</span>.`);
    expect(none).toContain('This number is on the block list.');
  });
});

describe('subscriber pages: one subscriber', () => {
  it('shows everything held, with the consent log in words, and exports it as a JSON download', async () => {
    const hub = await makeHub(t.ctx, { text: { name: 'Radio Gaskiya', description: 'x' } });
    const { phone, subscriber } = await makeSubscriber(t.ctx, { topic: 'locusts', area: { kind: 'hub', code: hub.id }, language: 'fr' });
    await makeSubscriber(t.ctx, { phone, topic: 'flood', area: { kind: 'admin_area', code: 'NE:tillaberi' } });
    await unsubscribe(t.ctx, { phone, topic: 'flood', channel: 'http' });
    await setLanguage(t.ctx, { phone, language: 'ha', channel: 'web' });
    await optOut(t.ctx, { phone, channel: 'sms' });
    const admin = await signedIn('admin');
    const res = await admin.get(`/admin/subscribers/${subscriber.id}`, { 'accept-language': 'en' });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain(`Everything held about <span dir="ltr">${shown(phone)}</span>`);
    expect(html).toContain('Locusts in Radio Gaskiya (hub); messages in French');
    expect(html).toContain('From Flood. Removed: Flood in Tillabéri, Niger');
    expect(html).toContain('From French to Hausa');
    expect(html).toContain('All messages stopped. Paused: Locusts in Radio Gaskiya (hub)');
    expect(html).toContain('Text message (SMS gateway)');
    expect(html).toContain('Opted out (STOP)');
    expect(html).toMatch(/<time datetime="2026-06-01T\d\d:\d\d:\d\d.\d+Z">[^<]*\d:\d\d:\d\d/); // with the time of day

    const download = await admin.post(`/admin/subscribers/${subscriber.id}/export`, {});
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toBe(`attachment; filename="subscriber-${subscriber.id}.json"`);
    expect(download.headers.get('content-type')).toMatch(/^application\/json/);
    const data = await download.json();
    expect(data.phone).toBe(phone);
    expect(data.consentEvents.map((e: { action: string }) => e.action)).toEqual(['subscribe', 'subscribe', 'unsubscribe', 'language', 'opt_out']);
    expect(data.subscriptions).toHaveLength(1);

    expect((await admin.get('/admin/subscribers/5b1c2f9e-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await admin.get('/admin/subscribers/not-an-id')).status).toBe(404);
  });

  it('forgets a subscriber only once the erasure is confirmed, naming the number masked', async () => {
    const { phone, subscriber } = await makeSubscriber(t.ctx);
    const admin = await signedIn('admin');
    const unconfirmed = await admin.post(`/admin/subscribers/${subscriber.id}/forget`, {}, {});
    expect(unconfirmed.status).toBe(422);
    expect(await unconfirmed.text()).toContain('Tick the box to confirm the erasure.');
    expect((await exportSubscriber(t.ctx, SYSTEM_ACTOR, phone)).subscriber).not.toBeNull();

    const noToken = await admin.post(`/admin/subscribers/${subscriber.id}/forget`, { confirm: 'yes' }, { csrf: null });
    expect(noToken.status).toBe(403);
    expect((await exportSubscriber(t.ctx, SYSTEM_ACTOR, phone)).subscriber).not.toBeNull();

    const done = await admin.post(`/admin/subscribers/${subscriber.id}/forget`, { confirm: 'yes' });
    expect(done.status).toBe(303);
    const location = done.headers.get('location')!;
    expect(location).toMatch(/^\/admin\/subscribers\?forgotten=/);
    expect(decodeURIComponent(location)).not.toContain(phone.slice(4));
    const notice = await (await admin.get(location, { 'accept-language': 'en' })).text();
    expect(notice).toContain(`<span dir="ltr">+227 •••• ${phone.slice(-4)}</span> has been forgotten`);
    expect(notice).not.toContain(phone.slice(4));
    expect((await exportSubscriber(t.ctx, SYSTEM_ACTOR, phone)).subscriber).toBeNull();
    expect((await admin.get(`/admin/subscribers/${subscriber.id}`)).status).toBe(404);
    // Only a masked number is ever shown from the address.
    expect(await (await admin.get('/admin/subscribers?forgotten=%3Cb%3Ehello', { 'accept-language': 'en' })).text()).not.toContain('has been forgotten');
  });

  it('blocks and unblocks a subscriber’s number with a reason', async () => {
    const { phone, subscriber } = await makeSubscriber(t.ctx);
    const admin = await signedIn('admin');
    const path = `/admin/subscribers/${subscriber.id}`;
    const noReason = await admin.post(`${path}/block`, { reason: '  ' }, {});
    expect(noReason.status).toBe(422);
    expect(await noReason.text()).toMatch(/class="error" id="f-reason-err">Required\./);
    expect((await admin.post(`${path}/block`, { reason: 'sent 400 texts in an hour' }, { csrf: null })).status).toBe(403);
    expect((await exportSubscriber(t.ctx, SYSTEM_ACTOR, phone)).block).toBeNull();

    const blocked = await admin.post(`${path}/block`, { reason: 'sent 400 texts in an hour' });
    expect(blocked.headers.get('location')).toBe(`${path}?done=number_blocked`);
    const page = await (await admin.get(`${path}?done=number_blocked`, { 'accept-language': 'en' })).text();
    expect(page).toContain('Number blocked.');
    expect(page).toMatch(/Blocked since <time[^>]*>[^<]+<\/time>: sent 400 texts in an hour/);
    expect(await (await admin.get('/admin/subscribers', { 'accept-language': 'en' })).text()).toContain('<span class="status">Blocked</span>');
    expect((await exportSubscriber(t.ctx, SYSTEM_ACTOR, phone)).block).toMatchObject({ reason: 'sent 400 texts in an hour' });

    const unblocked = await admin.post(`${path}/unblock`, {});
    expect(unblocked.headers.get('location')).toBe(`${path}?done=number_unblocked`);
    expect((await exportSubscriber(t.ctx, SYSTEM_ACTOR, phone)).block).toBeNull();
  });
});

describe('blocked numbers page', () => {
  it('lists blocked numbers with reasons, adds one typed in any format, and removes one', async () => {
    const admin = await signedIn('admin');
    const empty = await (await admin.get('/admin/blocked-numbers', { 'accept-language': 'en' })).text();
    expect(empty).toContain('No number is blocked.');

    const invalid = await admin.post('/admin/blocked-numbers', { phone: '12', reason: '' });
    expect(invalid.status).toBe(422);
    const invalidHtml = await invalid.text();
    expect(invalidHtml).toContain('id="f-phone-err"');
    expect(invalidHtml).toContain('id="f-reason-err"');

    const phone = nextPhone();
    const national = phone.slice(4);
    expect((await admin.post('/admin/blocked-numbers', { phone: national, country: 'NE', reason: 'abuse' }, { csrf: null })).status).toBe(403);
    const added = await admin.post('/admin/blocked-numbers', { phone: national, country: 'NE', reason: 'abuse' });
    expect(added.headers.get('location')).toBe('/admin/blocked-numbers?done=number_blocked');
    const list = await (await admin.get('/admin/blocked-numbers', { 'accept-language': 'en' })).text();
    expect(list).toContain(`<td><span dir="ltr">${shown(phone)}</span></td><td>abuse</td>`);

    const removed = await admin.post('/admin/blocked-numbers/remove', { phone });
    expect(removed.headers.get('location')).toBe('/admin/blocked-numbers?done=number_unblocked');
    expect((await admin.post('/admin/blocked-numbers/remove', { phone })).headers.get('location')).toBe('/admin/blocked-numbers?done=number_not_blocked');
    expect((await exportSubscriber(t.ctx, SYSTEM_ACTOR, phone)).block).toBeNull();
  });
});

describe('subscriber pages in Arabic', () => {
  it('render right to left with numbers kept left to right, and every string translated', async () => {
    const hub = await makeHub(t.ctx);
    const { phone, subscriber } = await makeSubscriber(t.ctx, { area: { kind: 'hub', code: hub.id } });
    await insertBlock(t.ctx, nextPhone(), 'abuse');
    const admin = await signedIn('admin');
    for (const path of ['/admin/subscribers', `/admin/subscribers?number=${encodeURIComponent(phone)}`, `/admin/subscribers/${subscriber.id}`, '/admin/blocked-numbers']) {
      const res = await admin.get(path, { 'accept-language': 'ar' });
      expect(res.status, path).toBe(200);
      const html = await res.text();
      expect(html, path).toContain('<html lang="ar" dir="rtl">');
      expect(html, path).toMatch(/<span dir="ltr">\+227[\u00a0\d]+<\/span>/);
      expect(html, path).not.toMatch(/subscribers\.[a-z_.]+/); // no message key shown as itself
    }
    const bad = await (await admin.get('/admin/subscribers?number=abc', { 'accept-language': 'ar' })).text();
    expect(bad).toContain('هذا ليس رقم هاتف يمكن الوصول إليه');
  });
});

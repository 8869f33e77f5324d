import { beforeEach, describe, expect, it } from 'vitest';
import { droughtInput } from '../../../../test/alert-factories.js';
import { useTestContext } from '../../../../test/context.js';
import { makeHub, makeUser } from '../../../../test/factories.js';
import { browser } from '../../../../test/http.js';
import { makeSubscriber, useEmptySubscribers } from '../../../../test/subscriber-factories.js';
import { fanOutStep } from '../../../domain/alerts/alert-fanout.js';
import { createAlert, decideAlert, getAlert, listAlerts } from '../../../domain/alerts/alerts.service.js';

const t = useTestContext();
useEmptySubscribers(t);
// Form posts count against the per-address limit (60 a minute) and the test clock stands still.
beforeEach(() => t.clock.advance(61_000));

const EN = { 'accept-language': 'en' };
/** 161 characters of the GSM alphabet: one more than a single SMS holds. */
const GSM_161 = 'Alerte secheresse a Maradi. '.repeat(6).slice(0, 161);
const ARABIC_SMS = 'تحذير من الجفاف في مارادي: احفظوا الماء والعلف.';

const form = (over: Record<string, string> = {}) => ({
  category: 'drought', severity: 'Severe', urgency: 'Expected', certainty: 'Likely', countries: '', adminAreas: 'NE:Maradi', hubs: '',
  effectiveAt: '2026-06-01T09:00', expiresAt: '2026-06-10T09:00', originalLanguage: 'fr',
  'text.0.headline': 'Sécheresse à Maradi', 'text.0.description': 'Pluies en retard de trois semaines.', 'text.0.instruction': '', 'text.0.sms': GSM_161,
  'text.1.lang': 'ar', 'text.1.headline': 'جفاف في مارادي', 'text.1.description': 'تأخر الأمطار ثلاثة أسابيع.', 'text.1.instruction': '', 'text.1.sms': ARABIC_SMS,
  ...over,
});

async function signedIn(role: 'admin' | 'curator' | 'coordinator' | 'delegate') {
  const b = browser(t.app);
  const { user, actor } = await makeUser(t.ctx, role);
  await b.signIn(user.email);
  return Object.assign(b, { actor });
}

/** Posts, moving the clock past the write limit's window first. */
async function post(b: ReturnType<typeof browser>, path: string, fields: Record<string, string>, opts?: { csrf?: string | null }) {
  t.clock.advance(2_000);
  return b.post(path, fields, opts);
}

const idFrom = (res: Response) => /^\/alerts\/([0-9a-f-]{36})\?done=/.exec(res.headers.get('location') ?? '')?.[1] ?? '';

async function approvedAlert(over: Record<string, unknown> = {}) {
  const author = (await makeUser(t.ctx, 'coordinator')).actor;
  const admin = (await makeUser(t.ctx, 'admin')).actor;
  const a = await createAlert(t.ctx, author, droughtInput({ expiresAt: '2026-06-20T00:00:00Z', ...over }));
  return decideAlert(t.ctx, admin, a.id, { decision: 'approve' });
}

describe('alerts: from the form to the feed', () => {
  it('a curator writes an alert with a preview, cannot approve it, an admin does; it is public then, as a page, in the feed and as CAP', async () => {
    await makeHub(t.ctx, { country: 'NE', adminArea: 'Maradi', text: { name: 'Radio Gaskiya Maradi', description: 'x' } });
    const fr = await makeSubscriber(t.ctx, { topic: 'drought', area: { kind: 'admin_area', code: 'NE:maradi' }, language: 'fr' });
    await makeSubscriber(t.ctx, { topic: 'drought', area: { kind: 'country', code: 'NE' }, language: 'ar' });
    await makeSubscriber(t.ctx, { topic: 'flood', area: { kind: 'country', code: 'NE' }, language: 'fr' });
    const curator = await signedIn('curator');

    const blank = await curator.get('/alerts/new', EN);
    expect(blank.status).toBe(200);
    const blankHtml = await blank.text();
    expect(blankHtml).toContain('type="datetime-local"');
    expect(blankHtml).toContain('UTC');
    expect(blankHtml).not.toContain('name="text.1.lang"');

    // "Add a language" without JavaScript: the same form with one more language.
    const more = await post(curator, '/alerts/new', { ...form(), 'text.1.lang': '', 'text.1.headline': '', 'text.1.description': '', 'text.1.sms': '', action: 'add_language' });
    expect(more.status).toBe(200);
    const moreHtml = await more.text();
    expect(moreHtml).toContain('name="text.2.lang"');
    expect(moreHtml).toContain(GSM_161);

    const preview = await post(curator, '/alerts/new', { ...form(), action: 'preview' });
    expect(preview.status).toBe(200);
    const previewHtml = await preview.text();
    expect(previewHtml).toMatch(/GSM alphabet[^<]*<\/strong> · 161 characters of 459 · <strong>2 segments<\/strong>/);
    expect(previewHtml).toMatch(new RegExp(`Unicode[^<]*</strong> · ${ARABIC_SMS.length} characters of 459 · <strong>1 segment</strong>`));
    expect(previewHtml).toContain('2 subscribers match this category and area.');
    expect(previewHtml).toContain('1 subscriber reads this text: 2 SMS (2 × 1).');
    expect(previewHtml).toContain('Sending it takes 3 SMS in all');
    expect(previewHtml).toContain('This alert is for: Maradi, Niger.');
    expect(previewHtml).toContain('price per SMS');
    expect(previewHtml).not.toContain(fr.phone.slice(4));
    expect(await getAlertCount()).toBe(0);

    const created = await post(curator, '/alerts/new', { ...form(), action: 'submit' });
    expect(created.status).toBe(303);
    const id = idFrom(created);
    expect((await getAlert(t.ctx, curator.actor, id)).status).toBe('pending');

    const own = await (await curator.get(`/alerts/${id}?done=alert_created`, EN)).text();
    expect(own).toContain('It waits for another person’s approval.');
    expect(own).toContain('This alert waits for another person’s approval: you wrote it, so you cannot approve it yourself.');
    expect(own).not.toContain('name="decision"');
    expect(own).toContain('Waiting for approval');
    const refused = await post(curator, `/alerts/${id}/decision`, { decision: 'approve', note: '' });
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain('You wrote this alert: another person must approve it.');

    const anonymous = browser(t.app);
    expect((await anonymous.get(`/alerts/${id}`)).status).toBe(404);
    expect((await anonymous.get(`/alerts/${id}.xml`)).status).toBe(404);
    expect(await (await anonymous.get('/alerts', EN)).text()).not.toContain('Sécheresse à Maradi');

    const admin = await signedIn('admin');
    const toDecide = await (await admin.get(`/alerts/${id}`, EN)).text();
    expect(toDecide).toContain('name="decision" value="approve"');
    const approved = await post(admin, `/alerts/${id}/decision`, { decision: 'approve', note: 'Vu avec la météo' });
    expect(approved.status).toBe(303);
    expect(approved.headers.get('location')).toBe(`/alerts/${id}?done=alert_approved`);

    const list = await (await anonymous.get('/alerts', EN)).text();
    expect(list).toContain(`<a href="/alerts/${id}"><span lang="fr" dir="ltr">Sécheresse à Maradi</span></a>`);
    expect(list).toContain('Severity: Severe · Urgency: Expected · Certainty: Likely');
    expect(list).toContain('Area: Maradi, Niger');
    expect(list).toMatch(/From <time datetime="2026-06-01T09:00:00.000Z">[^<]+<\/time> to <time datetime="2026-06-10T09:00:00.000Z">/);
    expect(list).toContain('<a href="/alerts">Alerts</a>');
    const page = await (await anonymous.get(`/alerts/${id}`, EN)).text();
    expect(page).toContain('Approved');
    expect(page).toContain('<blockquote lang="ar" dir="rtl">');

    const feed = await anonymous.get('/alerts/feed.atom');
    expect(feed.headers.get('content-type')).toMatch(/^application\/atom\+xml/);
    expect(await feed.text()).toContain(`/alerts/${id}.xml`);
    const cap = await anonymous.get(`/alerts/${id}.xml`);
    expect(cap.status).toBe(200);
    expect(cap.headers.get('content-type')).toMatch(/^application\/cap\+xml/);
    const xml = await cap.text();
    expect(xml).toContain('<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">');
    expect(xml).toContain('<language>ar</language>');

    // Progress: counts only, never a number; the signed-out are sent to sign in, others refused.
    while (!(await fanOutStep(t.ctx, id)).isDone);
    const progress = await admin.get(`/alerts/${id}/progress`, EN);
    expect(progress.status).toBe(200);
    const progressHtml = await progress.text();
    expect(progressHtml).toMatch(/Queued<\/th><td>2<\/td>/);
    expect(progressHtml).toContain('2 messages, 0 sent or delivered.');
    expect(progressHtml).toContain('class="progress-bar"');
    expect(progressHtml).not.toContain(fr.phone.slice(4));
    const signedOut = await anonymous.get(`/alerts/${id}/progress`);
    expect(signedOut.status).toBe(303);
    expect(signedOut.headers.get('location')).toBe(`/login?next=${encodeURIComponent(`/alerts/${id}/progress`)}`);
    expect((await (await signedIn('delegate')).get(`/alerts/${id}/progress`)).status).toBe(403);
  });

  it('a rejected alert stays hidden from the public and shows its status and note to authorities', async () => {
    const author = (await makeUser(t.ctx, 'coordinator')).actor;
    const a = await createAlert(t.ctx, author, droughtInput({ texts: { fr: { headline: 'Criquets au nord', description: 'Essaims signalés.', sms: 'Criquets signales.' } } }));
    const curator = await signedIn('curator');
    const res = await post(curator, `/alerts/${a.id}/decision`, { decision: 'reject', note: 'Source non confirmée' });
    expect(res.headers.get('location')).toBe(`/alerts/${a.id}?done=alert_rejected`);
    const page = await (await curator.get(`/alerts/${a.id}`, EN)).text();
    expect(page).toContain('Rejected');
    expect(page).toContain('<q>Source non confirmée</q>');
    expect(await (await curator.get('/alerts', EN)).text()).toMatch(/Criquets au nord<\/span><\/a><\/td><td><span class="status">Rejected/);
    // Deciding twice is refused with the reason.
    const again = await post(await signedIn('admin'), `/alerts/${a.id}/decision`, { decision: 'approve' });
    expect(again.status).toBe(409);
    expect(await again.text()).toContain('Someone has already approved or rejected this alert.');
    const anonymous = browser(t.app);
    expect((await anonymous.get(`/alerts/${a.id}`)).status).toBe(404);
    expect(await (await anonymous.get('/alerts')).text()).not.toContain('Criquets au nord');
  });

  it('updates an approved alert through the prefilled form, then cancels it with a reason as the SMS', async () => {
    const first = await approvedAlert();
    const curator = await signedIn('curator');
    const page = await (await curator.get(`/alerts/${first.id}`, EN)).text();
    expect(page).toContain(`href="/alerts/${first.id}/update"`);
    expect(page).toContain(`href="/alerts/${first.id}/cancel"`);

    const prefilled = await (await curator.get(`/alerts/${first.id}/update`, EN)).text();
    expect(prefilled).toContain('value="Sécheresse"');
    expect(prefilled).toContain('value="NE:maradi"');
    const updated = await post(curator, `/alerts/${first.id}/update`, {
      ...form({ adminAreas: 'NE:maradi', effectiveAt: '2026-06-01T00:00', expiresAt: '2026-06-20T00:00', 'text.0.headline': 'Sécheresse prolongée', 'text.0.sms': 'Secheresse prolongee a Maradi.' }),
      'text.1.lang': '', 'text.1.headline': '', 'text.1.description': '', 'text.1.sms': '', action: 'submit',
    });
    expect(updated.status).toBe(303);
    const update = await getAlert(t.ctx, curator.actor, idFrom(updated));
    expect(update).toMatchObject({ msgType: 'Update', references: first.id, status: 'pending' });
    await decideAlert(t.ctx, (await makeUser(t.ctx, 'admin')).actor, update.id, { decision: 'approve' });
    const list = await (await browser(t.app).get('/alerts', EN)).text();
    expect(list).toContain('Sécheresse prolongée');
    expect(list).not.toContain('>Sécheresse</span>');

    const cancelForm = await curator.get(`/alerts/${update.id}/cancel`, EN);
    expect(await cancelForm.text()).toContain('name="reason.fr"');
    const empty = await post(curator, `/alerts/${update.id}/cancel`, { 'reason.fr': ' ' });
    expect(empty.status).toBe(422);
    expect(await empty.text()).toContain('Required.');
    const cancelled = await post(curator, `/alerts/${update.id}/cancel`, { 'reason.fr': 'Fin de l’alerte : les pluies sont revenues.' });
    expect(cancelled.status).toBe(303);
    const cancel = await getAlert(t.ctx, curator.actor, idFrom(cancelled));
    expect(cancel).toMatchObject({ msgType: 'Cancel', references: update.id, status: 'pending' });
    expect(cancel.texts.fr!.sms).toBe('Fin de l’alerte : les pluies sont revenues.');
    await decideAlert(t.ctx, (await makeUser(t.ctx, 'admin')).actor, cancel.id, { decision: 'approve' });
    expect(await (await browser(t.app).get('/alerts', EN)).text()).toContain('No alert is in force.');
    // A cancellation cannot be updated or cancelled.
    expect((await curator.get(`/alerts/${cancel.id}/update`)).status).toBe(409);
  });
});

describe('alerts: refusals and languages', () => {
  it('re-renders the form with every field message at once (422): window, area, SMS too long, unknown hub', async () => {
    const curator = await signedIn('curator');
    const res = await post(curator, '/alerts/new', {
      ...form({ adminAreas: '', effectiveAt: '2026-06-05T09:00', expiresAt: '2026-06-02T09:00', 'text.0.sms': 'x'.repeat(460) }), action: 'submit',
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('The end must come after the start.');
    expect(html).toContain('Choose at least one country, admin area or hub.');
    expect(html).toContain('Too long: at most 459 characters.');
    expect(html).toContain('href="#f-text-0-sms"');
    expect(html).toContain('value="2026-06-05T09:00"');
    expect(await getAlertCount()).toBe(0);

    const hub = await post(curator, '/alerts/new', { ...form({ hubs: 'Radio Nowhere' }), action: 'submit' });
    expect(hub.status).toBe(422);
    expect(await hub.text()).toContain('No hub is called “Radio Nowhere”.');
  });

  it('refuses a form post without the CSRF token, and people who are not alert authorities', async () => {
    const curator = await signedIn('curator');
    const res = await post(curator, '/alerts/new', { ...form(), action: 'submit' }, { csrf: null });
    expect(res.status).toBe(403);
    expect(await getAlertCount()).toBe(0);
    const delegate = await signedIn('delegate');
    expect((await delegate.get('/alerts/new')).status).toBe(403);
    expect((await post(delegate, '/alerts/new', { ...form(), action: 'preview' })).status).toBe(403);
    expect((await delegate.get('/alerts/import')).status).toBe(403);
    const signedOut = await browser(t.app).get('/alerts/new');
    expect(signedOut.status).toBe(303);
    expect(signedOut.headers.get('location')).toBe('/login?next=%2Falerts%2Fnew');
  });

  it('renders the alert pages right to left in Arabic', async () => {
    const a = await approvedAlert();
    const curator = await signedIn('curator');
    for (const path of ['/alerts', `/alerts/${a.id}`, '/alerts/new', '/alerts/import', `/alerts/${a.id}/progress`]) {
      const res = await curator.get(path, { 'accept-language': 'ar' });
      expect(res.status, path).toBe(200);
      const html = await res.text();
      expect(html, path).toContain('<html lang="ar" dir="rtl">');
      expect(html, path).not.toMatch(/>alerts\.[a-z_.]+</);
    }
    const page = await (await curator.get(`/alerts/${a.id}`, { 'accept-language': 'ar' })).text();
    expect(page).toContain('الخطورة');
    expect(page).toContain('<span lang="fr" dir="ltr">Sécheresse</span>');
  });
});

async function getAlertCount() {
  const admin = (await makeUser(t.ctx, 'admin')).actor;
  return (await listAlerts(t.ctx, admin)).total;
}

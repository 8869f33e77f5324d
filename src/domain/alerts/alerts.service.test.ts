import { describe, expect, it } from 'vitest';
import { useTestContext } from '../../../test/context.js';
import { droughtInput } from '../../../test/alert-factories.js';
import { makeUser } from '../../../test/factories.js';
import { makeSubscriber } from '../../../test/subscriber-factories.js';
import { activeAlerts, alertProgress, changeAlert, createAlert, decideAlert, estimateAlert, getAlert, listAlerts } from './alerts.service.js';

const t = useTestContext();


async function people() {
  return { author: (await makeUser(t.ctx, 'coordinator')).actor, approver: (await makeUser(t.ctx, 'curator')).actor, delegate: (await makeUser(t.ctx, 'delegate')).actor };
}

describe('alerts', () => {
  it('waits for a second person: the author cannot approve, an approver can, once', async () => {
    const { author, approver } = await people();
    const alert = await createAlert(t.ctx, author, droughtInput({}, t.clock.now()));
    expect(alert).toMatchObject({ status: 'pending', msgType: 'Alert', category: 'drought', createdBy: author.id, sender: 'passerelle@localhost:3000' });
    await expect(decideAlert(t.ctx, author, alert.id, { decision: 'approve' })).rejects.toMatchObject({ code: 'forbidden', message: 'alerts.author_cannot_approve' });
    const approved = await decideAlert(t.ctx, approver, alert.id, { decision: 'approve', note: 'vu' });
    expect(approved).toMatchObject({ status: 'approved', approvedBy: approver.id, decisionNote: 'vu' });
    await expect(decideAlert(t.ctx, approver, alert.id, { decision: 'reject' })).rejects.toMatchObject({ code: 'conflict' });
    expect((await alertProgress(t.ctx, approver, alert.id)).dispatch).toBe('subscribers');
  });

  it('refuses people who are not alert authorities, and bad input, with field messages', async () => {
    const { author, delegate } = await people();
    await expect(createAlert(t.ctx, null, droughtInput({}, t.clock.now()))).rejects.toMatchObject({ code: 'unauthenticated' });
    await expect(createAlert(t.ctx, delegate, droughtInput({}, t.clock.now()))).rejects.toMatchObject({ code: 'forbidden' });
    await expect(createAlert(t.ctx, author, droughtInput({ adminAreas: [], expiresAt: '2020-05-01T00:00:00Z' }, t.clock.now()))).rejects.toMatchObject({
      code: 'invalid', fields: { countries: 'validation.area_required', expiresAt: 'validation.expires_before_effective' },
    });
    await expect(createAlert(t.ctx, author, droughtInput({ originalLanguage: 'en' }, t.clock.now()))).rejects.toMatchObject({ fields: { texts: 'validation.original_text_required' } });
    await expect(createAlert(t.ctx, author, droughtInput({ texts: { fr: { headline: 'x', description: 'y', sms: 'z'.repeat(460) } } }, t.clock.now()))).rejects.toMatchObject({ code: 'invalid' });
    await expect(createAlert(t.ctx, author, droughtInput({ category: 'volcano', severity: 'Huge' }, t.clock.now()))).rejects.toMatchObject({ code: 'invalid' });
  });

  it('rejected and pending alerts are hidden from the public; approved ones are shown while in force', async () => {
    const { author, approver } = await people();
    const pending = await createAlert(t.ctx, author, droughtInput({}, t.clock.now()));
    const rejected = await createAlert(t.ctx, author, droughtInput({}, t.clock.now()));
    await decideAlert(t.ctx, approver, rejected.id, { decision: 'reject', note: 'doublon' });
    const live = await createAlert(t.ctx, author, droughtInput({}, t.clock.now()));
    await decideAlert(t.ctx, approver, live.id, { decision: 'approve' });
    await expect(getAlert(t.ctx, null, pending.id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(getAlert(t.ctx, null, rejected.id)).rejects.toMatchObject({ code: 'not_found' });
    expect((await getAlert(t.ctx, null, live.id)).id).toBe(live.id);
    expect((await listAlerts(t.ctx, null)).items.map((a) => a.id)).toEqual([live.id]);
    expect((await listAlerts(t.ctx, author)).total).toBe(3);
    expect((await activeAlerts(t.ctx)).map((a) => a.id)).toEqual([live.id]);
    t.clock.advance(20 * 24 * 3600 * 1000);
    expect(await activeAlerts(t.ctx)).toEqual([]);
  });

  it('an approved Update stands in for its alert; an approved Cancel withdraws it', async () => {
    const { author, approver } = await people();
    const first = await createAlert(t.ctx, author, droughtInput({}, t.clock.now()));
    await expect(changeAlert(t.ctx, author, first.id, { msgType: 'Update', alert: droughtInput({}, t.clock.now()) })).rejects.toMatchObject({ code: 'conflict', message: 'alerts.not_approved' });
    await decideAlert(t.ctx, approver, first.id, { decision: 'approve' });
    const update = await changeAlert(t.ctx, author, first.id, { msgType: 'Update', alert: droughtInput({ severity: 'Extreme' }, t.clock.now()) });
    expect(update).toMatchObject({ msgType: 'Update', references: first.id, status: 'pending' });
    expect((await activeAlerts(t.ctx)).map((a) => a.id)).toEqual([first.id]);
    await decideAlert(t.ctx, approver, update.id, { decision: 'approve' });
    expect((await activeAlerts(t.ctx)).map((a) => a.id)).toEqual([update.id]);
    await expect(changeAlert(t.ctx, author, first.id, { msgType: 'Update', alert: droughtInput({}, t.clock.now()) })).rejects.toMatchObject({ code: 'conflict', message: 'alerts.superseded' });
    const cancel = await changeAlert(t.ctx, author, update.id, { msgType: 'Cancel', alert: droughtInput({ texts: { fr: { headline: 'Fin', description: 'Les pluies sont revenues.', sms: 'Fin de l alerte secheresse.' } } }, t.clock.now()) });
    await decideAlert(t.ctx, approver, cancel.id, { decision: 'approve' });
    expect(await activeAlerts(t.ctx)).toEqual([]);
    await expect(changeAlert(t.ctx, author, cancel.id, { msgType: 'Update', alert: droughtInput({}, t.clock.now()) })).rejects.toMatchObject({ message: 'alerts.already_cancelled' });
  });

  it('shows progress only to alert authorities', async () => {
    const { author, delegate } = await people();
    const alert = await createAlert(t.ctx, author, droughtInput({}, t.clock.now()));
    await expect(alertProgress(t.ctx, delegate, alert.id)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(alertProgress(t.ctx, null, alert.id)).rejects.toMatchObject({ code: 'forbidden' });
    expect(await alertProgress(t.ctx, author, alert.id)).toMatchObject({ dispatch: 'none', total: 0 });
  });

  it('estimates who an alert reaches, which text each language group gets, its segments and cost', async () => {
    const { author, delegate } = await people();
    const maradi = { kind: 'admin_area' as const, code: 'NE:maradi' };
    for (const language of ['fr', 'fr', 'en', 'ha']) await makeSubscriber(t.ctx, { topic: 'drought', area: maradi, language });
    await makeSubscriber(t.ctx, { topic: 'flood', area: maradi, language: 'fr' });
    await makeSubscriber(t.ctx, { topic: 'drought', area: { kind: 'country', code: 'KE' }, language: 'en' });
    const input = droughtInput({ texts: {
      fr: { headline: 'Sécheresse', description: 'Pluies en retard.', sms: 'x'.repeat(161) },
      en: { headline: 'Drought', description: 'Late rains.', sms: 'Drought: protect seed.' },
    } }, t.clock.now());
    const priced = { ...t.ctx, cfg: { ...t.ctx.cfg, sms: { ...t.ctx.cfg.sms, pricePerSegment: { amount: 0.02, currency: 'USD' } } } };
    const estimate = await estimateAlert(priced, author, input);
    expect(estimate.recipients).toBe(4);
    // The Hausa reader gets the original (French) text: 3 readers × 2 segments, 1 × 1.
    expect(estimate.texts).toEqual([
      { lang: 'fr', encoding: 'gsm7', characters: 161, segments: 2, recipients: 3 },
      { lang: 'en', encoding: 'gsm7', characters: 22, segments: 1, recipients: 1 },
    ]);
    expect(estimate.segments).toBe(7);
    expect(estimate.cost).toEqual({ amount: 0.14, currency: 'USD' });
    expect((await estimateAlert(t.ctx, author, input)).cost).toBeNull();
    await expect(estimateAlert(t.ctx, delegate, input)).rejects.toMatchObject({ code: 'forbidden' });
  });
});

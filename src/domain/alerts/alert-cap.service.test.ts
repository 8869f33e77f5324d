import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { useTestContext } from '../../../test/context.js';
import { droughtInput } from '../../../test/alert-factories.js';
import { makeHub, makeUser } from '../../../test/factories.js';
import { activeAlertsAtom, alertCapXml, importCapAlert } from './alert-cap.service.js';
import { createAlert, decideAlert } from './alerts.service.js';
import { parseCap } from './cap-parse.js';

const t = useTestContext();
const fixture = (name: string) => readFileSync(new URL(`../../../test/fixtures/cap/${name}`, import.meta.url), 'utf8');

describe('CAP import and export', () => {
  it('imports an authority’s alert as pending, its areas found by name, its texts per language', async () => {
    await makeHub(t.ctx, { country: 'NE', adminArea: 'Maradi' });
    await makeHub(t.ctx, { country: 'NE', adminArea: 'Zinder' });
    const { actor } = await makeUser(t.ctx, 'curator');
    const result = await importCapAlert(t.ctx, actor, fixture('valid/drought-niger-fr-ha.xml'));
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.alert).toMatchObject({ status: 'pending', source: 'cap', category: 'drought', severity: 'Severe', adminAreas: ['NE:maradi', 'NE:zinder'], originalLanguage: 'fr-NE', identifier: 'NE-DMN-2026-0042' });
    expect(Object.keys(result.alert.texts).sort()).toEqual(['fr-NE', 'ha']);
    expect(result.alert.texts['fr-NE']!.sms.length).toBeLessThanOrEqual(459);
    // The same file again is refused.
    const again = await importCapAlert(t.ctx, actor, fixture('valid/drought-niger-fr-ha.xml'));
    expect(again.ok === false && again.errors.map((e) => e.code)).toEqual(['already_imported']);
  });

  it('refuses an area it cannot resolve, an exercise, an unknown reference, and what is not CAP — with reasons', async () => {
    const { actor } = await makeUser(t.ctx, 'curator');
    const unresolved = await importCapAlert(t.ctx, actor, fixture('valid/drought-niger-fr-ha.xml'));
    expect(unresolved.ok === false && unresolved.errors.map((e) => `${e.code} ${e.path}`)).toContain('unresolved_area info[0].area[0]');
    const exercise = await importCapAlert(t.ctx, actor, fixture('valid/prefixed-cdata-exercise.xml'));
    expect(exercise.ok === false && exercise.errors.map((e) => e.code)).toContain('not_actual');
    const cancel = await importCapAlert(t.ctx, actor, fixture('valid/cancel-drought.xml'));
    expect(cancel.ok === false && cancel.errors.map((e) => e.code)).toContain('unknown_reference');
    const notCap = await importCapAlert(t.ctx, actor, fixture('invalid/rss-feed.xml'));
    expect(notCap.ok === false && notCap.errors[0]!.code).toBe('not_cap');
    const notXml = await importCapAlert(t.ctx, actor, 'drought in Maradi');
    expect(notXml.ok === false && notXml.errors[0]!.code).toBe('not_xml');
    await expect(importCapAlert(t.ctx, (await makeUser(t.ctx, 'delegate')).actor, fixture('valid/cancel-drought.xml'))).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('exports valid CAP 1.2 that imports back as the same alert, and lists active alerts in an Atom feed', async () => {
    const author = (await makeUser(t.ctx, 'coordinator')).actor;
    const approver = (await makeUser(t.ctx, 'admin')).actor;
    const alert = await createAlert(t.ctx, author, droughtInput({ countries: ['NE'], adminAreas: ['NE:maradi'], texts: {
      fr: { headline: 'Sécheresse', description: 'Pluies en retard.', instruction: 'Gardez les semences.', sms: 'Alerte secheresse Maradi.' },
      ar: { headline: 'جفاف', description: 'تأخر الأمطار.', sms: 'تحذير من الجفاف في مارادي.' },
    } }));
    await decideAlert(t.ctx, approver, alert.id, { decision: 'approve' });
    const approved = { ...alert, status: 'approved' as const };
    const xml = await alertCapXml(t.ctx, approved);
    const parsed = parseCap(xml);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    expect(parsed.alert.info.map((i) => i.language).sort()).toEqual(['ar', 'fr']);

    // Read back by another node (here: the same one, after the original is gone from its identifiers).
    const copy = xml.replace(alert.identifier, `${alert.identifier}-copy`);
    const back = await importCapAlert(t.ctx, author, copy);
    if (!back.ok) throw new Error(JSON.stringify(back.errors));
    expect(back.alert).toMatchObject({ category: 'drought', countries: ['NE'], adminAreas: ['NE:maradi'], severity: 'Severe', urgency: 'Expected', certainty: 'Likely' });
    expect(back.alert.texts.fr).toEqual(alert.texts.fr);
    expect(back.alert.texts.ar!.sms).toBe('تحذير من الجفاف في مارادي.');
    expect(back.alert.effectiveAt.toISOString()).toBe(alert.effectiveAt.toISOString());

    const feed = await activeAlertsAtom(t.ctx, 'fr');
    expect(feed).toContain(`/alerts/${alert.id}.xml`);
    expect(feed).toContain('Sécheresse');
    expect(feed).not.toContain(back.alert.id);
  });
});
